package org.carepost.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
public class AuditConfig {

    /** SIEM forwarding, when {@code carepost.audit.syslog.host} is set. */
    @Bean
    @ConditionalOnExpression("!'${carepost.audit.syslog.host:}'.isBlank()")
    SyslogAuditAdapter syslogAuditAdapter(AuditProperties properties) {
        AuditProperties.Syslog s = properties.syslog();
        return new SyslogAuditAdapter(s.host(), s.port() == null ? 514 : s.port(), s.hostname(), s.timeout());
    }

    /** Rows written before the chain existed (V7) are sealed into it at start-up. */
    @Bean
    ApplicationRunner sealUnchainedAuditEvents(AuditChain chain, PlatformTransactionManager transactions) {
        return (ApplicationArguments args) -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> chain.sealUnchained());
    }
}
