package org.carepost.consent;

import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ConsentConfig {

    /** Until the PHI feature provides its own {@link CoveredFindings} bean: no finding is marked covered. */
    @Bean
    @ConditionalOnMissingBean(CoveredFindings.class)
    public CoveredFindings noCoveredFindings() {
        return contentId -> Set.of();
    }
}
