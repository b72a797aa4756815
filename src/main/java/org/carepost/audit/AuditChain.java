package org.carepost.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Assigns sequence numbers and hashes. The one-row table audit_chain_head is locked with {@code select ... for
 * update} (PostgreSQL and H2 alike) until the appending transaction ends, so concurrent transactions and several
 * engine nodes append one after another and never fork the chain; a rolled-back transaction leaves no gap. As
 * each holder commits before the next one gets a number, committed rows become visible in seq order - the
 * outbox never skips a row that commits late. A transaction that appends several events locks and reads the head
 * once and writes it once, before it commits ({@link LockedHead}).
 */
@Component
public class AuditChain {

    private final JdbcTemplate jdbc;

    public AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Head(long lastSeq, String lastHash) {
    }

    /**
     * Locks the head; must run inside a transaction. Within a Spring transaction, the head this transaction holds:
     * locked by its first call, kept (and moved on) in memory until just before the commit.
     */
    public Head lockHead() {
        LockedHead held = LockedHead.ofCurrentTransaction();
        if (held != null) {
            return held.head;
        }
        Map<String, Object> row = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1 for update");
        Head head = new Head(((Number) row.get("last_seq")).longValue(), (String) row.get("last_hash"));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new LockedHead(this, head));
        }
        return head;
    }

    public Head head() {
        Map<String, Object> row = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1");
        return new Head(((Number) row.get("last_seq")).longValue(), (String) row.get("last_hash"));
    }

    /** Seals one entry at the end of the chain (locks the head, moves it on). Caller's transaction. */
    public AuditRecord seal(Instant at, AuditEntry e) {
        Head head = lockHead();
        AuditRecord record = link(head, at, e);
        moveHead(record);
        return record;
    }

    /** The record following {@code head}; does not touch the database. */
    public static AuditRecord link(Head head, Instant at, AuditEntry e) {
        AuditRecord unsealed = new AuditRecord(head.lastSeq() + 1, AuditCanonical.truncate(at), e.actor(),
                e.action().code(), e.contentId(), e.versionHash(), e.consentId(), e.decision(), e.comment(),
                e.processInstanceId(), e.taskId(), head.lastHash(), null);
        return unsealed.withHash(AuditCanonical.hash(unsealed));
    }

    void moveHead(AuditRecord last) {
        Head head = new Head(last.seq(), last.hash());
        LockedHead held = LockedHead.ofCurrentTransaction();
        if (held == null || held.written) {
            write(head); // no transaction to wait for, or an event appended after the head was written: at once
        }
        if (held != null) {
            held.head = head;
            held.moved = !held.written;
        }
    }

    private void write(Head head) {
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", head.lastSeq(), head.lastHash());
    }

    /**
     * The head a transaction has locked. A synchronization, not a bound resource: Spring suspends it with its
     * transaction, so a transaction started inside (REQUIRES_NEW) never sees a head it has not locked itself.
     */
    static final class LockedHead implements TransactionSynchronization {

        private final AuditChain chain;
        private Head head;
        private boolean moved;
        private boolean written;

        LockedHead(AuditChain chain, Head head) {
            this.chain = chain;
            this.head = head;
        }

        static LockedHead ofCurrentTransaction() {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                return null;
            }
            for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
                if (s instanceof LockedHead held) {
                    return held;
                }
            }
            return null;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (moved) {
                chain.write(head);
            }
            written = true;
        }
    }

    /**
     * Seals rows written before the chain existed (seq null), oldest first, at the end of the chain. Caller's
     * transaction. Returns how many.
     */
    public int sealUnchained() {
        Head head = lockHead();
        List<Map<String, Object>> ids = jdbc.queryForList("select id from audit_event where seq is null order by id");
        int sealed = 0;
        for (Map<String, Object> idRow : ids) {
            long id = ((Number) idRow.get("id")).longValue();
            AuditRecord old = jdbc.queryForObject("select 0, occurred_at, actor, action, content_id, version_hash, "
                    + "consent_id, decision, comment, process_instance_id, task_id, null, null from audit_event where id = ?",
                    AuditRecord::map, id);
            AuditRecord unsealed = new AuditRecord(head.lastSeq() + 1, AuditCanonical.truncate(old.occurredAt()),
                    old.actor(), old.action(), old.contentId(), old.versionHash(), old.consentId(), old.decision(),
                    old.comment(), old.processInstanceId(), old.taskId(), head.lastHash(), null);
            AuditRecord record = unsealed.withHash(AuditCanonical.hash(unsealed));
            jdbc.update("update audit_event set seq = ?, prev_hash = ?, hash = ? where id = ? and seq is null",
                    record.seq(), record.prevHash(), record.hash(), id);
            head = new Head(record.seq(), record.hash());
            moveHead(record);
            sealed++;
        }
        return sealed;
    }
}
