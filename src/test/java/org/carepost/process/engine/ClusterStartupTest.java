package org.carepost.process.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.carepost.TestDatabase;
import org.carepost.config.CarePostProperties;
import org.carepost.identity.IdentitySetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two engines on one PostgreSQL database (two cluster nodes) run CarePost's start-up setup at the same moment:
 * groups, grants, demo users, Tasklist filters and the deployment exist once, and neither start fails. PostgreSQL
 * and not H2: Camunda takes its deployment lock only on real databases (on H2 it skips it).
 */
class ClusterStartupTest {

    // Its own database next to the test database (CAREPOST_TEST_DB), recreated for each run.
    final String database = System.getenv().getOrDefault("CAREPOST_TEST_DB", "carepost_test") + "_startup";
    ProcessEngine a;
    ProcessEngine b;

    @BeforeEach
    void createDatabase() throws SQLException {
        assertThat(database).matches("[a-z_][a-z0-9_]*");
        TestDatabase.recreate(database);
    }

    @AfterEach
    void close() throws SQLException {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        TestDatabase.drop(database);
    }

    @Test
    void twoNodesStartingAtOnceCreateEverythingOnce() throws Exception {
        a = engine("cluster-node-a"); // creates the schema: on an empty database one node starts first
        b = engine("cluster-node-b");
        CarePostProperties properties = new CarePostProperties("", List.of(), true);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> starts = List.of(a, b).stream().map(engine -> nodes.submit(() -> {
                together.await();
                CarePostEnginePlugin.setUp(engine, properties);
                return null;
            })).toList();
            for (Future<Object> start : starts) {
                start.get(120, TimeUnit.SECONDS); // a failed start throws here
            }
        } finally {
            nodes.shutdownNow();
        }

        assertThat(a.getRepositoryService().createDeploymentQuery().count()).isEqualTo(1);
        assertThat(a.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("content-approval")
                .count()).isEqualTo(1);
        assertThat(a.getIdentityService().createGroupQuery().count()).isEqualTo(IdentitySetup.GROUPS.size());
        assertThat(a.getIdentityService().createUserQuery().count()).isEqualTo(IdentitySetup.DEMO_USERS.size());
        long filters = a.getFilterService().createFilterQuery().count();
        long distinctNames = a.getFilterService().createFilterQuery().list().stream().map(f -> f.getName()).distinct().count();
        assertThat(filters).as("each Tasklist filter once").isEqualTo(distinctNames).isPositive();
        long grants = a.getAuthorizationService().createAuthorizationQuery().count();
        long distinctGrants = a.getAuthorizationService().createAuthorizationQuery().list().stream()
                .map(g -> g.getAuthorizationType() + "/" + g.getGroupId() + "/" + g.getUserId() + "/"
                        + g.getResourceType() + "/" + g.getResourceId())
                .distinct().count();
        assertThat(grants).as("each grant once").isEqualTo(distinctGrants);
    }

    private ProcessEngine engine(String name) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName(name)
                .setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/" + database)
                .setJdbcDriver("org.postgresql.Driver")
                .setJdbcUsername("postgres")
                .setJdbcPassword("")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        // Our group ids have hyphens (as in application.yml).
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9-]+");
        // As the Spring Boot starter does (camunda.bpm.id-generator: strong): no shared id block to compete for.
        configuration.setIdGenerator(new StrongUuidGenerator());
        return configuration.buildProcessEngine();
    }
}
