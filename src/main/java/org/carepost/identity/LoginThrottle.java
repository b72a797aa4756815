package org.carepost.identity;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down without ever locking an account: failed logins are counted per user and per source
 * address; past a number of free failures each further failure makes that user (or source) wait twice as long as
 * the one before, up to a ceiling, and the count is forgotten after a quiet period. A successful login clears the
 * user's count (not the source's: an attacker's own account must not reset it). Camunda's own lock
 * (loginMaxAttempts) is switched off ({@link RoleGuardEnginePlugin}): it let anyone lock any account for good.
 * Every attempt is logged (never the password; the user only if they exist) and counted in
 * {@code carepost_login_attempts_total{channel, outcome}}.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Counters kept at most; beyond, the quiet ones are dropped first. */
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;
    private final int userFreeFailures;
    private final int sourceFreeFailures;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration forgetAfter;

    public LoginThrottle(MeterRegistry meters, Clock clock,
                         @Value("${carepost.login.user-free-failures:5}") int userFreeFailures,
                         @Value("${carepost.login.source-free-failures:20}") int sourceFreeFailures,
                         @Value("${carepost.login.base-delay:PT1S}") Duration baseDelay,
                         @Value("${carepost.login.max-delay:PT15M}") Duration maxDelay,
                         @Value("${carepost.login.forget-after:PT1H}") Duration forgetAfter) {
        this.meters = meters;
        this.clock = clock;
        this.userFreeFailures = userFreeFailures;
        this.sourceFreeFailures = sourceFreeFailures;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
    }

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    /** How long this user from this source must wait before the next attempt (zero: go ahead). */
    public Duration waitFor(String source, String user) {
        Instant now = clock.instant();
        Instant until = later(blockedUntil("u:" + user, now), blockedUntil("s:" + source, now));
        return until == null || !until.isAfter(now) ? Duration.ZERO : Duration.between(now, until);
    }

    /** A refused attempt (the caller was told to wait); counted, not a failure. */
    public void throttled(String source, String user, String channel) {
        count(channel, "throttled");
        log.warn("Login throttled: {} from {} via {}", user, source, channel);
    }

    /** The outcome of a password check. {@code knownUser}: the user exists (else they are not named in the log). */
    public void checked(String source, String user, boolean success, boolean knownUser, String channel) {
        Instant now = clock.instant();
        if (success) {
            failures.remove("u:" + user);
            count(channel, "success");
            log.debug("Login: {} from {} via {}", user, source, channel);
            return;
        }
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(f -> f.last().plus(forgetAfter).isBefore(now));
        }
        int userCount = fail("u:" + user, userFreeFailures, now);
        int sourceCount = fail("s:" + source, sourceFreeFailures, now);
        count(channel, "failure");
        log.warn("Failed login: {} from {} via {} ({} failures for the user, {} from the source)",
                knownUser ? user : "an unknown user", source, channel, userCount, sourceCount);
    }

    private int fail(String key, int free, Instant now) {
        return failures.compute(key, (k, f) -> {
            int count = f == null || f.last().plus(forgetAfter).isBefore(now) ? 1 : f.count() + 1;
            Instant blockedUntil = count <= free ? null : now.plus(delay(count - free));
            return new Failures(count, now, blockedUntil);
        }).count();
    }

    /** base, 2 base, 4 base ... up to the ceiling, for the first, second, third ... failure past the free ones. */
    Duration delay(int beyondFree) {
        int doublings = Math.min(beyondFree - 1, 30);
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private Instant blockedUntil(String key, Instant now) {
        Failures f = failures.get(key);
        return f == null || f.last().plus(forgetAfter).isBefore(now) ? null : f.blockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private void count(String channel, String outcome) {
        io.micrometer.core.instrument.Counter.builder("carepost.login.attempts")
                .description("Password checks per login channel and outcome (success, failure, throttled)")
                .tags("channel", channel, "outcome", outcome).register(meters).increment();
    }
}
