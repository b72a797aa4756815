package org.carepost.offboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.carepost.audit.AuditAction;
import org.carepost.publishing.PublishingAccounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The publishing accounts a leaver managed ({@code carepost.publishing.accounts.<platform>.<account>.managers}):
 * their credentials are rotated by the brand team, who tick each account on a checklist; completing it records who
 * confirmed what.
 */
@Service
public class CredentialRotation {

    private final JdbcTemplate jdbc;
    private final PublishingAccounts accounts;
    private final Offboardings offboardings;
    private final Clock clock;

    public CredentialRotation(JdbcTemplate jdbc, PublishingAccounts accounts, Offboardings offboardings, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.offboardings = offboardings;
        this.clock = clock;
    }

    /** Lists the accounts to rotate ("platform/account"), each recorded as not rotated yet. */
    @Transactional
    public List<String> accountsToRotate(String offboardingId) {
        List<String> managed = accounts.managedBy(offboardings.userOf(offboardingId));
        for (String account : managed) {
            String[] parts = account.split("/", 2);
            jdbc.update("insert into credential_rotation (offboarding_id, platform, account) values (?, ?, ?)",
                    offboardingId, parts[0], parts[1]);
        }
        return managed;
    }

    /**
     * The checklist completed: every listed account must be ticked (the task stays open until all are rotated);
     * records who confirmed each.
     */
    @Transactional
    public void recordRotation(String offboardingId, String actor, Collection<String> ticked) {
        List<String> listed = jdbc.queryForList("select platform || '/' || account from credential_rotation "
                + "where offboarding_id = ? order by platform, account", String.class, offboardingId);
        Set<String> confirmed = new LinkedHashSet<>(ticked == null ? List.of() : ticked);
        List<String> missing = new ArrayList<>(listed);
        missing.removeAll(confirmed);
        if (actor == null) {
            throw new OffboardingRefused("Rotated: only a member of the brand team confirms a rotation.", true);
        }
        if (!missing.isEmpty() || !listed.containsAll(confirmed)) {
            throw new OffboardingRefused("Rotated: tick every account once its credentials are rotated ("
                    + (listed.size() - missing.size()) + " of " + listed.size() + " ticked); complete the task when "
                    + "all are done.");
        }
        for (String account : listed) {
            String[] parts = account.split("/", 2);
            jdbc.update("update credential_rotation set rotated_by = ?, rotated_at = ? where offboarding_id = ? "
                    + "and platform = ? and account = ?", actor, Timestamp.from(clock.instant()), offboardingId,
                    parts[0], parts[1]);
        }
        offboardings.record(actor, AuditAction.CREDENTIALS_ROTATED, offboardingId, null, "user "
                + offboardings.userOf(offboardingId) + ": rotated " + String.join(", ", listed));
    }
}
