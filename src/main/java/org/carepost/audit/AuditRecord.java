package org.carepost.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the audit chain as stored: the event's fields plus its sequence number, the previous row's hash and
 * its own hash (see {@link AuditCanonical}).
 */
public record AuditRecord(long seq, Instant occurredAt, String actor, String action, UUID contentId,
                          String versionHash, String consentId, String decision, String comment,
                          String processInstanceId, String taskId, String prevHash, String hash) {

    /** Columns in the order {@link #map} reads them. */
    public static final String COLUMNS = "seq, occurred_at, actor, action, content_id, version_hash, consent_id, "
            + "decision, comment, process_instance_id, task_id, prev_hash, hash";

    public AuditRecord withHash(String newHash) {
        return new AuditRecord(seq, occurredAt, actor, action, contentId, versionHash, consentId, decision, comment,
                processInstanceId, taskId, prevHash, newHash);
    }

    /** Maps a row selected with {@link #COLUMNS}; works on PostgreSQL and H2. */
    public static AuditRecord map(ResultSet rs, int rowNum) throws SQLException {
        return new AuditRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
    }
}
