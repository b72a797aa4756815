package org.carepost.process.engine;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Our additions to Camunda's own tables (indexes, planner statistics) as Flyway migrations with a history of their
 * own ({@value #HISTORY_TABLE}, scripts in {@code db/engine/common} and {@code db/engine/{vendor}}). They cannot
 * be among our table migrations: Spring runs those before the engine creates its schema on an empty database.
 * Nodes starting together are serialised by Flyway's own lock.
 */
public final class EngineTableMigrations {

    static final String HISTORY_TABLE = "carepost_engine_schema_history";

    private EngineTableMigrations() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations("classpath:db/engine/common", "classpath:db/engine/" + vendor(dataSource))
                // The schema already holds Camunda's and our tables; this history starts empty beside them.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /** The same vendor name Spring Boot puts in our own migrations' {@code {vendor}}: postgresql, h2. */
    private static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseDriver.fromProductName(connection.getMetaData().getDatabaseProductName()).getId();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the engine runs on", e);
        }
    }
}
