package org.carepost.publishing;

import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PublishingConfig {

    @Bean
    public PublishingAccounts publishingAccounts(PublishingProperties properties) {
        return new PublishingAccounts(properties);
    }

    /** {@code sandbox}: every platform posts into our own table (embedded default); {@code live}: the real networks. */
    @Bean
    public PlatformAdapters platformAdapters(PublishingProperties properties, PublishingAccounts accounts,
                                             SandboxPostRepository sandboxPosts, Clock clock,
                                             org.springframework.transaction.PlatformTransactionManager transactions) {
        if ("sandbox".equals(properties.mode())) {
            return new PlatformAdapters(List.of(), new SandboxPlatformAdapter(sandboxPosts, clock, transactions));
        }
        if ("live".equals(properties.mode())) {
            return new PlatformAdapters(liveAdapters(accounts), null);
        }
        throw new IllegalStateException("carepost.publishing.mode=" + properties.mode() + " is not supported; use sandbox or live");
    }

    public static List<PlatformAdapter> liveAdapters(PublishingAccounts accounts) {
        return List.of(new FacebookPagesAdapter(accounts), new InstagramAdapter(accounts), new LinkedInAdapter(accounts),
                new XAdapter(accounts), new MastodonAdapter(accounts), new WebhookAdapter(accounts));
    }
}
