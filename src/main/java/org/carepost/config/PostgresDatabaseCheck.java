package org.carepost.config;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.net.URI;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Before anything uses the PostgreSQL database: if it does not exist, it is created when the configured user may
 * create databases; otherwise start-up stops with one sentence naming the database and how to create it
 * ({@link DatabaseSetupFailureAnalyzer}), instead of {@code FATAL: database "carepost" does not exist} inside a
 * stack trace. An unreachable server is reported the same way.
 */
@Component
class PostgresDatabaseCheck implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(PostgresDatabaseCheck.class);
    /** PostgreSQL's SQLSTATE invalid_catalog_name: the database in the URL does not exist. */
    static final String NO_SUCH_DATABASE = "3D000";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            ensureDatabase(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return bean;
    }

    static void ensureDatabase(String url, String user, String password) {
        URI parsed = URI.create(url.substring("jdbc:".length()));
        if (parsed.getHost() == null || parsed.getPath() == null || parsed.getPath().length() < 2) {
            return; // not a URL with host and database: let the pool report it
        }
        String host = parsed.getHost();
        int port = parsed.getPort() < 0 ? 5432 : parsed.getPort();
        String database = parsed.getPath().substring(1);
        String server = host + ":" + port;
        try (Connection ignored = DriverManager.getConnection(url, credentials(user, password))) {
            return;
        } catch (SQLException e) {
            if (!NO_SUCH_DATABASE.equals(e.getSQLState())) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                    throw new DatabaseSetupException("PostgreSQL is not reachable at " + server
                            + ": start it, or point CAREPOST_DB_HOST / CAREPOST_DB_PORT at it.");
                }
                return; // wrong password and the like: the pool's own message says it plainly
            }
        }
        String maintenance = url.replaceFirst("(jdbc:postgresql://[^/]*/)[^?]*", "$1postgres");
        try (Connection admin = DriverManager.getConnection(maintenance, credentials(user, password));
             Statement statement = admin.createStatement()) {
            boolean mayCreate;
            try (ResultSet role = statement.executeQuery(
                    "select rolcreatedb or rolsuper from pg_roles where rolname = current_user")) {
                mayCreate = role.next() && role.getBoolean(1);
            }
            if (mayCreate && database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                statement.execute("create database \"" + database + "\"");
                log.info("Created the PostgreSQL database {} on {}", database, server);
                return;
            }
        } catch (SQLException e) {
            // fall through to the plain sentence below
        }
        throw new DatabaseSetupException("PostgreSQL database \"" + database + "\" does not exist on " + server
                + " and user \"" + user + "\" may not create it: run  createdb -h " + host
                + " -p " + port + " -U postgres -O " + user + " " + database
                + "  (or set CAREPOST_DB_NAME to an existing database)");
    }

    private static Properties credentials(String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }
}
