package org.carepost.audit;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 1,000,000 audit events on PostgreSQL (database carepost_bench, recreated each run): p95 of one item's history
 * query and the time of a full chain verification, against their targets (not a test: timings depend on the
 * machine). Run: mvn -B -Pbench -DskipTests test-compile exec:java -Dbench.main=org.carepost.audit.AuditBenchmark
 * Optional args: [--reuse (measure what a previous run loaded)] events items; -Daudit.ranges=n parallel readers.
 */
public final class AuditBenchmark {

    private static final String DB = "carepost_bench";
    private static final String[] ACTIONS = {"submit", "review", "review", "review", "signoff", "approve", "publish"};
    private static final String[] ACTORS = {"alice", "omar", "pat", "lee", "bria", "carl", "olga", "carepost"};

    public static void main(String[] args) throws Exception {
        boolean reuse = args.length > 0 && args[0].equals("--reuse");
        int offset = reuse ? 1 : 0;
        int events = args.length > offset ? Integer.parseInt(args[offset]) : 1_000_000;
        int items = args.length > offset + 1 ? Integer.parseInt(args[offset + 1]) : 50_000;
        if (reuse) {
            measure(events, items);
            return;
        }
        org.carepost.TestDatabase.recreate(DB);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL("jdbc:postgresql://127.0.0.1:5432/" + DB);
        ds.setUser("postgres");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load().migrate();

        UUID[] ids = new UUID[items];
        Random rnd = new Random(42);
        for (int i = 0; i < items; i++) {
            ids[i] = new UUID(rnd.nextLong(), rnd.nextLong());
        }

        // Load with COPY, computing the chain exactly as AuditChain does (rows of one item scattered over the table).
        long t0 = System.nanoTime();
        AuditChain.Head head = new AuditChain.Head(0, AuditCanonical.GENESIS);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (Connection c = ds.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            StringBuilder chunk = new StringBuilder(16 << 20);
            for (int n = 1; n <= events; n++) {
                UUID item = ids[rnd.nextInt(items)];
                String action = ACTIONS[rnd.nextInt(ACTIONS.length)];
                boolean decides = action.equals("review") || action.equals("signoff");
                AuditEntry entry = AuditEntry.of(ACTORS[rnd.nextInt(ACTORS.length)], action(action), item,
                        java.util.HexFormat.of().toHexDigits(rnd.nextLong()).repeat(4));
                if (decides) {
                    entry = entry.withDecision("approve", rnd.nextInt(4) == 0 ? "Looks fine, \"ok\" \\ go " + n : null)
                            .inProcess(UUID.randomUUID().toString(), UUID.randomUUID().toString());
                }
                AuditRecord r = AuditChain.link(head, start.plusMillis(n * 250L + rnd.nextInt(100)), entry);
                head = new AuditChain.Head(r.seq(), r.hash());
                row(chunk, r);
                if (n % 100_000 == 0 || n == events) {
                    pg.getCopyAPI().copyIn("copy audit_event (" + AuditRecord.COLUMNS + ") from stdin",
                            new StringReader(chunk.toString()));
                    chunk.setLength(0);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")) {
                ps.setLong(1, head.lastSeq());
                ps.setString(2, head.lastHash());
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute("vacuum analyze audit_event");
            }
        }
        double loadS = (System.nanoTime() - t0) / 1e9;
        System.out.printf("AuditBenchmark: %,d events over %,d items loaded with COPY in %.1f s (PostgreSQL, database %s)%n",
                events, items, loadS, DB);
        measure(events, items);
    }

    /** Measures on what is loaded ({@code --reuse} skips the load; same seed, same item ids). */
    private static void measure(int events, int items) throws Exception {
        // A connection pool, as the application has (Spring Boot's HikariCP).
        com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource();
        ds.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/" + DB);
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(4);
        Random rnd = new Random(42);
        UUID[] ids = new UUID[items];
        for (int i = 0; i < items; i++) {
            ids[i] = new UUID(rnd.nextLong(), rnd.nextLong());
        }

        // One item's history: the query AuditEvents.recordsOfContent runs (for AuditorService).
        String sql = "select " + AuditRecord.COLUMNS + " from audit_event where content_id = ? order by seq";
        int warmup = 500;
        int runs = 5000;
        double[] ms = new double[runs];
        int rows = 0;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < warmup + runs; i++) {
                ps.setObject(1, ids[rnd.nextInt(items)]);
                long q0 = System.nanoTime();
                List<AuditRecord> history = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        history.add(AuditRecord.map(rs, 0));
                    }
                }
                long q1 = System.nanoTime();
                if (i >= warmup) {
                    ms[i - warmup] = (q1 - q0) / 1e6;
                    rows += history.size();
                }
            }
        }
        Arrays.sort(ms);
        double p50 = ms[runs / 2];
        double p95 = ms[(int) Math.ceil(runs * 0.95) - 1];
        double p99 = ms[(int) Math.ceil(runs * 0.99) - 1];
        System.out.printf("item history query p95: %.2f ms (target < 20 ms) %s  [p50 %.2f ms, p99 %.2f ms, %d queries, %.1f events per item]%n",
                p95, p95 < 20 ? "MET" : "MISSED", p50, p99, runs, rows / (double) runs);

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long v0 = System.nanoTime();
        int ranges = Integer.getInteger("audit.ranges", Math.min(4, Runtime.getRuntime().availableProcessors()));
        AuditVerifier.Result result = new AuditVerifier(new JdbcTemplate(ds), ranges, 100_000).verify();
        double verifyS = (System.nanoTime() - v0) / 1e9;
        double verifyCpuS = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf("full chain verification: %.2f s (target < 10 s) %s  [%s, %d range(s), %.1f s CPU in this JVM]%n",
                verifyS, verifyS < 10 ? "MET" : "MISSED", result.line(), ranges, verifyCpuS);
        System.out.printf("machine: %d cores, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        ds.close();
    }

    private static AuditAction action(String code) {
        for (AuditAction a : AuditAction.values()) {
            if (a.code().equals(code)) {
                return a;
            }
        }
        throw new IllegalArgumentException(code);
    }

    /** One line of COPY's text format (tab-separated, \N for null). */
    private static void row(StringBuilder out, AuditRecord r) {
        out.append(r.seq()).append('\t').append(AuditCanonical.instant(r.occurredAt())).append('\t');
        field(out, r.actor()).append('\t');
        field(out, r.action()).append('\t');
        field(out, r.contentId() == null ? null : r.contentId().toString()).append('\t');
        field(out, r.versionHash()).append('\t');
        field(out, r.consentId()).append('\t');
        field(out, r.decision()).append('\t');
        field(out, r.comment()).append('\t');
        field(out, r.processInstanceId()).append('\t');
        field(out, r.taskId()).append('\t');
        field(out, r.prevHash()).append('\t');
        field(out, r.hash()).append('\n');
    }

    private static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }
}
