package org.carepost.phi;

import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration
public class PhiConfig {

    /** The hospital's own identifiers (carepost.phi.organization) and its staff (Camunda users). */
    @Bean
    public CurrentOrganizationDirectory organizationDirectory(OrganizationSettings settings,
                                                              @Lazy ProcessEngine engine, Clock clock) {
        return new CurrentOrganizationDirectory(settings, CurrentOrganizationDirectory.camundaUsers(engine), clock);
    }

    /** One shared detector: it loads its dictionaries once (a few seconds) and is thread-safe. */
    @Bean
    public PhiDetector phiDetector(CurrentOrganizationDirectory directory) {
        return new PhiDetector(directory);
    }
}
