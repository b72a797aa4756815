package org.carepost.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox: hands committed audit rows to every forwarding adapter (all {@link AuditAdapter}s but the store), in
 * seq order, from a per-adapter cursor in audit_forward_cursor (the last seq it received). The cursor row is locked
 * while a batch is sent, so two nodes never send the same batch concurrently; the cursor moves only after the
 * adapter accepted the batch, so a failure is retried on the next run (at least once; each message carries its
 * seq, so a receiver can drop a repeat). Deciding transactions never wait for it.
 */
@Component
public class AuditForwarder {

    private static final Logger log = LoggerFactory.getLogger(AuditForwarder.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final List<AuditAdapter> forwarders;
    private final int batchSize;

    public AuditForwarder(JdbcTemplate jdbc, PlatformTransactionManager transactions, List<AuditAdapter> adapters,
                          AuditProperties properties) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.forwarders = adapters.stream().filter(a -> !(a instanceof DatabaseAuditAdapter)).toList();
        this.batchSize = properties.forwardBatchSize();
    }

    @Scheduled(initialDelayString = "${carepost.audit.forward-interval:PT2S}",
            fixedDelayString = "${carepost.audit.forward-interval:PT2S}")
    public void forwardAll() {
        for (AuditAdapter adapter : forwarders) {
            try {
                forward(adapter);
            } catch (RuntimeException e) {
                log.warn("Forwarding audit events to {} failed ({}); retrying on the next run", adapter.name(), e.toString());
            }
        }
    }

    /** Forwards everything not yet forwarded to {@code adapter}; returns how many rows it accepted. */
    public long forward(AuditAdapter adapter) {
        ensureCursor(adapter.name());
        long total = 0;
        while (true) {
            Integer sent = tx.execute(status -> {
                Long cursor = jdbc.queryForObject("select last_seq from audit_forward_cursor where adapter = ? for update",
                        Long.class, adapter.name());
                List<AuditRecord> batch = jdbc.query("select " + AuditRecord.COLUMNS + " from audit_event where seq > ? "
                        + "order by seq fetch first " + batchSize + " rows only", AuditRecord::map, cursor);
                if (batch.isEmpty()) {
                    return 0;
                }
                try {
                    adapter.append(batch);
                } catch (java.io.IOException e) {
                    throw new ForwardingFailed(adapter.name(), e);
                }
                jdbc.update("update audit_forward_cursor set last_seq = ? where adapter = ?",
                        batch.get(batch.size() - 1).seq(), adapter.name());
                return batch.size();
            });
            if (sent == null || sent == 0) {
                return total;
            }
            total += sent;
        }
    }

    public long cursor(String adapter) {
        ensureCursor(adapter);
        return jdbc.queryForObject("select last_seq from audit_forward_cursor where adapter = ?", Long.class, adapter);
    }

    private void ensureCursor(String adapter) {
        Integer exists = jdbc.queryForObject("select count(*) from audit_forward_cursor where adapter = ?", Integer.class, adapter);
        if (exists != null && exists == 0) {
            try {
                tx.executeWithoutResult(s -> jdbc.update("insert into audit_forward_cursor (adapter, last_seq) values (?, 0)", adapter));
            } catch (DuplicateKeyException e) {
                // another node created it first
            }
        }
    }

    /** A forwarder refused or could not take a batch; the cursor did not move. */
    public static class ForwardingFailed extends RuntimeException {
        ForwardingFailed(String adapter, java.io.IOException cause) {
            super("forwarding to " + adapter + " failed: " + cause, cause);
        }
    }
}
