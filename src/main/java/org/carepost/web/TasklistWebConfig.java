package org.carepost.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** What Tasklist's calls to the webapps' engine REST API get besides Camunda's own handling. */
@Configuration
@ConditionalOnWebApplication
public class TasklistWebConfig {

    /** Refused form submissions answer with our sentence (400), not a 500 with an engine code. */
    @Bean
    public FilterRegistrationBean<EngineRefusalFilter> engineRefusals(ObjectMapper json) {
        FilterRegistrationBean<EngineRefusalFilter> registration = new FilterRegistrationBean<>(new EngineRefusalFilter(json));
        registration.addUrlPatterns("/camunda/api/engine/*");
        // Innermost: it sees exactly what the engine's REST resources answered.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
