package org.carepost.audit;

import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** An in-memory H2 database migrated with CarePost's migrations: the audit chain without the application. */
final class H2AuditDatabase {

    final JdbcDataSource dataSource = new JdbcDataSource();
    final JdbcTemplate jdbc;
    final DataSourceTransactionManager transactions;
    final TransactionTemplate tx;
    final AuditChain chain;
    final DatabaseAuditAdapter store;

    H2AuditDatabase() {
        dataSource.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        tx = new TransactionTemplate(transactions);
        chain = new AuditChain(jdbc);
        store = new DatabaseAuditAdapter(jdbc);
    }

    /** What AuditTrail.record does, in a transaction of its own. */
    AuditRecord record(AuditEntry entry) {
        return tx.execute(s -> {
            AuditRecord sealed = chain.seal(Instant.now(), entry);
            store.append(java.util.List.of(sealed));
            return sealed;
        });
    }

    AuditRecord record(int i) {
        return record(AuditEntry.of("user" + i, AuditAction.REVIEW, UUID.randomUUID(), "ab".repeat(32))
                .withDecision("approve", "comment " + i));
    }
}
