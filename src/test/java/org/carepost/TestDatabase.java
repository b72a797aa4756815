package org.carepost;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Creates the PostgreSQL test database if it is missing, so a newcomer's first test run needs nothing but a running
 * PostgreSQL on 127.0.0.1:5432.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = plainName(context.getEnvironment().getProperty("CAREPOST_TEST_DB", "carepost_test"));
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL must run on 127.0.0.1:5432 (user postgres) for these tests", e);
        }
    }

    /** A connection to the server's maintenance database, from which databases are created and dropped. */
    public static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
    }

    /** An empty database of this name (tests and benchmarks that need their own); open sessions on it are ended. */
    public static void recreate(String name) throws SQLException {
        drop(name);
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + plainName(name));
        }
    }

    public static void drop(String name) throws SQLException {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                    + plainName(name) + "'");
            statement.execute("drop database if exists " + name);
        }
    }

    private static String plainName(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("a plain lower-case database name is expected, not '" + name + "'");
        }
        return name;
    }
}
