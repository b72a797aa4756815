package org.carepost.publishing;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PublishingConfig {

    @Bean
    public PlatformAdapters platformAdapters(@Value("${carepost.publishing.mode:sandbox}") String mode,
                                             SandboxPostRepository sandboxPosts, Clock clock) {
        if ("sandbox".equals(mode)) {
            return new PlatformAdapters(List.of(), new SandboxPlatformAdapter(sandboxPosts, clock));
        }
        throw new IllegalStateException("carepost.publishing.mode=" + mode + " is not supported yet; use sandbox");
    }
}
