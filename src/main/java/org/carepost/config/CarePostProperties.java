package org.carepost.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * CarePost's own settings.
 *
 * @param processesDir a folder of edited BPMN/DMN/forms deployed at start-up instead of the packaged ones (optional)
 * @param departments  departments that may publish; each has a Camunda group {@code dept-<name>}
 * @param demoUsers    create the demo users on start-up (embedded default only)
 */
@ConfigurationProperties("carepost")
public record CarePostProperties(String processesDir, List<String> departments, boolean demoUsers) {

    public CarePostProperties {
        departments = departments == null || departments.isEmpty() ? List.of("cardiology", "oncology") : List.copyOf(departments);
    }
}
