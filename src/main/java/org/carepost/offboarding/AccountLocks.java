package org.carepost.offboarding;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Locked accounts (table {@code account_lock}). Every password check asks here first (the engine's identity
 * service, so our Basic on /api and /audit, /engine-rest Basic, the webapps' login and /identity/verify), and every
 * request that rides on a webapps session ({@code web.LockedAccountSessionFilter}); removing the password as well
 * would not end an existing session, and a password an administrator sets again later would not unlock the account.
 */
@Component
public class AccountLocks {

    private final JdbcTemplate jdbc;

    public AccountLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isLocked(String userId) {
        if (userId == null) {
            return false;
        }
        Integer n = jdbc.queryForObject("select count(*) from account_lock where user_id = ?", Integer.class, userId);
        return n != null && n > 0;
    }

    /** Locks the account for this offboarding; a second call for a locked account changes nothing. */
    void lock(String userId, String offboardingId, Instant at) {
        if (!isLocked(userId)) {
            jdbc.update("insert into account_lock (user_id, locked_at, offboarding_id) values (?, ?, ?)", userId,
                    Timestamp.from(at), offboardingId);
        }
    }
}
