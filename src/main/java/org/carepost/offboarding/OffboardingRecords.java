package org.carepost.offboarding;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.carepost.audit.AuditEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What was recorded of each offboarding, for the auditor's page and for the department heads' "My drafts". */
@Service
public class OffboardingRecords {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final JdbcTemplate jdbc;
    private final Offboardings offboardings;
    private final AuditEvents audit;

    public OffboardingRecords(JdbcTemplate jdbc, Offboardings offboardings, AuditEvents audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.offboardings = offboardings;
    }

    public record Membership(String groupId, String groupName) {
    }

    public record HandedTask(String taskName, String processKey, String handedTo) {
    }

    public record HandedDraft(String contentId, String toUser) {
    }

    public record Rotation(String platform, String account, String rotatedBy, String rotatedAt) {
    }

    public record Event(String at, String actor, String action, String contentId, String comment) {
    }

    /** One offboarding as the auditor reads it (times formatted, empty where not reached yet). */
    public record Record(String id, String user, String leavingDate, String colleague, String startedBy,
                         String startedAt, String lockedAt, String completedAt, List<Membership> memberships,
                         List<HandedTask> tasks, List<HandedDraft> drafts, List<Rotation> rotations,
                         List<Event> events) {
    }

    /** A draft handed to a department head, with the sentence their list shows. */
    public record Notice(UUID contentId, String notice) {
    }

    @Transactional(readOnly = true)
    public List<Record> newestFirst(int limit) {
        return jdbc.query("select id, user_id, leaving_date, colleague, started_by, started_at, locked_at, completed_at "
                + "from offboarding order by started_at desc, id limit ?", (rs, n) -> {
                    String id = rs.getString("id");
                    return new Record(id, offboardings.displayName(rs.getString("user_id")),
                            DAY.format(rs.getObject("leaving_date", LocalDate.class)),
                            rs.getString("colleague") == null ? "" : rs.getString("colleague"),
                            rs.getString("started_by"), when(rs.getTimestamp("started_at")),
                            when(rs.getTimestamp("locked_at")), when(rs.getTimestamp("completed_at")),
                            jdbc.query("select group_id, group_name from offboarding_membership where offboarding_id = ? "
                                    + "order by group_id", (m, i) -> new Membership(m.getString(1),
                                    m.getString(2) == null ? "" : m.getString(2)), id),
                            jdbc.query("select task_name, process_key, handed_to from offboarding_task "
                                    + "where offboarding_id = ? order by id", (t, i) -> new HandedTask(
                                    t.getString(1) == null ? "" : t.getString(1),
                                    t.getString(2) == null ? "" : t.getString(2), t.getString(3)), id),
                            jdbc.query("select content_id, to_user from draft_handover where offboarding_id = ? "
                                    + "order by id", (d, i) -> new HandedDraft(d.getObject(1).toString(),
                                    d.getString(2) == null ? "nobody (no department head)" : d.getString(2)), id),
                            jdbc.query("select platform, account, rotated_by, rotated_at from credential_rotation "
                                    + "where offboarding_id = ? order by platform, account", (r, i) -> new Rotation(
                                    r.getString(1), r.getString(2), r.getString(3) == null ? "" : r.getString(3),
                                    when(r.getTimestamp(4))), id),
                            audit.ofProcessInstance(id).stream().map(e -> new Event(when(e.getOccurredAt()),
                                    e.getActor(), e.getAction(), e.getContentId() == null ? "" : e.getContentId().toString(),
                                    e.getComment() == null ? "" : e.getComment())).toList());
                }, limit);
    }

    /** The drafts handed to this user (a department head), newest first, each with its notice. */
    @Transactional(readOnly = true)
    public List<Notice> draftsHandedTo(String userId) {
        // A draft handed over twice (its author came back and left again) is listed once, with the newest notice.
        java.util.Map<UUID, Notice> newest = new java.util.LinkedHashMap<>();
        handedTo(userId).forEach(n -> newest.putIfAbsent(n.contentId(), n));
        return List.copyOf(newest.values());
    }

    private List<Notice> handedTo(String userId) {
        return jdbc.query("select h.content_id, h.from_user, o.leaving_date from draft_handover h "
                + "join offboarding o on o.id = h.offboarding_id where h.to_user = ? order by h.id desc",
                (rs, n) -> new Notice(rs.getObject(1, UUID.class), "Handed over to you: "
                        + offboardings.displayName(rs.getString(2)) + " left on "
                        + DAY.format(rs.getObject(3, LocalDate.class)) + " and wrote this draft. It is yours to "
                        + "follow now: see it through or withdraw it."), userId);
    }

    private static String when(Timestamp at) {
        return at == null ? "" : WHEN.format(at.toInstant());
    }

    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }
}
