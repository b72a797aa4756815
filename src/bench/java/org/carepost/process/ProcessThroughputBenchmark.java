package org.carepost.process;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.carepost.BenchApplication;
import org.carepost.content.NewContent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.carepost.process.approval.ContentWorkflow;
import org.carepost.process.engine.ProcessVariables;

/**
 * Throughput of the whole content-approval process against the raw engine (not a test: timings depend on the
 * machine). Boots CarePost on PostgreSQL (database carepost_bench, recreated each run), then drives posts from
 * submission to publication through the Java API exactly as the REST API and Tasklist would (each decision taken
 * by the right user, with authorization checks), executing the publication timer and the publish job itself; and,
 * in the same engine, instances of a minimal process (start, one user task, end). Compares the cost of one
 * database transaction in each: the target is ours within 1.5x of the raw engine's.
 * Run: mvn -B -Pbench -DskipTests test-compile exec:java -Dbench.main=org.carepost.process.ProcessThroughputBenchmark
 * Optional args: [posts (200)] [baseline instances (= 4 x posts)] [warm-up rounds at most (10; they stop once the JIT compiler is done)] [measured rounds, alternating
 * the two sides and summed (4; 1 with -Dbench.jfr or -Dbench.statementTexts)]; -Dbench.jfr=file records
 * the measured content-approval run with Flight Recorder; -Dbench.statementTexts=true lists the statements of each
 * measured run by SQL text.
 */
public final class ProcessThroughputBenchmark {

    private static final String DB = "carepost_bench";
    private static final String BASELINE_KEY = "bench-baseline";
    private static final String AUTHOR = "alice";
    private static final Set<String> AUTHOR_GROUPS = Set.of("authors", "dept-cardiology");
    /** Who takes each decision (segregation of duties: never the author; the head of the draft's department). */
    private static final Map<String, List<String>> DECIDER = Map.of(
            "privacyReview", List.of("pat", "privacy"),
            "legalReview", List.of("lee", "legal"),
            "brandReview", List.of("bria", "brand"),
            "medicalReview", List.of("mia", "medical"),
            "communicationsReview", List.of("cole", "communications"),
            "departmentSignoff", List.of("carl", "dept-heads", "dept-cardiology"));
    private static final int PAGE = 200;

    private final BenchApplication app;
    private final ContentWorkflow workflow;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private int round;
    /** Transactions of the sandbox network (a post it accepts, committed on its own), counted by the posts run. */
    private long networkTransactions;

    private ProcessThroughputBenchmark(BenchApplication app) {
        this.app = app;
        this.workflow = app.bean(ContentWorkflow.class);
        this.identity = app.bean(IdentityService.class);
        this.runtime = app.bean(RuntimeService.class);
        this.tasks = app.bean(TaskService.class);
        this.management = app.bean(ManagementService.class);
        this.jdbc = app.bean(JdbcTemplate.class);
    }

    /**
     * {@code cpuSeconds}: CPU time of this JVM (the application and the benchmark) during the run; {@code statements}:
     * SQL statements it executed ({@link BenchApplication#statements()}).
     */
    record Figures(String label, int units, double seconds, long transactions, long commands, double cpuSeconds,
                   long statements, double threadCpuSeconds) {

        Figures plus(Figures other) {
            return new Figures(label, units + other.units, seconds + other.seconds, transactions + other.transactions,
                    commands + other.commands, cpuSeconds + other.cpuSeconds, statements + other.statements,
                    threadCpuSeconds + other.threadCpuSeconds);
        }

        double unitsPerSecond() {
            return units / seconds;
        }

        double txPerSecond() {
            return transactions / seconds;
        }

        double msPerTx() {
            return seconds * 1000 / transactions;
        }

        double txPerUnit() {
            return transactions / (double) units;
        }

        String line(String unit) {
            return String.format("%-30s %5d %-9s in %6.2f s: %7.1f %s/s, %6d tx (%5.1f per %s), %7.1f tx/s, %6.3f ms/tx"
                            + "  [engine commands %d, %.1f per %s; JVM CPU %.3f ms/tx (driving thread %.3f); statements %.1f per %s,"
                            + " %.1f per tx]",
                    label, units, unit, seconds, unitsPerSecond(), unit, transactions, txPerUnit(), unit,
                    txPerSecond(), msPerTx(), commands, commands / (double) units, unit, cpuSeconds * 1000 / transactions,
                    threadCpuSeconds * 1000 / transactions, statements / (double) units, unit,
                    statements / (double) transactions);
        }
    }

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int baseline = args.length > 1 ? Integer.parseInt(args[1]) : 4 * posts;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long boot0 = System.nanoTime();
        try (BenchApplication app = BenchApplication.start(DB, false)) {
            System.out.printf("ProcessThroughputBenchmark: CarePost started on PostgreSQL database %s in %.1f s"
                    + " (job executor off, authorization on, history full)%n", DB, (System.nanoTime() - boot0) / 1e9);
            ProcessThroughputBenchmark bench = new ProcessThroughputBenchmark(app);
            bench.deployBaseline();
            int warmPosts = Math.max(10, posts / 4);
            // Warm up until the JIT compiler is done: while it compiles it takes a core from the database and the
            // driving thread, more for our larger code than for the baseline's (16 s of compilation in a measured
            // run after two warm-up rounds). At most `warmups` rounds, at least two.
            java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            for (int w = 0; w < Math.max(2, warmups); w++) {
                long jit0 = jit.getTotalCompilationTime();
                long t0 = System.nanoTime();
                bench.measure("warm-up content-approval", warmPosts, bench::posts);
                bench.measure("warm-up baseline", Math.max(10, baseline / 4), bench::baseline);
                double share = (jit.getTotalCompilationTime() - jit0) / ((System.nanoTime() - t0) / 1e6);
                System.out.printf("warm-up round %d: JIT compilation %.0f%% of the round%n", w + 1, 100 * share);
                if (w >= 1 && share < 0.03) {
                    break;
                }
            }
            long jitMeasured0 = jit.getTotalCompilationTime();
            // Alternating rounds, summed: the two sides see the same moments of the machine (autovacuum, checkpoints,
            // other work), which a single run of each did not (the baseline alone varied from 3.9 to 7.7 ms/tx).
            String jfr = System.getProperty("bench.jfr");
            boolean texts = Boolean.getBoolean("bench.statementTexts");
            int rounds = jfr != null || texts ? 1 : args.length > 3 ? Integer.parseInt(args[3]) : 4;
            Figures ours = null;
            Figures raw = null;
            for (int r = 0; r < rounds; r++) {
                int postsNow = posts / rounds + (r < posts % rounds ? 1 : 0);
                int baselineNow = baseline / rounds + (r < baseline % rounds ? 1 : 0);
                Figures oursNow = bench.measureOurs(postsNow, jfr);
                Figures rawNow = bench.measureRaw(baselineNow);
                if (rounds > 1) {
                    System.out.printf("round %d: ours %.3f ms/tx, raw engine %.3f ms/tx = %.2fx%n", r + 1,
                            oursNow.msPerTx(), rawNow.msPerTx(), oursNow.msPerTx() / rawNow.msPerTx());
                }
                ours = ours == null ? oursNow : ours.plus(oursNow);
                raw = raw == null ? rawNow : raw.plus(rawNow);
            }
            System.out.printf("JIT compilation during the measured rounds: %.1f s%n",
                    (jit.getTotalCompilationTime() - jitMeasured0) / 1e3);
            System.out.println(ours.line("post"));
            System.out.println(raw.line("instance"));
            double ratio = ours.msPerTx() / raw.msPerTx();
            System.out.printf("cost per transaction: ours %.3f ms / raw engine %.3f ms = %.2fx (target <= 1.5x) %s"
                            + "  [JVM CPU per transaction: %.2fx]%n", ours.msPerTx(), raw.msPerTx(), ratio,
                    ratio <= 1.5 ? "MET" : "MISSED", (ours.cpuSeconds / ours.transactions) / (raw.cpuSeconds / raw.transactions));
            System.out.printf("cost per post: %.1f ms (%.1f transactions); per baseline instance: %.1f ms (%.1f transactions)%n",
                    ours.seconds * 1000 / ours.units, ours.txPerUnit(), raw.seconds * 1000 / raw.units, raw.txPerUnit());
            System.out.printf("machine: %d cores, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The measured content-approval posts; -Dbench.jfr records them, -Dbench.statementTexts lists their SQL. */
    private Figures measureOurs(int posts, String jfr) throws Exception {
        jdk.jfr.Recording recording = null;
        if (jfr != null) {
            // -Dbench.jfc=<file>: another recording configuration (a shorter sampling period, say).
            String jfc = System.getProperty("bench.jfc");
            recording = new jdk.jfr.Recording(jfc == null ? jdk.jfr.Configuration.getConfiguration("profile")
                    : jdk.jfr.Configuration.create(java.nio.file.Path.of(jfc)));
            recording.start();
        }
        BenchApplication.statementTexts();
        Figures ours = measure("content-approval (CarePost)", posts, this::posts);
        printStatementTexts("post", posts);
        if (recording != null) {
            recording.stop();
            recording.dump(java.nio.file.Path.of(jfr));
            recording.close();
        }
        return ours;
    }

    private Figures measureRaw(int baseline) throws Exception {
        BenchApplication.statementTexts();
        Figures raw = measure("baseline (start, task, end)", baseline, this::baseline);
        printStatementTexts("instance", baseline);
        return raw;
    }

    /** -Dbench.statementTexts=true: executions and driver time per unit of each SQL text since the last call. */
    private static void printStatementTexts(String unit, int units) {
        BenchApplication.statementTexts().forEach(e -> System.out.printf("  %7.2f per %s %7.3f ms per %s  %s%n",
                e.getValue()[0] / units, unit, e.getValue()[1] / units, unit,
                e.getKey().length() > 200 ? e.getKey().substring(0, 200) : e.getKey()));
    }

    interface Work {
        void run(int count) throws Exception;
    }

    private Figures measure(String label, int count, Work work) throws Exception {
        long tx0 = app.committedTransactions();
        long network0 = networkTransactions;
        long c0 = BenchApplication.engineCommands();
        long s0 = BenchApplication.statements();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        // The thread that drives the work (our code, the engine, the JDBC driver); the rest is JIT, GC and the like.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long thread0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        work.run(count);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        double threadCpuSeconds = (threads.getCurrentThreadCpuTime() - thread0) / 1e9;
        long c1 = BenchApplication.engineCommands();
        long s1 = BenchApplication.statements();
        long tx1 = app.committedTransactions();
        // The sandbox stands for a social network, whose database is not CarePost's: its commits are not ours.
        Figures f = new Figures(label, count, seconds, tx1 - tx0 - (networkTransactions - network0), c1 - c0,
                cpuSeconds, s1 - s0, threadCpuSeconds);
        if (label.startsWith("warm-up")) {
            System.out.println(f.line("unit"));
        }
        return f;
    }

    // ---- content-approval, the way the REST API and Tasklist drive it ----

    /** Submits {@code count} posts, takes every decision, fires the timer and the publish job; checks the outcome. */
    private void posts(int count) throws Exception {
        String batch = "round " + (++round);
        Integer sandboxBefore = jdbc.queryForObject("select count(*) from sandbox_post", Integer.class);
        for (int i = 0; i < count; i++) {
            // As POST /api/content: the engine runs the start as the author (EngineAuthenticationFilter).
            identity.setAuthentication(AUTHOR, List.copyOf(AUTHOR_GROUPS));
            try {
                // No identifier-shaped token ("r1-10") in a title: the PHI scan would stop the post at "Resolve PHI".
                workflow.submit(new NewContent("Heart month, " + batch + ", post " + i, "education", "cardiology",
                        "Free blood-pressure checks in the lobby all February. " + batch + ", post " + i + ".",
                        List.of("facebook", "x"), Instant.now().plus(30, ChronoUnit.DAYS).toString()),
                        AUTHOR, AUTHOR_GROUPS);
            } finally {
                identity.clearAuthentication();
            }
        }
        int decisions = completeAllTasks(ProcessVariables.PROCESS_KEY, this::decide);
        // The timer until publishAt, then the asynchronous publish job: executed as the job executor would (no user).
        int timers = executeJobs("scheduledTimeReached");
        int publishes = executeJobs("publishToPlatforms");
        long running = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY).count();
        Integer published = jdbc.queryForObject(
                "select count(*) from content_item where status = 'PUBLISHED' and title like ?", Integer.class,
                "Heart month, " + batch + ", post %");
        Integer sandbox = jdbc.queryForObject("select count(*) from sandbox_post", Integer.class);
        if (running != 0 || published == null || published != count || timers != count || publishes != count
                || decisions != 4 * count) {
            throw new IllegalStateException(String.format("round %s: %d running, %d published of %d, %d timers, "
                    + "%d publish jobs, %d decisions", batch, running, published, count, timers, publishes, decisions));
        }
        if (sandbox == null || sandboxBefore == null || sandbox - sandboxBefore != 2 * count) {
            throw new IllegalStateException("expected every post on both platforms, sandbox has " + sandbox
                    + " (had " + sandboxBefore + ")");
        }
        // SandboxPlatformAdapter.publish: one transaction of its own per post it accepts (nothing else ran there).
        networkTransactions += sandbox - sandboxBefore;
    }

    private void decide(Task task) {
        List<String> who = DECIDER.get(task.getTaskDefinitionKey());
        if (who == null) {
            throw new IllegalStateException("unexpected task " + task.getTaskDefinitionKey());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.DECISION, "approve");
        variables.put(ProcessVariables.COMMENT, "Fine.");
        complete(task, who, variables);
    }

    private void complete(Task task, List<String> who, Map<String, Object> variables) {
        identity.setAuthentication(who.get(0), who.subList(1, who.size()));
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Completes open tasks of {@code processKey} page by page (as the system, finding them) until none is left. */
    private int completeAllTasks(String processKey, java.util.function.Consumer<Task> completer) {
        int done = 0;
        while (true) {
            List<Task> page = tasks.createTaskQuery().processDefinitionKey(processKey).orderByTaskCreateTime().asc()
                    .listPage(0, PAGE);
            if (page.isEmpty()) {
                return done;
            }
            for (Task task : page) {
                completer.accept(task);
                done++;
            }
        }
    }

    private int executeJobs(String activityId) {
        int done = 0;
        while (true) {
            List<Job> page = management.createJobQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                    .activityId(activityId).listPage(0, PAGE);
            if (page.isEmpty()) {
                return done;
            }
            for (Job job : page) {
                management.executeJob(job.getId());
                done++;
            }
        }
    }

    // ---- the raw engine: start, one user task, end ----

    private void deployBaseline() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(BASELINE_KEY)
                .camundaHistoryTimeToLive(2192)
                .startEvent()
                .userTask("task").camundaCandidateGroups("brand")
                .endEvent()
                .done();
        // The benchmark's own model, deployed as CarePost deploys its models (anything else is a model-change proposal).
        org.carepost.process.engine.TrustedDeployment.run(() -> app.bean(RepositoryService.class).createDeployment()
                .name(BASELINE_KEY).addModelInstance(BASELINE_KEY + ".bpmn", model).deploy());
    }

    private void baseline(int count) {
        for (int i = 0; i < count; i++) {
            runtime.startProcessInstanceByKey(BASELINE_KEY, "b" + round + "-" + i);
        }
        List<String> bria = List.of("bria", "brand");
        int done = completeAllTasks(BASELINE_KEY, task -> complete(task, bria, Map.of("decision", "approve")));
        long running = runtime.createProcessInstanceQuery().processDefinitionKey(BASELINE_KEY).count();
        if (done != count || running != 0) {
            throw new IllegalStateException(done + " baseline tasks completed of " + count + ", " + running + " running");
        }
    }
}
