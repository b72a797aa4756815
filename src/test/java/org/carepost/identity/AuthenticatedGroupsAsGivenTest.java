package org.carepost.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization checks get the user's groups as the login gave them ({@link AuthenticatedGroupsAsGiven}):
 * the engine no longer reads every group that holds an authorization before each command, and every user sees and
 * may do exactly what the engine's own narrowing allowed, a group without authorizations included.
 */
class AuthenticatedGroupsAsGivenTest {

    private final List<ProcessEngine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(ProcessEngine::close);
    }

    @Test
    void noGroupListIsReadBeforeAQueryOrACheck() {
        AtomicInteger stockReads = new AtomicInteger();
        AtomicInteger ourReads = new AtomicInteger();
        ProcessEngine stock = engine("stock", null, stockReads);
        ProcessEngine ours = engine("ours", new AuthenticatedGroupsAsGiven(), ourReads);
        for (ProcessEngine engine : List.of(stock, ours)) {
            String task = candidateTask(engine, "privacy");
            asUser(engine, "pat", List.of("privacy", "no-grants"), () -> {
                engine.getTaskService().createTaskQuery().list();
                engine.getTaskService().claim(task, "pat");
            });
        }
        assertThat(stockReads).as("the engine's own narrowing reads the group list").hasPositiveValue();
        assertThat(ourReads).hasValue(0);
    }

    @Test
    void everyUserSeesAndMayDoWhatTheEngineOwnNarrowingAllowed() {
        ProcessEngine stock = engine("stock-answers", null, new AtomicInteger());
        ProcessEngine ours = engine("our-answers", new AuthenticatedGroupsAsGiven(), new AtomicInteger());
        List<List<String>> users = List.of(
                List.of("pat", "privacy"),
                List.of("pat", "privacy", "no-grants"),
                List.of("nora", "no-grants"),
                List.of("nora"),
                List.of("lee", "legal", "privacy"));
        for (ProcessEngine engine : List.of(stock, ours)) {
            candidateTask(engine, "privacy");
            candidateTask(engine, "privacy");
            candidateTask(engine, "legal");
        }
        for (List<String> user : users) {
            assertThat(visible(ours, user)).as(user.toString()).isEqualTo(visible(stock, user));
        }
        assertThat(visible(ours, List.of("pat", "privacy", "no-grants"))).isEqualTo(List.of("privacy", "privacy"));
        assertThat(visible(ours, List.of("nora", "no-grants"))).isEmpty();

        // A group without authorizations grants nothing: claiming another group's task is refused.
        String legal = candidateTask(ours, "legal");
        assertThatThrownBy(() -> asUser(ours, "nora", List.of("no-grants", "privacy"),
                () -> ours.getTaskService().claim(legal, "nora"))).isInstanceOf(AuthorizationException.class);
    }

    /** The candidate group of each task the user sees, in name order. */
    private static List<String> visible(ProcessEngine engine, List<String> user) {
        List<String> groups = new ArrayList<>();
        asUser(engine, user.get(0), user.subList(1, user.size()), () -> {
            TaskService tasks = engine.getTaskService();
            for (Task task : tasks.createTaskQuery().orderByTaskName().asc().list()) {
                groups.add(task.getName());
            }
            assertThat(tasks.createTaskQuery().count()).isEqualTo(groups.size());
        });
        return groups.stream().sorted().toList();
    }

    private static void asUser(ProcessEngine engine, String user, List<String> groups, Runnable work) {
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            work.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** A task named after its candidate group, which Camunda grants READ and TASK_WORK on it; the group's own grant. */
    private static String candidateTask(ProcessEngine engine, String group) {
        TaskService tasks = engine.getTaskService();
        Task task = tasks.newTask();
        task.setName(group);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), group);
        return task.getId();
    }

    private ProcessEngine engine(String name, ProcessEnginePlugin plugin, AtomicInteger groupListReads) {
        var configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration();
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9-]+");
        if (plugin != null) {
            configuration.setProcessEnginePlugins(List.of(plugin));
        }
        ProcessEngine engine = configuration.setProcessEngineName("groups-as-given-" + name)
                .setJdbcUrl("jdbc:h2:mem:groups-as-given-" + name + ";DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        engines.add(engine);
        configuration.getDbSqlSessionFactory().getSqlSessionFactory().getConfiguration()
                .addInterceptor(new GroupListReads(groupListReads));
        // Another group's grant on a resource nobody asks about: the stock narrowing finds "legal" and "privacy".
        Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("privacy");
        grant.setResource(Resources.FILTER);
        grant.setResourceId("*");
        grant.addPermission(Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(grant);
        configuration.setAuthorizationEnabled(true);
        return engine;
    }

    /** Counts the engine's reads of every group holding an authorization (statement selectAuthorizedGroupIds). */
    @Intercepts(@Signature(type = Executor.class, method = "query",
            args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
    static final class GroupListReads implements Interceptor {

        private final AtomicInteger reads;

        GroupListReads(AtomicInteger reads) {
            this.reads = reads;
        }

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            if (((MappedStatement) invocation.getArgs()[0]).getId().endsWith("selectAuthorizedGroupIds")) {
                reads.incrementAndGet();
            }
            return invocation.proceed();
        }

        @Override
        public Object plugin(Object target) {
            return Plugin.wrap(target, this);
        }

        @Override
        public void setProperties(Properties properties) {
        }
    }
}
