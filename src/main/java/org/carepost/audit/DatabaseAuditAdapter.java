package org.carepost.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The store of record: appends rows to audit_event in the caller's transaction. Never updates or deletes. */
@Component
public class DatabaseAuditAdapter implements AuditAdapter {

    static final String INSERT = "insert into audit_event (" + AuditRecord.COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    public DatabaseAuditAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public void append(List<AuditRecord> events) {
        jdbc.batchUpdate(INSERT, events, events.size(), DatabaseAuditAdapter::bind);
    }

    static void bind(PreparedStatement ps, AuditRecord r) throws SQLException {
        ps.setLong(1, r.seq());
        ps.setObject(2, OffsetDateTime.ofInstant(r.occurredAt(), ZoneOffset.UTC));
        ps.setString(3, r.actor());
        ps.setString(4, r.action());
        ps.setObject(5, r.contentId());
        ps.setString(6, r.versionHash());
        ps.setString(7, r.consentId());
        ps.setString(8, r.decision());
        ps.setString(9, r.comment());
        ps.setString(10, r.processInstanceId());
        ps.setString(11, r.taskId());
        ps.setString(12, r.prevHash());
        ps.setString(13, r.hash());
    }
}
