package org.carepost.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit chain for other modules (auditors' pages, "My drafts", offboarding records), so the table and its
 * repository stay private to this module. Read-only; writing goes through {@link AuditTrail}.
 */
@Service
@Transactional(readOnly = true)
public class AuditEvents {

    private final AuditEventRepository events;
    private final JdbcTemplate jdbc;

    public AuditEvents(AuditEventRepository events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /** One draft's events, oldest first. */
    public List<AuditEvent> ofContent(UUID contentId) {
        return events.findByContentIdOrderById(contentId);
    }

    /** The events of one process instance (an offboarding's, say), oldest first. */
    public List<AuditEvent> ofProcessInstance(String processInstanceId) {
        return events.findByProcessInstanceIdOrderById(processInstanceId);
    }

    /** One draft's events as sealed in the chain (with their hashes), in seq order. */
    public List<AuditRecord> recordsOfContent(UUID contentId) {
        return jdbc.query("select " + AuditRecord.COLUMNS + " from audit_event where content_id = ? order by seq",
                AuditRecord::map, contentId);
    }

    /** The hash of the row numbered {@code seq}, empty if there is none (a gap). */
    public Optional<String> hashAt(long seq) {
        return jdbc.queryForList("select hash from audit_event where seq = ?", String.class, seq).stream().findFirst();
    }

    /**
     * The newest {@code limit} events with one of these actions (the model deployments and model changes, say), oldest
     * first.
     */
    public List<AuditRecord> withActions(List<AuditAction> actions, int limit) {
        String codes = String.join(", ", java.util.Collections.nCopies(actions.size(), "?"));
        List<AuditRecord> newest = new java.util.ArrayList<>(jdbc.query("select " + AuditRecord.COLUMNS + " from audit_event where action in ("
                + codes + ") order by seq desc fetch first " + limit + " rows only", AuditRecord::map,
                actions.stream().map(AuditAction::code).toArray()));
        java.util.Collections.reverse(newest);
        return newest;
    }

    /** Up to {@code limit} events with {@code from <= occurredAt < to} and a seq above {@code afterSeq}, in seq order. */
    public List<AuditRecord> page(Instant from, Instant to, long afterSeq, int limit) {
        return jdbc.query("select " + AuditRecord.COLUMNS + " from audit_event where occurred_at >= ? "
                        + "and occurred_at < ? and seq > ? order by seq fetch first " + limit + " rows only",
                AuditRecord::map, OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC),
                afterSeq);
    }
}
