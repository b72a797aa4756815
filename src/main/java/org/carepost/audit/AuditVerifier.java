package org.carepost.audit;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Walks the whole chain in seq order with a keyset query (constant memory) and reports OK or the first broken
 * link: a gap in the sequence, a row whose prev_hash is not the previous row's hash, a row whose hash is not the
 * SHA-256 of its canonical JSON (its content was changed), or a chain head that does not match the last row (rows
 * removed at the end).
 */
@Component
public class AuditVerifier {

    static final int PAGE = 10000;

    private final JdbcTemplate jdbc;

    public AuditVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Result(boolean ok, long count, Long brokenSeq, String problem) {
        /** {@code OK n=<count>} or {@code BROKEN seq=<n>: <what differs>}. */
        public String line() {
            return ok ? "OK n=" + count : "BROKEN seq=" + brokenSeq + ": " + problem;
        }
    }

    private volatile Result lastResult;
    private volatile java.time.Instant lastAt;

    /** The result of a verification at most {@code maxAge} old (pages show it without walking the chain each time). */
    public synchronized Result recent(java.time.Duration maxAge, java.time.Clock clock) {
        if (lastResult == null || lastAt.plus(maxAge).isBefore(clock.instant())) {
            lastResult = verify();
            lastAt = clock.instant();
        }
        return lastResult;
    }

    /** Keyset page: the rows after {@code afterSeq}, in seq order. */
    private List<AuditRecord> page(long afterSeq) {
        return jdbc.query("select " + AuditRecord.COLUMNS + " from audit_event where seq > ? order by seq fetch first "
                + PAGE + " rows only", AuditRecord::map, afterSeq);
    }

    private static void cancel(Future<?> next) {
        if (next != null) {
            next.cancel(true);
        }
    }

    public java.time.Instant recentAt() {
        return lastAt;
    }

    public Result verify() {
        long count = 0;
        long lastSeq = 0;
        String lastHash = AuditCanonical.GENESIS;
        // The next page is read while this one is checked; hashes of a page are computed in parallel. At most two
        // pages are in memory, whatever the length of the chain.
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "audit-verify-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<AuditRecord> page = page(0);
            while (true) {
                boolean full = page.size() == PAGE;
                long nextAfter = page.isEmpty() ? lastSeq : page.get(page.size() - 1).seq();
                Future<List<AuditRecord>> next = full ? reader.submit(() -> page(nextAfter)) : null;
                List<AuditRecord> current = page;
                String[] computed = new String[current.size()];
                IntStream.range(0, current.size()).parallel()
                        .forEach(i -> computed[i] = AuditCanonical.hash(current.get(i)));
                for (int i = 0; i < current.size(); i++) {
                    AuditRecord r = current.get(i);
                    if (r.seq() != lastSeq + 1) {
                        cancel(next);
                        return new Result(false, count, lastSeq + 1,
                                "gap: expected seq " + (lastSeq + 1) + ", next row has seq " + r.seq());
                    }
                    if (!lastHash.equals(r.prevHash())) {
                        cancel(next);
                        return new Result(false, count, r.seq(), "prev-hash mismatch: row says " + r.prevHash()
                                + ", previous row's hash is " + lastHash);
                    }
                    if (!computed[i].equals(r.hash())) {
                        cancel(next);
                        return new Result(false, count, r.seq(), "hash mismatch: stored " + r.hash()
                                + ", computed from the row " + computed[i]);
                    }
                    count++;
                    lastSeq = r.seq();
                    lastHash = r.hash();
                }
                if (next == null) {
                    break;
                }
                page = next.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            reader.shutdownNow();
        }
        AuditChain.Head head = new AuditChain(jdbc).head();
        if (head.lastSeq() != lastSeq || !head.lastHash().equals(lastHash)) {
            return new Result(false, count, lastSeq + 1, "gap: chain head is at seq " + head.lastSeq()
                    + " but the rows end at seq " + lastSeq);
        }
        Long unsealed = jdbc.queryForObject("select count(*) from audit_event where seq is null", Long.class);
        if (unsealed != null && unsealed > 0) {
            return new Result(false, count, lastSeq + 1, unsealed + " row(s) outside the chain (seq is null)");
        }
        return new Result(true, count, null, null);
    }
}
