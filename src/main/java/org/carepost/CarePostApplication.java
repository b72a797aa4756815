package org.carepost;

import java.util.Arrays;
import org.carepost.audit.AuditVerifyCommand;
import org.carepost.phi.PhiScanCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The web application, or a command: {@code java -jar carepost.jar phi-scan} reads JSON lines on stdin and starts
 * no server; {@code audit-verify} checks the audit hash chain (exit 0 OK, 1 broken).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CarePostApplication {

    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        switch (command) {
            case "phi-scan" -> System.exit(PhiScanCommand.run(Arrays.copyOfRange(args, 1, args.length), System.in,
                    System.out, System.err));
            case "audit-verify" -> System.exit(AuditVerifyCommand.run(CarePostApplication.class,
                    Arrays.copyOfRange(args, 1, args.length), System.out));
            default -> SpringApplication.run(CarePostApplication.class, args);
        }
    }
}
