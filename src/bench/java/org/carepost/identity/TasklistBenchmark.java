package org.carepost.identity;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.carepost.BenchApplication;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Tasklist at a hospital's scale (not a test: timings depend on the machine): with N open user tasks spread over
 * the review groups, the query a group member's Tasklist issues when it opens the shared filter "My groups' tasks" -
 * the first page of 15, newest first, and the count - through FilterService with authorization checks on, as the
 * application runs it. Measured at 10,000 open tasks (a large health system has hundreds to a few thousand; target
 * p95 <= 50 ms) and at 100,000 (target p95 <= 400 ms), each time beside stock Camunda on the same data: our indexes
 * and planner statistics on Camunda's tables (db/engine) dropped and our connection settings (enable_material,
 * jit; application-postgres.yml) not applied. Boots CarePost on PostgreSQL database carepost_bench_tasks
 * (recreated unless --reuse).
 * Run: mvn -B -Pbench -DskipTests test-compile exec:java -Dbench.main=org.carepost.identity.TasklistBenchmark
 * Optional args: [--reuse (measure the tasks a previous run created)] [points (10000,100000)] [queries (300)]
 * [stock queries (5)]; -Dtasklist.sql=true prints the SQL the engine issues for one page and its count;
 * -Dtasklist.definitionGrants=true is an experiment (see {@link #definitionGrants}).
 */
public final class TasklistBenchmark {

    private static final String DB = "carepost_bench_tasks";
    private static final String PROCESS_KEY = "bench-open-tasks";
    private static final String FILTER = "My groups' tasks";
    /** Candidate groups of the open tasks and their share: reviews dominate, as in CarePost's processes. */
    private static final String[] GROUPS = {"privacy", "legal", "brand", "medical", "communications", "dept-heads",
            "authors", "dept-cardiology", "dept-oncology"};
    private static final int[] WEIGHTS = {24, 18, 18, 8, 4, 14, 6, 4, 4};
    /** Users whose Tasklist is measured, with the groups the application authenticates them with. */
    private static final List<List<String>> USERS = List.of(
            List.of("pat", "privacy"),
            List.of("lee", "legal"),
            List.of("bria", "brand"),
            List.of("mia", "medical"),
            List.of("carl", "dept-heads", "dept-cardiology"),
            // Authors do not get "My groups' tasks" (TasklistFilters); the communications lead does.
            List.of("cole", "communications"));
    /** Tasks per process instance: one parallel multi-instance user task creates them in one transaction. */
    private static final int CHUNK = 500;
    /** The targets of issue #18: p95 of page + count with authorization on, per number of open tasks. */
    private static final Map<Integer, Double> TARGET_MS = Map.of(10_000, 50.0, 100_000, 400.0);
    /** Our additions to Camunda's schema (db/engine) and what the stock comparison drops. */
    private static final String[] OUR_MIGRATIONS = {"db/engine/common/V1__task_list_indexes.sql",
            "db/engine/postgresql/V2__authorization_planner_statistics.sql"};
    private static final String DROP_OURS = "drop index if exists carepost_idx_identlink_group_task;"
            + " drop index if exists carepost_idx_task_due_create;"
            + " drop statistics if exists carepost_auth_perms_read; drop statistics if exists carepost_auth_perms_read_task";
    /** Stock connections: none of application-postgres.yml's settings. */
    private static final String STOCK_CONNECTIONS = "--spring.datasource.hikari.connection-init-sql=SELECT 1";

    record Figures(double p95, double p50, double p99, double pageP95, double countP95, int queries, double rows,
                   double counted) {
    }

    public static void main(String[] args) throws Exception {
        boolean reuse = args.length > 0 && args[0].equals("--reuse");
        int offset = reuse ? 1 : 0;
        List<Integer> points = Arrays.stream((args.length > offset ? args[offset] : "10000,100000").split(","))
                .map(String::strip).map(Integer::parseInt).sorted().toList();
        int queries = args.length > offset + 1 ? Integer.parseInt(args[offset + 1]) : 300;
        int stockQueries = args.length > offset + 2 ? Integer.parseInt(args[offset + 2]) : 5;
        List<String> summary = new ArrayList<>();
        boolean first = true;
        for (int point : points) {
            Figures ours;
            Figures withoutAuthorization;
            try (BenchApplication app = start(!first || reuse)) {
                TaskService tasks = app.bean(TaskService.class);
                long open = tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).count();
                if (open < point) {
                    create(app, (int) (point - open), open == 0);
                    open = tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).count();
                }
                System.out.printf("%n== %,d open tasks (all processes: %,d)%n", open, tasks.createTaskQuery().count());
                if (Boolean.getBoolean("tasklist.definitionGrants")) {
                    definitionGrants(app);
                }
                ours = measure(app, queries, "CarePost, authorization on", TARGET_MS.get(point));
                // The same query with the engine's authorization checks off: what the rest of it costs, for comparison.
                org.camunda.bpm.engine.ProcessEngineConfiguration config =
                        app.bean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
                config.setAuthorizationEnabled(false);
                try {
                    withoutAuthorization = measure(app, Math.max(1, queries / 3), "CarePost, authorization OFF", null);
                } finally {
                    config.setAuthorizationEnabled(true);
                }
            }
            first = false;
            sql(DROP_OURS + "; analyze");
            Figures stock;
            try (BenchApplication app = BenchApplication.start(DB, true, STOCK_CONNECTIONS)) {
                stock = measure(app, stockQueries, "stock Camunda, authorization on", null);
            } finally {
                for (String migration : OUR_MIGRATIONS) {
                    sql(new String(TasklistBenchmark.class.getClassLoader().getResourceAsStream(migration).readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
                sql("analyze");
            }
            Double target = TARGET_MS.get(point);
            summary.add(String.format("%,9d open tasks: CarePost p95 %8.1f ms (target <= %s) %-7s | stock Camunda p95 %9.1f ms"
                            + " (%.1fx CarePost) | CarePost without authorization checks p95 %.1f ms", point, ours.p95(),
                    target == null ? "-" : String.format("%.0f ms", target),
                    target == null ? "" : ours.p95() <= target ? "MET" : "MISSED", stock.p95(), stock.p95() / ours.p95(),
                    withoutAuthorization.p95()));
        }
        System.out.printf("%n\"%s\", first page of 15 newest + count, as %d users in turn:%n", FILTER, USERS.size());
        summary.forEach(System.out::println);
        System.out.printf("machine: %d cores, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static BenchApplication start(boolean reuse) throws Exception {
        long boot0 = System.nanoTime();
        BenchApplication app = BenchApplication.start(DB, reuse);
        System.out.printf("TasklistBenchmark: CarePost started on PostgreSQL database %s in %.1f s%n", DB,
                (System.nanoTime() - boot0) / 1e9);
        return app;
    }

    /** Runs SQL on the benchmark database outside the application (which may not be running). */
    private static void sql(String statements) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DB, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }

    private static void create(BenchApplication app, int taskCount, boolean deploy) throws Exception {
        if (deploy) {
            deploy(app);
        }
        RuntimeService runtime = app.bean(RuntimeService.class);
        createInstances(runtime, app, taskCount);
    }

    private static void deploy(BenchApplication app) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY)
                .camundaHistoryTimeToLive(2192)
                .startEvent()
                .userTask("openTask").name("Review").camundaCandidateGroups("${group}")
                .multiInstance().parallel().camundaCollection("${groups}").camundaElementVariable("group")
                .multiInstanceDone()
                .endEvent()
                .done();
        // The benchmark's own model, deployed as CarePost deploys its models (anything else is a model-change proposal).
        org.carepost.process.engine.TrustedDeployment.run(() -> app.bean(RepositoryService.class).createDeployment()
                .name(PROCESS_KEY).addModelInstance(PROCESS_KEY + ".bpmn", model).deploy());
    }

    private static void createInstances(RuntimeService runtime, BenchApplication app, int taskCount) throws Exception {
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        Random rnd = new Random(taskCount);
        List<List<String>> chunks = new ArrayList<>();
        for (int made = 0; made < taskCount; made += CHUNK) {
            List<String> groups = new ArrayList<>();
            for (int i = 0; i < Math.min(CHUNK, taskCount - made); i++) {
                int r = rnd.nextInt(total);
                int g = 0;
                while (r >= WEIGHTS[g]) {
                    r -= WEIGHTS[g++];
                }
                groups.add(GROUPS[g]);
            }
            chunks.add(groups);
        }
        long t0 = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        for (List<String> groups : chunks) {
            futures.add(pool.submit(() -> {
                runtime.startProcessInstanceByKey(PROCESS_KEY, Map.of("groups", groups));
                int n = done.addAndGet(groups.size());
                if (n % 10_000 < CHUNK) {
                    System.out.printf("  %,d tasks created (%.0f s)%n", n, (System.nanoTime() - t0) / 1e9);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        try (Connection c = app.bean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze");
        }
        System.out.printf("created %,d open tasks in %.0f s (%d process instances of %d tasks, 2 threads; then VACUUM ANALYZE)%n",
                taskCount, (System.nanoTime() - t0) / 1e9, chunks.size(), CHUNK);
    }

    /**
     * An experiment, not what the application does: -Dtasklist.definitionGrants=true replaces the engine's per-task
     * group authorizations of the benchmark's tasks by one grant per group on the process definition (READ_TASK),
     * to measure what the authorization check costs when the task query joins a handful of authorizations instead of
     * one per task. Irreversible for this database (run without --reuse to start over).
     */
    private static void definitionGrants(BenchApplication app) throws Exception {
        try (Connection c = app.bean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
            int removed = s.executeUpdate("delete from act_ru_authorization where resource_type_ = 7 and group_id_ is not null"
                    + " and resource_id_ in (select t.id_ from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_"
                    + " where d.key_ = '" + PROCESS_KEY + "')");
            org.camunda.bpm.engine.AuthorizationService authorizations = app.bean(org.camunda.bpm.engine.AuthorizationService.class);
            for (String group : GROUPS) {
                if (authorizations.createAuthorizationQuery().groupIdIn(group)
                        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION)
                        .resourceId(PROCESS_KEY).count() == 0) {
                    org.camunda.bpm.engine.authorization.Authorization grant = authorizations.createNewAuthorization(
                            org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
                    grant.setGroupId(group);
                    grant.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
                    grant.setResourceId(PROCESS_KEY);
                    grant.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK);
                    authorizations.saveAuthorization(grant);
                }
            }
            s.execute("vacuum analyze act_ru_authorization");
            System.out.printf("EXPERIMENT: %,d per-task group authorizations replaced by READ_TASK on process definition %s"
                    + " for each group%n", removed, PROCESS_KEY);
        }
    }

    private static Figures measure(BenchApplication app, int queries, String label, Double targetMs) {
        FilterService filters = app.bean(FilterService.class);
        TaskService tasks = app.bean(TaskService.class);
        IdentityService identity = app.bean(IdentityService.class);
        Filter filter = filters.createFilterQuery().filterName(FILTER).singleResult();

        if (Boolean.getBoolean("tasklist.sql")) {
            LoggingSystem logging = LoggingSystem.get(TasklistBenchmark.class.getClassLoader());
            String mapper = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
            logging.setLogLevel(mapper, LogLevel.DEBUG);
            page(filters, tasks, identity, filter, USERS.get(0));
            logging.setLogLevel(mapper, LogLevel.WARN);
        }

        int warmup = Math.max(1, queries / 10);
        double[] both = new double[queries];
        double[] list = new double[queries];
        double[] count = new double[queries];
        long rows = 0;
        long total = 0;
        for (int i = 0; i < warmup + queries; i++) {
            List<String> user = USERS.get(i % USERS.size());
            long[] t = page(filters, tasks, identity, filter, user);
            if (i >= warmup) {
                int k = i - warmup;
                list[k] = t[0] / 1e6;
                count[k] = t[1] / 1e6;
                both[k] = (t[0] + t[1]) / 1e6;
                rows += t[2];
                total += t[3];
            }
        }
        Figures f = new Figures(percentile(both, 0.95), percentile(both, 0.5), percentile(both, 0.99),
                percentile(list, 0.95), percentile(count, 0.95), queries, rows / (double) queries,
                total / (double) queries);
        System.out.printf("  %-34s p95 %8.1f ms %-7s [p50 %.1f ms, p99 %.1f ms; page alone p95 %.1f ms, count alone"
                        + " p95 %.1f ms; %d queries, %.1f rows per page, %,.0f tasks counted per user on average]%n",
                label, f.p95(), targetMs == null ? "" : f.p95() <= targetMs ? "MET" : "MISSED", f.p50(), f.p99(),
                f.pageP95(), f.countP95(), queries, f.rows(), f.counted());
        return f;
    }

    /** One Tasklist page load: {@code [page ns, count ns, rows, count]}. */
    private static long[] page(FilterService filters, TaskService tasks, IdentityService identity, Filter filter,
                               List<String> user) {
        identity.setAuthentication(user.get(0), user.subList(1, user.size()));
        try {
            // Tasklist's default sorting, sent with every list request: created, newest first.
            TaskQuery sorting = tasks.createTaskQuery().orderByTaskCreateTime().desc();
            long t0 = System.nanoTime();
            List<Task> page = filters.listPage(filter.getId(), sorting, 0, 15);
            long t1 = System.nanoTime();
            long n = filters.count(filter.getId(), tasks.createTaskQuery().orderByTaskCreateTime().desc());
            long t2 = System.nanoTime();
            if (page.isEmpty() || n == 0) {
                throw new IllegalStateException(user.get(0) + " sees no task in " + FILTER);
            }
            return new long[] {t1 - t0, t2 - t1, page.size(), n};
        } finally {
            identity.clearAuthentication();
        }
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * p) - 1];
    }
}
