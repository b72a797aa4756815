package org.carepost.phi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PhiConfig {

    /** One shared detector: it loads its dictionaries once (a few seconds) and is thread-safe. */
    @Bean
    public PhiDetector phiDetector() {
        return new PhiDetector();
    }
}
