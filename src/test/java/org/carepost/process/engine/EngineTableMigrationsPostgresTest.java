package org.carepost.process.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.carepost.PostgresApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Our indexes and planner statistics on Camunda's tables, and the connection settings Tasklist's queries need. */
@PostgresApplicationTest
class EngineTableMigrationsPostgresTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void engineTableMigrationsRanAfterTheEngineCreatedItsSchema() {
        List<String> applied = jdbc.queryForList("select version from " + EngineTableMigrations.HISTORY_TABLE
                + " where success and version <> '0' order by installed_rank", String.class);
        assertThat(applied).containsExactly("1", "2", "3");
        assertThat(jdbc.queryForList("select indexname from pg_indexes where indexname like 'carepost_idx_%'"
                + " order by 1", String.class))
                .containsExactly("carepost_idx_identlink_group_task", "carepost_idx_task_due_create");
    }

    @Test
    void plannerEstimatesTheAuthorizationPermissionFilterFromStatistics() throws Exception {
        // Without statistics on "PERMS_ & 2" PostgreSQL guesses 0.5% of the rows whatever the data holds.
        jdbc.execute("analyze act_ru_authorization");
        long rows = jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class);
        long matching = jdbc.queryForObject("select count(*) from act_ru_authorization where perms_ & 2 = 2", Long.class);
        assertThat(matching).as("READ grants in the test database").isGreaterThan(20);
        String plan = jdbc.queryForObject(
                "explain (format json) select * from act_ru_authorization where perms_ & 2 = 2", String.class);
        double estimated = new ObjectMapper().readTree(plan).get(0).get("Plan").get("Plan Rows").asDouble();
        assertThat(estimated).as("estimate for %d of %d rows", matching, rows)
                .isBetween(matching * 0.7, matching * 1.3);
    }

    /**
     * V3 gives READ_VARIABLE (64) to the candidates' and assignees' grants of tasks created before
     * enforceSpecificVariablePermission: READ (2) on one task. Not to grants on "*", not to other resources, not to
     * revocations, and a grant that has it keeps its other permissions.
     */
    @Test
    void taskGrantsFromBeforeTheVariableFlagGetReadVariable() throws Exception {
        String script = new String(new org.springframework.core.io.ClassPathResource(
                "db/engine/common/V3__task_grants_read_variable.sql").getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String insert = "insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_,"
                + " perms_) values (?, 1, ?, ?, ?, ?, ?)";
        int work = 2 | 16384 | 32; // READ + TASK_WORK + UPDATE_VARIABLE, as RoleGuardEnginePlugin's tasks had them
        Object[][] rows = {
                {"v3-old-task", 1, "v3-privacy", 7, "v3-task-1", work},
                {"v3-new-task", 1, "v3-legal", 7, "v3-task-1", work | 64},
                {"v3-all-tasks", 1, "v3-auditors", 7, "*", 2},
                {"v3-instance", 1, "v3-auditors", 8, "v3-pi", 2},
                {"v3-revoke", 2, "v3-brand", 7, "v3-task-1", -3},
                {"v3-no-read", 1, "v3-medical", 7, "v3-task-1", 16384}};
        try {
            for (Object[] row : rows) {
                jdbc.update(insert, row);
            }
            jdbc.execute(script.replaceAll("(?m)^--.*$", ""));
            for (Object[] row : rows) {
                int expected = row[0].equals("v3-old-task") ? work | 64 : (int) row[5];
                assertThat(jdbc.queryForObject("select perms_ from act_ru_authorization where id_ = ?", Integer.class,
                        row[0])).as((String) row[0]).isEqualTo(expected);
            }
        } finally {
            jdbc.update("delete from act_ru_authorization where id_ like 'v3-%'");
        }
    }

    @Test
    void applicationConnectionsPlanWithoutMaterializeAndJit() {
        assertThat(jdbc.queryForObject("show enable_material", String.class)).isEqualTo("off");
        assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
    }
}
