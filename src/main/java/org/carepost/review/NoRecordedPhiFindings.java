package org.carepost.review;

import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Default {@link PhiPresence} and {@link MediaPresence} until the phi and publishing features provide theirs. */
@Configuration
public class NoRecordedPhiFindings {

    @Bean
    @ConditionalOnMissingBean(PhiPresence.class)
    public PhiPresence phiPresence() {
        return (UUID contentId, int versionNo) -> false;
    }

    @Bean
    @ConditionalOnMissingBean(MediaPresence.class)
    public MediaPresence mediaPresence() {
        return (UUID contentId, int versionNo) -> false;
    }
}
