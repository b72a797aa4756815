package org.carepost.pause;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.config.CarePostProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing paused during a crisis: who may pause and resume, which posts a pause covers, which it held and when
 * they were released. A pause is a row of {@code publishing_pause} (keyed by its process instance), active until it is
 * resumed. Resuming needs a second person: never the one who paused. Reasons are staff text: audited, never logged.
 */
@Service
public class PublishingPauses {

    /** A pause as {@link #pause} reads it (aliased {@code p} where a query needs it). */
    private static final String SELECT_PAUSE = "select id, scope, department, reason, expected_end, paused_by, paused_at "
            + "from publishing_pause ";

    public static final String PROCESS_KEY = "pause-publishing";
    public static final List<String> PAUSER_GROUPS = List.of("communications", "privacy");
    public static final String SCOPE_ALL = "all";
    public static final String SCOPE_DEPARTMENT = "department";
    /** Who acts when the engine itself does a step (as in the other processes). */
    public static final String SYSTEM_ACTOR = "carepost";
    static final int MAX_REASON = 1000;
    /** A pause is a crisis measure, not a schedule: its expected end is at most this far ahead. */
    static final Duration LONGEST_EXPECTED = Duration.ofDays(30);
    /** Released ids named in one audit comment (the column holds 4000 characters). */
    private static final int IDS_IN_COMMENT = 80;

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<String> departments;
    private final PausedGauge gauge;

    public PublishingPauses(JdbcTemplate jdbc, AuditTrail audit, Clock clock, CarePostProperties properties,
                            PausedGauge gauge) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.departments = properties.departments();
        this.gauge = gauge;
    }

    /** A recorded pause. {@code department} is null for scope {@code all}. */
    public record Pause(String id, String scope, String department, String reason, Instant expectedEnd,
                        String pausedBy, Instant pausedAt) {

        /** "all departments" or "department cardiology", as people read it. */
        public String scopeText() {
            return SCOPE_ALL.equals(scope) ? "all departments" : "department " + department;
        }
    }

    /** A post held by a pause, in the order it is released. */
    public record HeldPost(UUID contentId, Instant publishAt) {
    }

    /**
     * Checks and records a pause asked for with the start form. Every problem is a sentence naming the form's field,
     * never echoing what was typed.
     */
    @Transactional
    public Pause pause(String pauseId, String requester, Collection<String> requesterGroups, String reasonField,
                       String scopeField, String departmentField, String expectedEndField) {
        requireMember(requester, requesterGroups, "Only communications or privacy pause publishing.");
        List<String> problems = new ArrayList<>();
        String reason = blankToNull(reasonField);
        if (reason == null) {
            problems.add("Reason: say why publishing is paused (staff read it in Tasklist and the audit trail).");
        } else if (reason.length() > MAX_REASON) {
            problems.add("Reason: at most " + MAX_REASON + " characters.");
        }
        String scope = blankToNull(scopeField);
        String department = blankToNull(departmentField);
        if (scope == null) {
            problems.add("Scope: choose all departments or one department.");
        } else if (SCOPE_ALL.equals(scope)) {
            department = null; // a department typed before switching to "all" means nothing
        } else if (SCOPE_DEPARTMENT.equals(scope)) {
            if (department == null) {
                problems.add("Department: choose the department whose posts are paused.");
            } else if (!departments.contains(department)) {
                problems.add("Department: not one of CarePost's departments (" + String.join(", ", departments) + ").");
            }
        } else {
            problems.add("Scope: choose all departments or one department.");
        }
        Instant now = clock.instant();
        Instant expectedEnd = parseInstant(expectedEndField);
        if (expectedEnd == null) {
            problems.add("Expected end: choose the date and time you expect to resume (you are reminded when it "
                    + "passes; publishing stays paused until somebody resumes it).");
        } else if (!expectedEnd.isAfter(now)) {
            problems.add("Expected end: choose a time in the future.");
        } else if (expectedEnd.isAfter(now.plus(LONGEST_EXPECTED))) {
            problems.add("Expected end: at most 30 days ahead; resume and pause again if the crisis lasts longer.");
        }
        if (problems.isEmpty() && scope != null && activeCovering(scope, department)) {
            problems.add("Scope: publishing is paused for " + (SCOPE_ALL.equals(scope) ? "all departments"
                    : "department " + department) + " already; see the task \"Publishing paused\".");
        }
        if (!problems.isEmpty()) {
            throw new PauseRefused(String.join(" ", problems));
        }
        jdbc.update("insert into publishing_pause (id, scope, department, reason, expected_end, paused_by, paused_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", pauseId, scope, department, reason, Timestamp.from(expectedEnd),
                requester, Timestamp.from(now));
        Pause pause = new Pause(pauseId, scope, department, reason, expectedEnd, requester, now);
        record(requester, AuditAction.PUBLISHING_PAUSED, pauseId, null, "paused publishing for " + pause.scopeText()
                + ", expected end " + expectedEnd + "; reason: " + reason);
        gauge.refresh();
        return pause;
    }

    /**
     * A second person resumes: a member of communications or privacy who did not pause. The pause ends at once (new
     * publications go out); the held posts are released by {@link #release}.
     */
    @Transactional
    public Pause resume(String pauseId, String resumer, Collection<String> resumerGroups, String note) {
        requireMember(resumer, resumerGroups, "Only communications or privacy resume publishing.");
        Pause pause = find(pauseId).orElseThrow(() -> new IllegalStateException("No pause " + pauseId + " is recorded."));
        if (resumer.equals(pause.pausedBy())) {
            throw new PauseRefused("You paused publishing; a second person of communications or privacy resumes it.",
                    true);
        }
        String cleanNote = blankToNull(note);
        if (cleanNote != null && cleanNote.length() > MAX_REASON) {
            throw new PauseRefused("Note: at most " + MAX_REASON + " characters.");
        }
        end(pauseId, resumer, "resumed");
        int held = heldCount(pauseId);
        record(resumer, AuditAction.PUBLISHING_RESUMED, pauseId, null, "resumed publishing for " + pause.scopeText()
                + " (paused by " + pause.pausedBy() + "; reason: " + pause.reason() + "); " + held
                + (held == 1 ? " post" : " posts") + " held so far" + (cleanNote == null ? "" : "; note: " + cleanNote));
        return pause;
    }

    /**
     * The pause's process instance was cancelled (an administrator in Cockpit): the pause ends, or nothing would ever
     * release what it holds. Audited naming who cancelled.
     */
    @Transactional
    public void cancelled(String pauseId, String actor) {
        Optional<Pause> pause = find(pauseId);
        if (pause.isEmpty() || !isActive(pauseId)) {
            return;
        }
        String who = actor == null ? SYSTEM_ACTOR : actor;
        end(pauseId, who, "cancelled");
        record(who, AuditAction.PUBLISHING_PAUSE_CANCELLED, pauseId, null, "the pause of " + pause.get().scopeText()
                + " (paused by " + pause.get().pausedBy() + ") ended because its process was cancelled");
    }

    /** The expected end passed while still paused: audited, so the groups and the auditor see it. */
    @Transactional
    public void overdue(String pauseId) {
        find(pauseId).filter(p -> isActive(pauseId)).ifPresent(p -> record(SYSTEM_ACTOR,
                AuditAction.PUBLISHING_PAUSE_OVERDUE, pauseId, null, "publishing for " + p.scopeText()
                        + " is still paused after its expected end " + p.expectedEnd()));
    }

    /**
     * Why this post must not go out now ("paused: ..."), or empty; records the hold for each active pause covering
     * it, so the resume can report what it held. Never changes the post itself: it waits, nothing is withdrawn.
     */
    @Transactional
    public Optional<String> hold(UUID contentId) {
        List<Pause> covering = covering(contentId);
        if (covering.isEmpty()) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (Pause pause : covering) {
            jdbc.update("insert into publishing_hold (pause_id, content_id, held_at) select ?, ?, ? "
                    + "where not exists (select 1 from publishing_hold where pause_id = ? and content_id = ?)",
                    pause.id(), contentId, now, pause.id(), contentId);
        }
        Pause first = covering.get(0);
        return Optional.of("paused: publishing is paused for " + first.scopeText() + " since " + first.pausedAt()
                + " (by " + first.pausedBy() + ")");
    }

    /** Whether an active pause covers this post (its department or a co-department, or every department). */
    public boolean isPaused(UUID contentId) {
        return !covering(contentId).isEmpty();
    }

    /**
     * The posts this (ended) pause held and nothing has released yet, in publishAt order: the order the resume
     * releases them in. Marks them released and audits the list (ids only, never titles or text).
     */
    @Transactional
    public List<HeldPost> release(String pauseId) {
        List<HeldPost> held = jdbc.query("select h.content_id, c.publish_at from publishing_hold h "
                + "join content_item c on c.id = h.content_id where h.pause_id = ? and h.released_at is null "
                + "order by c.publish_at, c.id", (rs, i) -> new HeldPost(rs.getObject(1, UUID.class),
                rs.getTimestamp(2).toInstant()), pauseId);
        jdbc.update("update publishing_hold set released_at = ? where pause_id = ? and released_at is null",
                Timestamp.from(clock.instant()), pauseId);
        List<String> ids = held.stream().limit(IDS_IN_COMMENT).map(h -> h.contentId().toString()).toList();
        record(SYSTEM_ACTOR, AuditAction.HELD_POSTS_RELEASED, pauseId, null, held.size()
                + (held.size() == 1 ? " held post" : " held posts") + " released in publishAt order"
                + (ids.isEmpty() ? "" : ": " + String.join(", ", ids))
                + (held.size() > IDS_IN_COMMENT ? " and " + (held.size() - IDS_IN_COMMENT) + " more" : ""));
        return held;
    }

    public Optional<Pause> find(String pauseId) {
        return jdbc.query(SELECT_PAUSE
                + "where id = ?", (rs, i) -> pause(rs), pauseId).stream().findFirst();
    }

    public boolean isActive(String pauseId) {
        Integer n = jdbc.queryForObject("select count(*) from publishing_pause where id = ? and resumed_at is null",
                Integer.class, pauseId);
        return n != null && n > 0;
    }

    /** The active pauses, oldest first. */
    public List<Pause> active() {
        return jdbc.query(SELECT_PAUSE
                + "where resumed_at is null order by paused_at, id", (rs, i) -> pause(rs));
    }

    int heldCount(String pauseId) {
        Integer n = jdbc.queryForObject("select count(*) from publishing_hold where pause_id = ?", Integer.class, pauseId);
        return n == null ? 0 : n;
    }

    private List<Pause> covering(UUID contentId) {
        return jdbc.query(SELECT_PAUSE + "p where p.resumed_at is null and (p.scope = 'all' "
                + "or p.department = (select c.department from content_item c where c.id = ?) "
                + "or p.department in (select d.department from content_co_department d where d.content_id = ?)) "
                + "order by p.paused_at, p.id", (rs, i) -> pause(rs), contentId, contentId);
    }

    private boolean activeCovering(String scope, String department) {
        Integer n = SCOPE_ALL.equals(scope)
                ? jdbc.queryForObject("select count(*) from publishing_pause where resumed_at is null and scope = 'all'",
                        Integer.class)
                : jdbc.queryForObject("select count(*) from publishing_pause where resumed_at is null and "
                        + "(scope = 'all' or department = ?)", Integer.class, department);
        return n != null && n > 0;
    }

    private void end(String pauseId, String actor, String how) {
        int updated = jdbc.update("update publishing_pause set resumed_by = ?, resumed_at = ?, how_ended = ? "
                + "where id = ? and resumed_at is null", actor, Timestamp.from(clock.instant()), how, pauseId);
        if (updated == 0) {
            throw new PauseRefused("Publishing is not paused by this pause any more.");
        }
        gauge.refresh();
    }

    private void record(String actor, AuditAction action, String pauseId, UUID contentId, String comment) {
        audit.record(AuditEntry.of(actor, action, contentId, null).withDecision(null, comment).inProcess(pauseId, null));
    }

    private static void requireMember(String user, Collection<String> groups, String refusal) {
        if (user == null || groups == null || groups.stream().noneMatch(PAUSER_GROUPS::contains)) {
            throw new PauseRefused(refusal, true);
        }
    }

    private static Pause pause(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Pause(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getTimestamp(7).toInstant());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The form's date-time picker sends an offset ("2026-12-06T21:00+01:00") or UTC; a client may send a date-time
     * without zone (read as UTC) or a date (00:00 UTC).
     */
    static Instant parseInstant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String text = s.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException last) {
                    return null;
                }
            }
        }
    }
}
