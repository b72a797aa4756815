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
        assertThat(applied).containsExactly("1", "2");
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

    @Test
    void applicationConnectionsPlanWithoutMaterializeAndJit() {
        assertThat(jdbc.queryForObject("show enable_material", String.class)).isEqualTo("off");
        assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
    }
}
