package org.carepost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.carepost.publishing.WebhookAdapter;

/**
 * Two CarePost JVMs on one PostgreSQL, one killed with SIGKILL while publishing (issue #9). Not a test: it takes
 * minutes. Needs {@code target/carepost.jar} ({@code mvn -B -DskipTests package}); run with the bench profile:
 * <pre>
 * mvn -B -Pbench -DskipTests test-compile exec:java -Dbench.main=org.carepost.ClusterRun -Dexec.args="--posts 1000"
 * </pre>
 * It recreates database {@code carepost_cluster}, starts a stub network on loopback, node a (port 18081) and, once
 * a answers, node b (18082), both with profiles {@code postgres,cluster} and live publishing to the stub. It creates
 * the posts over the REST API, spread over both nodes, and takes every review and sign-off as the right user over
 * {@code /engine-rest}; each post is due shortly after its approval, so the timers and the asynchronous publish jobs
 * run on both nodes' job executors. When {@code --kill-at} of the posts are on the network, node a gets SIGKILL
 * (requests are no longer sent to a a moment before, so no request of the driver is left in doubt; a's jobs are).
 * Node b must finish everything. Checks from the network stub and the database: every post published exactly once
 * per platform, no incident, no job left, every instance ended; prints
 * {@code posts=N published=N duplicates=0 lost=0} and exits non-zero if any check fails.
 *
 * <p>The network is a stub and not the sandbox adapter: the sandbox table has a unique idempotency key, so it
 * cannot show a duplicate even if CarePost made one. The stub's webhook receiver does not deduplicate (every POST
 * it accepts is a new post, as for a naive receiver); only CarePost's exactly-once protocol (publication row,
 * in-flight flag, echo before a retry) keeps it at one post per key. The Mastodon stub deduplicates by
 * Idempotency-Key as Mastodon does; its raw POST count shows how often CarePost relied on that.
 */
public final class ClusterRun {

    static final String DB = "carepost_cluster";
    static final String WEBHOOK_SECRET = "cluster-run-webhook-secret";
    static final String MASTODON_TOKEN = "cluster-run-mastodon-token";
    static final List<String> PLATFORMS = List.of("webhook", "mastodon");
    static final String TEXT = "Heart Month: know your numbers. Free blood-pressure checks in the lobby, ask us!";

    final int posts;
    final int threads;
    final double killAt;
    final int lockTimeMs;
    final int publishDelaySeconds;
    final Duration timeout;
    final Path jar;
    final Path logDir = Path.of("target", "cluster");
    final int stubPort;
    final int[] ports;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();
    final Node[] nodes = new Node[2];
    final Stub stub = new Stub();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final Map<String, Integer> contentIndex = new ConcurrentHashMap<>();
    final AtomicInteger driven = new AtomicInteger();
    final AtomicInteger inFlightToA = new AtomicInteger();
    volatile boolean aDraining;
    volatile boolean aKilled;
    volatile Instant killedAt;
    volatile Map<String, String> lockedAtKill = Map.of();
    volatile double driveSeconds;
    final Latency latency = new Latency();

    /** Mean and max per kind of request, to see where driving spends its time. */
    static final class Latency {
        private final Map<String, long[]> byKind = new ConcurrentHashMap<>();

        void add(String kind, long nanos) {
            long[] a = byKind.computeIfAbsent(kind, k -> new long[3]);
            synchronized (a) {
                a[0]++;
                a[1] += nanos;
                a[2] = Math.max(a[2], nanos);
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(byKind).forEach((k, a) -> {
                synchronized (a) {
                    sb.append(String.format("%s n=%d mean=%.0fms max=%.0fms; ", k, a[0], a[1] / 1e6 / Math.max(1, a[0]),
                            a[2] / 1e6));
                }
            });
            return sb.toString().strip();
        }
    }

    ClusterRun(Map<String, String> args) {
        posts = Integer.parseInt(args.getOrDefault("posts", "1000"));
        threads = Integer.parseInt(args.getOrDefault("threads", "6"));
        killAt = Double.parseDouble(args.getOrDefault("kill-at", "0.3"));
        lockTimeMs = Integer.parseInt(args.getOrDefault("lock-time-ms", "60000"));
        publishDelaySeconds = Integer.parseInt(args.getOrDefault("publish-delay-s", "15"));
        timeout = Duration.ofMinutes(Long.parseLong(args.getOrDefault("timeout-min", "40")));
        jar = Path.of(args.getOrDefault("jar", "target/carepost.jar"));
        stubPort = Integer.parseInt(args.getOrDefault("stub-port", "18090"));
        ports = new int[] {Integer.parseInt(args.getOrDefault("port-a", "18081")),
                Integer.parseInt(args.getOrDefault("port-b", "18082"))};
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + argv[i]);
            }
            args.put(argv[i].substring(2), argv[i + 1]);
        }
        ClusterRun run = new ClusterRun(args);
        int exit;
        try {
            exit = run.run();
        } finally {
            run.stopAll();
        }
        System.out.flush();
        System.exit(exit);
    }

    int run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -B -DskipTests package first");
        }
        Files.createDirectories(logDir);
        long started = System.nanoTime();
        recreateDatabase();
        stub.start(stubPort);
        nodes[0] = Node.start("a", ports[0], this);
        nodes[0].awaitUp(http, Duration.ofMinutes(5));
        log("node a up after " + seconds(started) + " s");
        nodes[1] = Node.start("b", ports[1], this);
        nodes[1].awaitUp(http, Duration.ofMinutes(5));
        log("node b up after " + seconds(started) + " s");
        checkDeployments();

        long driveStart = System.nanoTime();
        Thread killer = new Thread(this::killWhenDue, "killer");
        killer.setDaemon(true);
        killer.start();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            int index = i;
            futures.add(pool.submit(() -> drive(index)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add("driving a post failed: " + e.getCause());
            }
        }
        pool.shutdown();
        driveSeconds = secondsBetween(driveStart);
        log("all " + posts + " posts created and approved after " + seconds(driveStart) + " s (" + failures.size()
                + " driver failures); latency " + latency);

        boolean done = awaitCompletion(started);
        killer.interrupt();
        long wall = System.nanoTime() - started;
        return report(done, wall);
    }

    // ---- driving the posts over HTTP -------------------------------------------------------------------------

    void drive(int i) {
        boolean cardiology = i % 2 == 0;
        String author = cardiology ? "alice" : "omar";
        String head = cardiology ? "carl" : "olga";
        Instant publishAt = Instant.now().plusSeconds(publishDelaySeconds);
        String body = "{\"title\":\"Cluster run " + i + "\",\"kind\":\"education\",\"department\":\""
                + (cardiology ? "cardiology" : "oncology") + "\",\"text\":\"" + TEXT + "\",\"platforms\":[\"webhook\","
                + "\"mastodon\"],\"publishAt\":\"" + publishAt + "\"}";
        Reply created = call(i, "POST", "/api/content", author, body);
        if (created.status != 201) {
            failures.add("post " + i + ": create answered " + created.status + " " + shorten(created.body));
            return;
        }
        JsonNode ids = created.json();
        String contentId = ids.get("id").asText();
        String pid = ids.get("processInstanceId").asText();
        contentIndex.put(contentId, i);
        // The three reviews run in parallel, then the department head signs off.
        if (!complete(i + 1, pid, Map.of("privacyReview", "pat", "legalReview", "lee", "brandReview", "bria"))
                || !complete(i + 2, pid, Map.of("departmentSignoff", head))) {
            failures.add("post " + i + ": could not complete its reviews and sign-off");
            return;
        }
        int n = driven.incrementAndGet();
        if (n % 50 == 0) {
            log(n + " posts approved, " + stub.webhookKeys() + " on the network; latency " + latency);
        }
    }

    /** Completes the given tasks (definition key -> user) of the instance, each found and completed as its user. */
    boolean complete(int spread, String pid, Map<String, String> usersByTask) {
        for (Map.Entry<String, String> task : new TreeMap<>(usersByTask).entrySet()) {
            if (!complete(spread++, pid, task.getValue(), task.getKey())) {
                return false;
            }
        }
        return true;
    }

    boolean complete(int spread, String pid, String user, String taskKey) {
        // Generous: a node under load may answer 500 for a while (e.g. a connection pool timeout); the task stays open.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            Reply tasks = call(spread, "GET", "/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey="
                    + taskKey, user, null);
            if (tasks.status == 200 && tasks.json().size() == 1) {
                String taskId = tasks.json().get(0).get("id").asText();
                String decision = "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"comment\":{\"value\":\"ok\"}}}";
                Reply done = call(spread, "POST", "/engine-rest/task/" + taskId + "/complete", user, decision);
                if (done.status == 204) {
                    return true;
                }
                // 500 with an OptimisticLockingException can happen under load; the task is simply completed again.
                log("complete " + taskKey + " answered " + done.status + " " + shorten(done.body) + "; retrying");
            } else {
                log("no single " + taskKey + " task for " + user + " in " + pid + " (HTTP " + tasks.status + ")");
            }
            sleep(200);
        }
        return false;
    }

    /** Sends to node a or b by {@code spread}; to b only once a is draining or dead. */
    Reply call(int spread, String method, String path, String user, String body) {
        for (int attempt = 0; ; attempt++) {
            boolean toA = spread % 2 == 0 && !aDraining;
            if (toA) {
                inFlightToA.incrementAndGet();
                if (aDraining) { // the killer started draining meanwhile
                    inFlightToA.decrementAndGet();
                    toA = false;
                }
            }
            Node node = toA ? nodes[0] : nodes[1];
            long t0 = System.nanoTime();
            try {
                Reply reply = send(node.port, method, path, user, body);
                latency.add(method + (path.startsWith("/api/content") ? " content" : path.endsWith("/complete")
                        ? " complete" : " tasks"), System.nanoTime() - t0);
                return reply;
            } catch (IOException e) {
                if (attempt >= 3) {
                    return new Reply(-1, e.toString());
                }
                sleep(500);
            } finally {
                if (toA) {
                    inFlightToA.decrementAndGet();
                }
            }
        }
    }

    Reply send(int port, String method, String path, String user, String body) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + shorten(body), e);
            }
        }
    }

    // ---- the kill -------------------------------------------------------------------------------------------

    void killWhenDue() {
        try {
            int threshold = (int) Math.ceil(posts * killAt);
            while (stub.webhookKeys() < threshold) {
                Thread.sleep(100);
            }
            // No new request to a; wait (briefly) for those under way, so no request of the driver is in doubt.
            aDraining = true;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (inFlightToA.get() > 0 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            lockedAtKill = lockedJobs();
            int publishedBefore = stub.webhookKeys();
            Process process = nodes[0].process;
            process.destroyForcibly(); // Linux: SIGKILL, no shutdown hook, no job unlocked
            killedAt = Instant.now();
            aKilled = true;
            boolean gone = process.waitFor(30, TimeUnit.SECONDS);
            log("SIGKILL to node a (pid " + process.pid() + ") at " + publishedBefore + " posts on the network; exit "
                    + (gone ? process.exitValue() : "?") + "; jobs locked at that moment: " + summarize(lockedAtKill));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            failures.add("could not read the locked jobs at the kill: " + e);
        }
    }

    /** Jobs locked right now: job id -> lock owner (the node name leads the owner, see NodeNameEnginePlugin). */
    Map<String, String> lockedJobs() throws SQLException {
        Map<String, String> locked = new TreeMap<>();
        try (Connection c = db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id_, lock_owner_ from act_ru_job where lock_exp_time_ > now()")) {
            while (rs.next()) {
                locked.put(rs.getString(1), rs.getString(2));
            }
        }
        return locked;
    }

    static String summarize(Map<String, String> locked) {
        Map<String, Integer> byNode = new TreeMap<>();
        locked.values().forEach(owner -> byNode.merge(nodeOf(owner), 1, Integer::sum));
        return byNode.isEmpty() ? "none" : byNode.toString();
    }

    static String nodeOf(String lockOwner) {
        return lockOwner == null ? "?" : lockOwner.contains(":") ? lockOwner.substring(0, lockOwner.indexOf(':')) : lockOwner;
    }

    // ---- waiting and checking -------------------------------------------------------------------------------

    boolean awaitCompletion(long started) throws SQLException, InterruptedException {
        long deadline = started + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            int running = scalar("select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_"
                    + " where d.key_ = 'content-approval' and e.parent_id_ is null");
            int jobs = scalar("select count(*) from act_ru_job where process_instance_id_ is not null");
            if (running == 0 && jobs == 0) {
                if (!aKilled) {
                    failures.add("everything ended before the kill (raise --posts or lower --kill-at)");
                }
                return true;
            }
            if (running != last) {
                log("waiting: " + running + " content-approval instances running, " + jobs + " jobs, "
                        + stub.webhookKeys() + " posts on the network" + (aKilled ? "" : " (node a alive)"));
                last = running;
            }
            Thread.sleep(2000);
        }
        failures.add("timed out after " + timeout + " waiting for every instance to end");
        return false;
    }

    int report(boolean done, long wallNanos) throws SQLException, IOException {
        // From the database: per content, its status and per platform the publication rows.
        Map<String, String> status = new ConcurrentHashMap<>();
        Map<String, Map<String, int[]>> rows = new TreeMap<>(); // content -> platform -> {rows, published}
        try (Connection c = db(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select id, status from content_item")) {
                while (rs.next()) {
                    status.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("select content_id, platform, status from publication")) {
                while (rs.next()) {
                    int[] n = rows.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new int[2]);
                    n[0]++;
                    if ("PUBLISHED".equals(rs.getString(3))) {
                        n[1]++;
                    }
                }
            }
        }
        int published = 0;
        int duplicates = 0;
        int lost = 0;
        for (Map.Entry<String, Integer> e : contentIndex.entrySet()) {
            String id = e.getKey();
            boolean duplicate = false;
            boolean missing = !"PUBLISHED".equals(status.get(id));
            for (String platform : PLATFORMS) {
                String key = id + ":v1:" + platform + ":default";
                int onNetwork = platform.equals("webhook") ? stub.webhookPosts(key) : stub.mastodonStatuses(key);
                int[] n = rows.getOrDefault(id, Map.of()).getOrDefault(platform, new int[2]);
                duplicate |= onNetwork > 1 || n[0] > 1 || n[1] > 1;
                missing |= onNetwork == 0 || n[1] == 0;
            }
            if (duplicate) {
                duplicates++;
            }
            if (missing) {
                lost++;
            } else {
                published++;
            }
        }
        int notCreated = posts - contentIndex.size();
        lost += notCreated; // a post the driver could not create counts as lost: it was scheduled and never went out

        int incidents = scalar("select count(*) from act_ru_incident");
        int deadJobs = scalar("select count(*) from act_ru_job where retries_ = 0");
        int leftJobs = scalar("select count(*) from act_ru_job where process_instance_id_ is not null");
        int running = scalar("select count(*) from act_ru_execution where parent_id_ is null");
        int ended = scalar("select count(*) from act_hi_procinst p join act_re_procdef d on d.id_ = p.proc_def_id_"
                + " where d.key_ = 'content-approval' and p.end_time_ is not null and p.end_act_id_ = 'published'");
        int deployments = scalar("select count(*) from act_re_deployment");
        int inFlight = scalar("select count(*) from publication where in_flight or status <> 'PUBLISHED'");
        int retriedCalls = scalar("select count(*) from publication where attempts > 1");
        String auditVerify = auditVerify();

        System.out.println();
        System.out.println("posts=" + posts + " published=" + published + " duplicates=" + duplicates + " lost=" + lost);
        System.out.printf("wall_s=%.0f (database created to all published); driving %d posts over HTTP took %.0f s"
                + " with %d threads%n", wallNanos / 1e9, posts, driveSeconds, threads);
        System.out.println("network: webhook posts by node " + stub.webhookByNode() + ", mastodon statuses by node "
                + stub.mastodonByNode() + ", mastodon POSTs " + stub.mastodonPostCount() + " for "
                + stub.mastodonStatusCount() + " statuses (a repeat with the same Idempotency-Key is answered with the"
                + " status already made), webhook echo GETs " + stub.echoCount());
        System.out.println("kill: node a SIGKILLed at " + killedAt + " with jobs locked " + summarize(lockedAtKill)
                + "; of a's locked jobs, still present now: " + stillPresent(lockedAtKill, "a"));
        System.out.println("engine: incidents=" + incidents + " jobs_retries_0=" + deadJobs + " jobs_left=" + leftJobs
                + " instances_running=" + running + " content_approval_ended_published=" + ended + " deployments="
                + deployments);
        System.out.println("publication rows not PUBLISHED or in flight=" + inFlight + ", rows with more than one"
                + " network attempt=" + retriedCalls + ", audit chain " + auditVerify);
        Map<String, Long> logLines = logSummary();
        System.out.println("node logs (" + logDir + "): " + logLines);
        System.out.printf("load average: %.1f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());

        check(done, "every instance ended before the timeout");
        check(aKilled, "node a was killed mid-run");
        check(published == posts, "every post published (" + published + " of " + posts + ")");
        check(duplicates == 0, "no duplicates (" + duplicates + ")");
        check(lost == 0, "nothing lost (" + lost + ")");
        check(incidents == 0, "no incident (" + incidents + ")");
        check(deadJobs == 0, "no job with retries 0 (" + deadJobs + ")");
        check(leftJobs == 0, "no job left (" + leftJobs + ")");
        check(ended == posts, "every content-approval instance ended at 'published' (" + ended + ")");
        check(inFlight == 0, "no publication row left unpublished or in flight (" + inFlight + ")");
        check(deployments == 1, "one deployment for two nodes (" + deployments + ")");
        check(auditVerify.startsWith("OK"), "audit chain intact (" + auditVerify + ")");
        check(logLines.getOrDefault("b ERROR", 0L) == 0, "no ERROR in node b's log");
        check(stub.badSignatures() == 0, "every webhook call correctly signed (" + stub.badSignatures() + " not)");
        if (!failures.isEmpty()) {
            System.out.println("FAILED:");
            failures.forEach(f -> System.out.println("  " + f));
            return 1;
        }
        System.out.println("ALL CHECKS PASSED");
        return 0;
    }

    void check(boolean ok, String what) {
        if (!ok) {
            failures.add(what);
        }
    }

    String stillPresent(Map<String, String> locked, String node) throws SQLException {
        List<String> ids = locked.entrySet().stream().filter(e -> nodeOf(e.getValue()).equals(node))
                .map(Map.Entry::getKey).toList();
        int present = 0;
        try (Connection c = db()) {
            for (String id : ids) {
                try (var ps = c.prepareStatement("select count(*) from act_ru_job where id_ = ?")) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        present += rs.getInt(1);
                    }
                }
            }
        }
        return present + " of " + ids.size() + " (node b ran the others once their lock had expired)";
    }

    String auditVerify() {
        try {
            Reply reply = send(nodes[1].port, "GET", "/api/audit/verify", "audrey", null);
            return reply.status == 200 ? reply.json().path("line").asText(reply.body) : "HTTP " + reply.status
                    + " " + shorten(reply.body);
        } catch (IOException | RuntimeException e) {
            return "not checked: " + e;
        }
    }

    /** WARN and ERROR lines per node, and how many of them mention optimistic locking. */
    Map<String, Long> logSummary() throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        for (Node node : nodes) {
            if (node == null) {
                continue;
            }
            for (String line : Files.readAllLines(node.log, StandardCharsets.UTF_8)) {
                for (String level : List.of(" ERROR ", " WARN ")) {
                    if (line.contains(level)) {
                        counts.merge(node.name + level.strip(), 1L, Long::sum);
                    }
                }
                if (line.contains("OptimisticLocking")) {
                    counts.merge(node.name + " OptimisticLocking", 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    void checkDeployments() throws SQLException {
        int deployments = scalar("select count(*) from act_re_deployment");
        int versions = scalar("select count(*) from act_re_procdef where key_ = 'content-approval'");
        log("after both nodes started: " + deployments + " deployment(s), " + versions
                + " version(s) of content-approval");
    }

    // ---- database -------------------------------------------------------------------------------------------

    void recreateDatabase() throws SQLException {
        TestDatabase.recreate(DB);
    }

    Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DB, "postgres", "");
    }

    int scalar(String sql) throws SQLException {
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    void stopAll() {
        for (Node node : nodes) {
            if (node != null && node.process.isAlive()) {
                node.process.destroy();
                try {
                    node.process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                node.process.destroyForcibly();
            }
        }
        stub.stop();
    }

    // ---- one CarePost JVM -----------------------------------------------------------------------------------

    record Node(String name, int port, Process process, Path log) {

        static Node start(String name, int port, ClusterRun run) throws IOException {
            Path log = run.logDir.resolve("node-" + name + ".log");
            String stub = "http://127.0.0.1:" + run.stubPort;
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-jar", run.jar.toAbsolutePath().toString(),
                    "--spring.profiles.active=postgres,cluster",
                    "--server.port=" + port,
                    "--carepost.node-name=" + name,
                    "--carepost.demo-users=true",
                    "--carepost.base-url=http://127.0.0.1:" + port,
                    "--carepost.publishing.mode=live",
                    // Short network timeouts allow a short lock time (application-cluster.yml): the longest job,
                    // 2 platforms x 2 calls x (2 s + 4 s) = 24 s, doubled for the queue, is below 60 s.
                    "--carepost.publishing.connect-timeout=2s",
                    "--carepost.publishing.read-timeout=4s",
                    "--camunda.bpm.job-execution.lock-time-in-millis=" + run.lockTimeMs,
                    // Each node posts to its own path, so the stub can tell which node published what.
                    "--carepost.publishing.accounts.webhook.default.url=" + stub + "/hook/" + name,
                    "--carepost.publishing.accounts.mastodon.default.url=" + stub + "/" + name);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("CAREPOST_DB_HOST", "127.0.0.1");
            env.put("CAREPOST_DB_PORT", "5432");
            env.put("CAREPOST_DB_NAME", DB);
            env.put("CAREPOST_DB_USER", "postgres");
            env.put("CAREPOST_DB_PASSWORD", "");
            // Secrets by environment, not on the command line.
            env.put("CAREPOST_PUBLISHING_ACCOUNTS_WEBHOOK_DEFAULT_SECRET", WEBHOOK_SECRET);
            env.put("CAREPOST_PUBLISHING_ACCOUNTS_MASTODON_DEFAULT_TOKEN", MASTODON_TOKEN);
            return new Node(name, port, builder.start(), log);
        }

        void awaitUp(HttpClient http, Duration max) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/version"))
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    "alice:alice".getBytes(StandardCharsets.UTF_8)))
                            .timeout(Duration.ofSeconds(10)).GET().build();
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (ConnectException e) {
                    // not listening yet
                } catch (IOException e) {
                    // starting
                }
                Thread.sleep(1000);
            }
            throw new IllegalStateException("node " + name + " did not answer within " + max + "; see " + log);
        }
    }

    // ---- the network stub -----------------------------------------------------------------------------------

    /**
     * Webhook receiver {@code POST /hook/<node>} that does not deduplicate, its echo {@code GET /hook/<node>/<key>},
     * and Mastodon {@code POST /<node>/api/v1/statuses} deduplicating by Idempotency-Key. Paths name the node that
     * called; the posts are one store, as on a real network.
     */
    static final class Stub {
        record Post(long id, String key, String node) {
        }

        private HttpServer server;
        private final AtomicLong ids = new AtomicLong(1000);
        private final Map<String, List<Post>> webhook = new ConcurrentHashMap<>();
        private final Map<String, Post> mastodon = new ConcurrentHashMap<>();
        private final AtomicInteger mastodonPosts = new AtomicInteger();
        private final AtomicInteger echoes = new AtomicInteger();
        private final AtomicInteger badSignatures = new AtomicInteger();
        private final ObjectMapper json = new ObjectMapper();

        void start(int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.createContext("/", this::handle);
            server.start();
        }

        void stop() {
            if (server != null) {
                server.stop(0);
                ((ExecutorService) server.getExecutor()).shutdownNow();
            }
        }

        void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath();
                String[] parts = path.split("/");
                String method = exchange.getRequestMethod();
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                if (method.equals("POST") && parts.length == 3 && parts[1].equals("hook")) {
                    String signature = exchange.getRequestHeaders().getFirst(WebhookAdapter.SIGNATURE_HEADER);
                    if (!WebhookAdapter.signature(WEBHOOK_SECRET, body).equals(signature)) {
                        badSignatures.incrementAndGet();
                        answer(exchange, 401, "{\"error\":\"bad signature\"}");
                        return;
                    }
                    String key = json.readTree(body).get("id").asText();
                    Post post = new Post(ids.incrementAndGet(), key, parts[2]);
                    webhook.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(post);
                    answer(exchange, 200, postJson(post));
                } else if (method.equals("GET") && parts.length == 4 && parts[1].equals("hook")) {
                    echoes.incrementAndGet();
                    String key = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
                    List<Post> found = webhook.getOrDefault(key, List.of());
                    if (found.isEmpty()) {
                        answer(exchange, 404, "{\"error\":\"not found\"}");
                    } else {
                        answer(exchange, 200, postJson(found.get(0)));
                    }
                } else if (method.equals("POST") && path.endsWith("/api/v1/statuses") && parts.length == 5) {
                    if (!("Bearer " + MASTODON_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                        answer(exchange, 401, "{\"error\":\"The access token is invalid\"}");
                        return;
                    }
                    mastodonPosts.incrementAndGet();
                    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                    String node = parts[1];
                    Post post = mastodon.computeIfAbsent(key, k -> new Post(ids.incrementAndGet(), k, node));
                    answer(exchange, 200, postJson(post));
                } else {
                    answer(exchange, 404, "{\"error\":\"no such endpoint\"}");
                }
            }
        }

        private static String postJson(Post post) {
            return "{\"id\":\"" + post.id + "\",\"url\":\"https://stub.invalid/" + post.id + "\"}";
        }

        private static void answer(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        int webhookKeys() {
            return webhook.size();
        }

        int webhookPosts(String key) {
            return webhook.getOrDefault(key, List.of()).size();
        }

        int mastodonStatuses(String key) {
            return mastodon.containsKey(key) ? 1 : 0;
        }

        int mastodonStatusCount() {
            return mastodon.size();
        }

        int mastodonPostCount() {
            return mastodonPosts.get();
        }

        int echoCount() {
            return echoes.get();
        }

        int badSignatures() {
            return badSignatures.get();
        }

        Map<String, Integer> webhookByNode() {
            Map<String, Integer> byNode = new TreeMap<>();
            webhook.values().forEach(list -> list.forEach(p -> byNode.merge(p.node, 1, Integer::sum)));
            return byNode;
        }

        Map<String, Integer> mastodonByNode() {
            Map<String, Integer> byNode = new TreeMap<>();
            mastodon.values().forEach(p -> byNode.merge(p.node, 1, Integer::sum));
            return byNode;
        }
    }

    // ---- small helpers --------------------------------------------------------------------------------------

    static void log(String message) {
        System.out.println(Instant.now() + " " + message);
    }

    static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }

    static double secondsBetween(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static String shorten(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
