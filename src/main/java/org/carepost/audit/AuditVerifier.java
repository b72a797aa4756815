package org.carepost.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Walks the whole chain in seq order and reports OK or the first broken link: a gap in the sequence, a row whose
 * prev_hash is not the previous row's hash, a row whose hash is not the SHA-256 of its canonical JSON (its content
 * was changed), or a chain head that does not match the rows (rows removed at the end).
 *
 * <p>Rows are read with a keyset query ({@code seq > ? order by seq fetch first n rows only}), one page at a time:
 * constant memory. A long chain is cut into a few consecutive seq ranges checked in parallel (one reader each);
 * the links between ranges are checked when the results are joined, and the first broken link in seq order is
 * reported, exactly as a single walk would.
 */
@Component
public class AuditVerifier {

    static final int PAGE = 10000;

    private final JdbcTemplate jdbc;
    private final int ranges;
    private final long minRange;

    private volatile Result lastResult;
    private volatile Instant lastAt;

    @Autowired
    public AuditVerifier(JdbcTemplate jdbc) {
        this(jdbc, Math.min(4, Runtime.getRuntime().availableProcessors()), 100_000);
    }

    /** {@code ranges} parallel readers at most, each for at least {@code minRange} rows. */
    public AuditVerifier(JdbcTemplate jdbc, int ranges, long minRange) {
        this.jdbc = jdbc;
        this.ranges = ranges;
        this.minRange = minRange;
    }

    public record Result(boolean ok, long count, Long brokenSeq, String problem) {
        /** {@code OK n=<count>} or {@code BROKEN seq=<n>: <what differs>}. */
        public String line() {
            return ok ? "OK n=" + count : "BROKEN seq=" + brokenSeq + ": " + problem;
        }
    }

    /** The result of a verification at most {@code maxAge} old (pages show it without walking the chain each time). */
    public synchronized Result recent(Duration maxAge, Clock clock) {
        if (lastResult == null || lastAt.plus(maxAge).isBefore(clock.instant())) {
            lastResult = verify();
            lastAt = clock.instant();
        }
        return lastResult;
    }

    public Instant recentAt() {
        return lastAt;
    }

    /** What one reader found in [from, to]. */
    private record RangeResult(long from, long to, long count, String firstPrevHash, boolean firstRowAtFrom,
                               String lastHash, Long brokenSeq, String problem) {
    }

    public Result verify() {
        AuditChain.Head head = new AuditChain(jdbc).head();
        long total = head.lastSeq();
        int n = (int) Math.max(1, Math.min(ranges, total / Math.max(1, minRange)));
        List<long[]> bounds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long from = 1 + total * i / n;
            long to = total * (i + 1) / n;
            bounds.add(new long[] {from, to});
        }
        List<RangeResult> results = new ArrayList<>();
        if (total > 0) {
            ExecutorService readers = Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "audit-verify");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<RangeResult>> futures = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    long[] b = bounds.get(i);
                    boolean last = i == n - 1;
                    futures.add(readers.submit(() -> range(b[0], b[1], last)));
                }
                for (Future<RangeResult> f : futures) {
                    results.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("verification interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } finally {
                readers.shutdownNow();
            }
        }
        long count = 0;
        String lastHash = AuditCanonical.GENESIS;
        for (RangeResult r : results) {
            if (r.firstRowAtFrom() && !lastHash.equals(r.firstPrevHash())) {
                return new Result(false, count, r.from(), "prev-hash mismatch: row says " + r.firstPrevHash()
                        + ", previous row's hash is " + lastHash);
            }
            if (r.brokenSeq() != null) {
                return new Result(false, count + r.count(), r.brokenSeq(), r.problem());
            }
            count += r.count();
            lastHash = r.lastHash();
        }
        if (!head.lastHash().equals(lastHash)) {
            return new Result(false, count, total, "hash mismatch: chain head says " + head.lastHash()
                    + ", last row's hash is " + lastHash);
        }
        Long beyond = jdbc.queryForObject("select count(*) from audit_event where seq > ?", Long.class, total);
        if (beyond != null && beyond > 0) {
            return new Result(false, count, total + 1, "gap: " + beyond + " row(s) after the chain head (seq " + total + ")");
        }
        Long unsealed = jdbc.queryForObject("select count(*) from audit_event where seq is null", Long.class);
        if (unsealed != null && unsealed > 0) {
            return new Result(false, count, total + 1, unsealed + " row(s) outside the chain (seq is null)");
        }
        return new Result(true, count, null, null);
    }

    /** Checks rows from..to: no gap, each links to the one before (within the range), each matches its hash. */
    private RangeResult range(long from, long to, boolean lastRange) {
        long expected = from;
        long count = 0;
        String firstPrev = null;
        boolean firstAtFrom = false;
        String prevHash = null;
        while (expected <= to) {
            List<AuditRecord> page = jdbc.query("select " + AuditRecord.COLUMNS + " from audit_event where seq >= ? "
                    + "and seq <= ? order by seq fetch first " + PAGE + " rows only", AuditRecord::map, expected, to);
            if (page.isEmpty()) {
                break;
            }
            for (AuditRecord r : page) {
                if (r.seq() != expected) {
                    return new RangeResult(from, to, count, firstPrev, firstAtFrom, prevHash, expected,
                            "gap: expected seq " + expected + ", next row has seq " + r.seq());
                }
                if (prevHash == null) {
                    firstPrev = r.prevHash();
                    firstAtFrom = true;
                } else if (!prevHash.equals(r.prevHash())) {
                    return new RangeResult(from, to, count, firstPrev, firstAtFrom, prevHash, r.seq(),
                            "prev-hash mismatch: row says " + r.prevHash() + ", previous row's hash is " + prevHash);
                }
                String computed = AuditCanonical.hash(r);
                if (!computed.equals(r.hash())) {
                    return new RangeResult(from, to, count, firstPrev, firstAtFrom, prevHash, r.seq(),
                            "hash mismatch: stored " + r.hash() + ", computed from the row " + computed);
                }
                count++;
                prevHash = r.hash();
                expected++;
            }
        }
        if (expected <= to) {
            String problem = lastRange
                    ? "gap: chain head is at seq " + to + " but the rows end at seq " + (expected - 1)
                    : "gap: seq " + expected + " is missing";
            return new RangeResult(from, to, count, firstPrev, firstAtFrom, prevHash, expected, problem);
        }
        return new RangeResult(from, to, count, firstPrev, firstAtFrom, prevHash, null, null);
    }
}
