package org.carepost.audit;

import java.io.PrintStream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar carepost.jar audit-verify}: starts the application without a web server, job executor or SIEM
 * forwarding, verifies the chain, prints {@code OK n=<count>} or the first broken link, exits 0 or 1.
 */
public final class AuditVerifyCommand {

    private AuditVerifyCommand() {
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("camunda.bpm.job-execution.enabled=false",
                        "carepost.audit.syslog.host=",
                        "carepost.audit.forward-interval=PT24H",
                        "logging.level.root=WARN",
                        // Camunda's REST API needs a servlet container.
                        "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration")
                .run(args)) {
            AuditVerifier.Result result = context.getBean(AuditVerifier.class).verify();
            out.println(result.line());
            return result.ok() ? 0 : 1;
        }
    }
}
