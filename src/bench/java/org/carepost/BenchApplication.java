package org.carepost;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The whole CarePost application for a benchmark: profile postgres on a database of its own, demo users, sandbox
 * publishing, no web server and no job executor (the benchmark executes jobs itself, so every run does the same
 * work). Also counts transactions two ways: PostgreSQL's committed transactions of the database, and the engine's
 * outermost commands.
 */
public final class BenchApplication implements AutoCloseable {

    public final String database;
    public final ConfigurableApplicationContext context;

    private BenchApplication(String database, ConfigurableApplicationContext context) {
        this.database = database;
        this.context = context;
    }

    /** Drops and creates {@code database} unless {@code reuse}, then starts the application on it. */
    public static BenchApplication start(String database, boolean reuse, String... extraArgs) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("plain database name expected");
        }
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            boolean exists;
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                exists = rs.next();
            }
            if (!reuse || !exists) {
                TestDatabase.recreate(database);
                if (Boolean.getBoolean("bench.logStatements")) {
                    // -Dbench.logStatements=true: every statement of this database, with its duration, in the server log.
                    s.execute("alter database " + database + " set log_min_duration_statement = 0");
                }
            }
        }
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "--carepost.demo-users=true",
                "--carepost.publishing.mode=sandbox",
                "--camunda.bpm.job-execution.enabled=false",
                // Nothing else may commit in the database while we count its transactions: no SIEM outbox run, no
                // authorization expiry check during the run.
                "--carepost.audit.syslog.host=",
                "--carepost.audit.forward-interval=PT24H",
                "--carepost.consent.expiry-check-initial-delay-ms=86400000",
                "--logging.level.root=WARN",
                // Camunda's REST API needs a servlet container; nothing else needs the web server.
                "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"));
        args.addAll(Arrays.asList(extraArgs));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CarePostApplication.class, Counting.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
        return new BenchApplication(database, context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Committed transactions of this database so far. A PostgreSQL 15 backend reports its counters when it goes
     * idle, but at most once a second: otherwise it reports after 10 s of idleness. So the figure is read after 11 s
     * without work and then until it stops moving. It is read from the maintenance database, so reading it adds
     * nothing to what it counts. (Closing the pool's connections would make them report at once, but their
     * replacements' start-up transactions would be counted.)
     */
    public long committedTransactions() throws SQLException, InterruptedException {
        Thread.sleep(11_000);
        long last = -1;
        int stable = 0;
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            for (int i = 0; i < 100 && stable < 3; i++) {
                s.execute("select pg_stat_clear_snapshot()");
                long now;
                try (ResultSet rs = s.executeQuery("select xact_commit from pg_stat_database where datname = '" + database + "'")) {
                    rs.next();
                    now = rs.getLong(1);
                }
                stable = now == last ? stable + 1 : 0;
                last = now;
                Thread.sleep(500);
            }
        }
        return last;
    }

    /**
     * SQL statements this JVM has executed on the application's data source so far: each execute of a statement, and
     * each row of a JDBC batch (the engine batches its inserts; the server runs each one). Counted on the client, so
     * the benchmark's own queries count too, on both sides of the comparison.
     */
    public static long statements() {
        return StatementCounter.STATEMENTS.get();
    }

    /** Per SQL text since the last call (-Dbench.statementTexts=true): {executions, driver ms}, most time first. */
    public static List<java.util.Map.Entry<String, double[]>> statementTexts() {
        return StatementCounter.drainTexts();
    }

    /** Outermost engine commands executed so far (a command nested in another one's transaction is not counted). */
    public static long engineCommands() {
        return Counting.COMMANDS.get();
    }

    @Override
    public void close() {
        context.close();
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
    }

    /** Adds the command counter in front of the engine's interceptor chains, and the statement counter. */
    @Configuration(proxyBeanMethods = false)
    static class Counting {

        @Bean
        static BeanPostProcessor statementCounter() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource ? StatementCounter.wrap(dataSource) : bean;
                }
            };
        }

        static final AtomicLong COMMANDS = new AtomicLong();

        @Bean
        AbstractProcessEnginePlugin commandCounter() {
            return new AbstractProcessEnginePlugin() {
                @Override
                public void preInit(ProcessEngineConfigurationImpl configuration) {
                    List<CommandInterceptor> required = new ArrayList<>();
                    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
                        required.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
                    }
                    required.add(0, new OuterCommandCounter());
                    configuration.setCustomPreCommandInterceptorsTxRequired(required);
                }
            };
        }
    }

    /** Counts statement executions through JDBC proxies around the data source, its connections and statements. */
    static final class StatementCounter {

        static final AtomicLong STATEMENTS = new AtomicLong();

        static DataSource wrap(DataSource target) {
            return proxy(DataSource.class, target, (method, result, args, nanos) ->
                    result instanceof Connection c && method.getName().equals("getConnection")
                            ? proxy(Connection.class, c, StatementCounter::statementOf) : result);
        }

        /** -Dbench.statementTexts=true: also counts executions per SQL text ({@link #TEXTS}), for diagnosis. */
        static final boolean BY_TEXT = Boolean.getBoolean("bench.statementTexts");
        static final java.util.Map<String, Tally> TEXTS = new java.util.concurrent.ConcurrentHashMap<>();

        /** Executions of one SQL text and the time the driver took for them (round trip included). */
        record Tally(java.util.concurrent.atomic.LongAdder count, java.util.concurrent.atomic.LongAdder nanos) {
            Tally() {
                this(new java.util.concurrent.atomic.LongAdder(), new java.util.concurrent.atomic.LongAdder());
            }
        }

        private static Object statementOf(Method method, Object result, Object[] args, long nanos) {
            if (BY_TEXT && method.getName().equals("commit")) {
                tally("COMMIT", nanos);
            }
            String sql = BY_TEXT && args != null && args.length > 0 && args[0] instanceof String text ? text : null;
            if (result instanceof CallableStatement s) {
                return proxy(CallableStatement.class, s, (m, r, a, ns) -> count(m, r, a, ns, sql));
            }
            if (result instanceof PreparedStatement s) {
                return proxy(PreparedStatement.class, s, (m, r, a, ns) -> count(m, r, a, ns, sql));
            }
            if (result instanceof Statement s) {
                return proxy(Statement.class, s, (m, r, a, ns) -> count(m, r, a, ns, sql));
            }
            return result;
        }

        private static Object count(Method method, Object result, Object[] args, long nanos, String prepared) {
            String name = method.getName();
            if (name.equals("addBatch") || (name.startsWith("execute") && !name.equals("executeBatch")
                    && !name.equals("executeLargeBatch"))) {
                STATEMENTS.incrementAndGet();
                if (BY_TEXT) {
                    String sql = prepared != null ? prepared
                            : args != null && args.length > 0 && args[0] instanceof String text ? text : "?";
                    tally(sql.replaceAll("\\s+", " ").strip(), nanos);
                }
            } else if (BY_TEXT && name.equals("executeBatch") && prepared != null) {
                // The batch's rows were counted by addBatch; its round trip is timed here.
                tally(prepared.replaceAll("\\s+", " ").strip(), nanos);
                TEXTS.get(prepared.replaceAll("\\s+", " ").strip()).count().decrement();
            }
            return result;
        }

        private static void tally(String text, long nanos) {
            Tally tally = TEXTS.computeIfAbsent(text, k -> new Tally());
            tally.count().increment();
            tally.nanos().add(nanos);
        }

        /**
         * Per SQL text since the last call: executions and milliseconds the driver took, most time first (empty
         * unless -Dbench.statementTexts=true).
         */
        static java.util.List<java.util.Map.Entry<String, double[]>> drainTexts() {
            java.util.List<java.util.Map.Entry<String, double[]>> counted = new ArrayList<>();
            TEXTS.forEach((sql, t) -> counted.add(java.util.Map.entry(sql,
                    new double[] {t.count().sumThenReset(), t.nanos().sumThenReset() / 1e6})));
            counted.removeIf(e -> e.getValue()[0] == 0 && e.getValue()[1] == 0);
            counted.sort(java.util.Comparator.comparingDouble(e -> -e.getValue()[1]));
            return counted;
        }

        interface After {
            Object apply(Method method, Object result, Object[] args, long nanos);
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, T target, After after) {
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
                        && wanted.isInstance(self)) {
                    return self;
                }
                try {
                    long t0 = System.nanoTime();
                    Object result = method.invoke(target, args);
                    return after.apply(method, result, args, System.nanoTime() - t0);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        }
    }

    static final class OuterCommandCounter extends CommandInterceptor {

        private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

        @Override
        public <T> T execute(Command<T> command) {
            int[] depth = DEPTH.get();
            if (depth[0]++ == 0) {
                Counting.COMMANDS.incrementAndGet();
            }
            try {
                return next.execute(command);
            } finally {
                depth[0]--;
            }
        }
    }
}
