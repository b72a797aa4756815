package org.carepost.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.carepost.config.CarePostProperties;
import org.carepost.identity.IdentitySetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One short block when CarePost is ready: where to go (Tasklist, Cockpit, Admin, the auditor's pages, the API), which
 * profile and database it runs on, and on the embedded default who may log in. A newcomer reads this instead of the
 * code.
 */
@Component
@ConditionalOnWebApplication
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;
    private final CarePostProperties properties;

    StartupReport(Environment environment, CarePostProperties properties) {
        this.environment = environment;
        this.properties = properties;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : environment.getProperty("server.port", Integer.class, 8080);
        log.info("\n{}", render(port));
    }

    String render(int port) {
        boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, false)
                || environment.containsProperty("server.ssl.key-store");
        String base = (tls ? "https" : "http") + "://localhost:" + port;
        List<String> lines = new ArrayList<>();
        lines.add("==================== CarePost is ready ====================");
        lines.add("  Tasklist   " + base + "/camunda/app/tasklist/");
        lines.add("  Cockpit    " + base + "/camunda/app/cockpit/");
        lines.add("  Admin      " + base + "/camunda/app/admin/");
        lines.add("  Audit      " + base + "/audit");
        lines.add("  API docs   " + base + "/swagger-ui.html   (the API itself: " + base + "/api, HTTP Basic)");
        lines.add("  Profile    " + profiles() + " | database " + database() + " | publishing "
                + environment.getProperty("carepost.publishing.mode", "sandbox"));
        if (properties.demoUsers()) {
            lines.add("  Demo users (password = user id):");
            for (IdentitySetup.DemoUser user : IdentitySetup.DEMO_USERS) {
                lines.add(String.format("    %-7s %s %s", user.id(), user.firstName(), user.lastName()));
            }
        }
        lines.add("===========================================================");
        return String.join("\n", lines);
    }

    private String profiles() {
        String[] active = environment.getActiveProfiles();
        return active.length == 0 ? "default (embedded)" : String.join(", ", Arrays.asList(active));
    }

    /** The JDBC URL without credentials or options: where the data is, not how to get in. */
    String database() {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:file:")) {
            return "H2 file " + url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        }
        if (url.startsWith("jdbc:postgresql://")) {
            return "PostgreSQL " + url.substring("jdbc:postgresql://".length()).split("\\?", 2)[0];
        }
        return url.split("[;?]", 2)[0];
    }
}
