package org.carepost.offboarding;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member leaves: the request (who, when, who takes over), the lock of their account at the leaving date,
 * the end of their group memberships (recorded for the auditor first) and the close of the record. Identity changes
 * go through Camunda's {@link IdentityService}. Who may ask: {@code operations} and administrators; nobody offboards
 * themselves, and the last administrator is never offboarded.
 */
@Service
public class Offboardings {

    public static final String PROCESS_KEY = "offboard-user";
    public static final String ADMIN_GROUP = "camunda-admin";
    public static final List<String> REQUESTER_GROUPS = List.of("operations", ADMIN_GROUP);
    /** Who acts when the engine itself does a step (as in the other processes). */
    public static final String SYSTEM_ACTOR = "carepost";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final IdentityService identity;
    private final AccountLocks locks;
    private final AuditTrail audit;
    private final Clock clock;

    public Offboardings(JdbcTemplate jdbc, IdentityService identity, AccountLocks locks, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.locks = locks;
        this.audit = audit;
        this.clock = clock;
    }

    /** A recorded request: when the account is locked, and whether that moment has come already. */
    public record Request(String offboardingId, String userId, LocalDate leavingDate, String colleague, Instant lockAt,
                          boolean lockNow) {
    }

    /**
     * Checks and records a request made with the start form. Every problem is a sentence naming the form's field,
     * never what was typed.
     */
    @Transactional
    public Request request(String offboardingId, String requester, Collection<String> requesterGroups,
                           String userField, String leavingDateField, String colleagueField) {
        if (requester == null || requesterGroups == null || requesterGroups.stream().noneMatch(REQUESTER_GROUPS::contains)) {
            throw new OffboardingRefused("Only operations or an administrator offboards a user.", true);
        }
        String userId = blankToNull(userField);
        List<String> problems = new ArrayList<>();
        if (userId == null) {
            problems.add("User to offboard: enter the user id of the person leaving.");
        } else if (user(userId) == null) {
            problems.add("User to offboard: no user has this id.");
        } else if (userId.equals(requester)) {
            problems.add("User to offboard: you cannot offboard yourself; ask a colleague in operations.");
        } else if (locks.isLocked(userId)) {
            problems.add("User to offboard: this account is locked already.");
        } else if (openOffboarding(userId)) {
            problems.add("User to offboard: an offboarding of this user is under way already.");
        } else if (isLastAdministrator(userId)) {
            problems.add("User to offboard: this is the last administrator (camunda-admin); make somebody else an "
                    + "administrator first.");
        }
        LocalDate leavingDate = parseDate(leavingDateField);
        if (leavingDate == null) {
            problems.add("Leaving date: choose the date with the calendar.");
        }
        String colleague = blankToNull(colleagueField);
        if (colleague != null) {
            if (user(colleague) == null) {
                problems.add("Colleague who takes over: no user has this id.");
            } else if (colleague.equals(userId)) {
                problems.add("Colleague who takes over: name somebody other than the person leaving.");
            } else if (locks.isLocked(colleague) || openOffboarding(colleague)) {
                problems.add("Colleague who takes over: this person is leaving too; name somebody staying.");
            }
        }
        if (!problems.isEmpty()) {
            throw new OffboardingRefused(String.join(" ", problems));
        }
        Instant now = clock.instant();
        Instant lockAt = leavingDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        jdbc.update("insert into offboarding (id, user_id, leaving_date, colleague, started_by, started_at) "
                + "values (?, ?, ?, ?, ?, ?)", offboardingId, userId, Date.valueOf(leavingDate), colleague, requester,
                Timestamp.from(now));
        record(requester, AuditAction.USER_OFFBOARDING_STARTED, offboardingId, null, "user " + userId
                + ", leaving date " + leavingDate + (colleague == null ? "; open tasks go back to their groups"
                : "; open tasks go to " + colleague));
        return new Request(offboardingId, userId, leavingDate, colleague, lockAt, !lockAt.isAfter(now));
    }

    /**
     * Locks the account: the lock table (which every login and every webapps session checks) and a new random
     * password nobody knows, so even a system without our checks would not let the user in.
     */
    @Transactional
    public void lock(String offboardingId) {
        String userId = userOf(offboardingId);
        refuseLastAdministrator(userId);
        Instant now = clock.instant();
        locks.lock(userId, offboardingId, now);
        AsSystem.run(identity, () -> {
            User user = identity.createUserQuery().userId(userId).singleResult();
            if (user != null) {
                byte[] secret = new byte[32];
                RANDOM.nextBytes(secret);
                user.setPassword(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
                identity.saveUser(user);
            }
            return null;
        });
        jdbc.update("update offboarding set locked_at = ? where id = ?", Timestamp.from(now), offboardingId);
        record(SYSTEM_ACTOR, AuditAction.USER_LOCKED, offboardingId, null, "user " + userId
                + ": account locked, password removed");
    }

    /** Records every group the user belongs to (for the auditor), then ends each membership. */
    @Transactional
    public List<String> endMemberships(String offboardingId) {
        String userId = userOf(offboardingId);
        refuseLastAdministrator(userId);
        List<Group> groups = AsSystem.run(identity, () -> identity.createGroupQuery().groupMember(userId).orderByGroupId()
                .asc().list());
        List<String> ended = new ArrayList<>();
        for (Group group : groups) {
            jdbc.update("insert into offboarding_membership (offboarding_id, group_id, group_name) values (?, ?, ?)",
                    offboardingId, group.getId(), group.getName());
            AsSystem.run(identity, () -> {
                identity.deleteMembership(userId, group.getId());
                return null;
            });
            ended.add(group.getId());
        }
        record(SYSTEM_ACTOR, AuditAction.MEMBERSHIPS_ENDED, offboardingId, null, "user " + userId + ": "
                + (ended.isEmpty() ? "no group memberships" : "memberships ended: " + String.join(", ", ended)));
        return ended;
    }

    @Transactional
    public void close(String offboardingId) {
        jdbc.update("update offboarding set completed_at = ? where id = ?", Timestamp.from(clock.instant()), offboardingId);
    }

    /** One audit event of an offboarding (the process instance is its id); a draft's event names the draft. */
    void record(String actor, AuditAction action, String offboardingId, java.util.UUID contentId, String comment) {
        audit.record(AuditEntry.of(actor, action, contentId, null).withDecision(null, comment)
                .inProcess(offboardingId, null));
    }

    /** The user an offboarding is about. */
    public String userOf(String offboardingId) {
        List<String> users = jdbc.queryForList("select user_id from offboarding where id = ?", String.class, offboardingId);
        if (users.isEmpty()) {
            throw new IllegalStateException("No offboarding " + offboardingId + " is recorded.");
        }
        return users.get(0);
    }

    /** The colleague named to take over, or null. */
    public String colleagueOf(String offboardingId) {
        return jdbc.queryForObject("select colleague from offboarding where id = ?", String.class, offboardingId);
    }

    public String requesterOf(String offboardingId) {
        return jdbc.queryForObject("select started_by from offboarding where id = ?", String.class, offboardingId);
    }

    /** Name and id, as people read it ("Alice Moreau (alice)"). */
    public String displayName(String userId) {
        User user = user(userId);
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name + " (" + userId + ")";
    }

    private void refuseLastAdministrator(String userId) {
        if (isLastAdministrator(userId)) {
            throw new OffboardingRefused("User to offboard: this is the last administrator (camunda-admin); make "
                    + "somebody else an administrator first.");
        }
    }

    /** A member of camunda-admin with no other administrator who is neither locked nor being offboarded. */
    boolean isLastAdministrator(String userId) {
        List<User> admins = AsSystem.run(identity, () -> identity.createUserQuery().memberOfGroup(ADMIN_GROUP).list());
        if (admins.stream().noneMatch(u -> u.getId().equals(userId))) {
            return false;
        }
        return admins.stream().map(User::getId).filter(id -> !id.equals(userId))
                .noneMatch(id -> !locks.isLocked(id) && !openOffboarding(id));
    }

    private boolean openOffboarding(String userId) {
        Integer n = jdbc.queryForObject("select count(*) from offboarding where user_id = ? and completed_at is null",
                Integer.class, userId);
        return n != null && n > 0;
    }

    private User user(String userId) {
        return AsSystem.run(identity, () -> identity.createUserQuery().userId(userId).singleResult());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The form's date picker sends 2026-12-31; a client may send a date-time. */
    static LocalDate parseDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s.strip()).toLocalDate();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
