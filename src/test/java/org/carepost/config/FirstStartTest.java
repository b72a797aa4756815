package org.carepost.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.carepost.CarePostApplication;
import org.carepost.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer sees on the first start: CarePost in a child JVM, as {@code java -jar} or {@code spring-boot:run}
 * starts it, with its own logging configuration.
 */
class FirstStartTest {

    private static final String NO_CREATE_ROLE = "carepost_nocreate";

    @Test
    void embeddedDefaultEndsWithWhereToGoAndWhoMayLogIn(@TempDir Path dir) throws Exception {
        Process app = start(Map.of(), "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dir + "/carepost;DB_CLOSE_ON_EXIT=FALSE");
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = reader(app)) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (line.startsWith("=====") && !line.contains("CarePost is ready")) {
                    break; // the block's closing line
                }
            }
        } finally {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String log = String.join("\n", lines);
        assertThat(log).contains("CarePost is ready")
                .containsPattern("Tasklist +http://localhost:\\d+/camunda/app/tasklist/")
                .containsPattern("Cockpit +http://localhost:\\d+/camunda/app/cockpit/")
                .containsPattern("Admin +http://localhost:\\d+/camunda/app/admin/")
                .containsPattern("Audit +http://localhost:\\d+/audit")
                .containsPattern("API docs +http://localhost:\\d+/swagger-ui.html")
                .contains("Profile    default (embedded) | database H2 file " + dir + "/carepost")
                .contains("Demo users (password = user id):")
                .containsPattern("alice +Alice Moreau \\(author, cardiology\\)")
                .containsPattern("audrey +Audrey Blake \\(auditor\\)");
        // A fresh database runs every migration: no result tables of Flyway's placeholder scripts, no routine WARN.
        assertThat(lines).noneMatch(l -> l.startsWith("+---") || l.startsWith("| 1 |"));
        assertThat(lines).noneMatch(l -> l.contains(" WARN ") || l.startsWith("SLF4J(W)"));
    }

    @Test
    void missingPostgresDatabaseIsOneSentenceNotAStackTrace() throws Exception {
        String database = "carepost_first_start_missing";
        TestDatabase.drop(database);
        try (Connection admin = TestDatabase.admin(); Statement statement = admin.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "select 1 from pg_roles where rolname = '" + NO_CREATE_ROLE + "'")) {
                if (!exists.next()) {
                    statement.execute("create role " + NO_CREATE_ROLE + " login nocreatedb nosuperuser");
                }
            }
        }
        Process app = start(Map.of("CAREPOST_DB_NAME", database, "CAREPOST_DB_USER", NO_CREATE_ROLE),
                "--spring.profiles.active=postgres", "--server.port=0");
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = reader(app)) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = String.join("\n", lines);
        assertThat(app.exitValue()).as(log).isNotZero();
        assertThat(log).contains("PostgreSQL database \"" + database + "\" does not exist on 127.0.0.1:5432 and user \""
                + NO_CREATE_ROLE + "\" may not create it: run  createdb -h 127.0.0.1 -p 5432 -U postgres -O "
                + NO_CREATE_ROLE + " " + database);
        assertThat(lines).as(log).noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by:") || l.contains(" WARN "));
    }

    @Test
    void missingDatabaseIsCreatedWhenTheUserMay() throws Exception {
        String database = "carepost_first_start_created";
        TestDatabase.drop(database);
        try {
            PostgresDatabaseCheck.ensureDatabase("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
            try (Connection admin = TestDatabase.admin(); Statement statement = admin.createStatement();
                 ResultSet exists = statement.executeQuery(
                         "select 1 from pg_database where datname = '" + database + "'")) {
                assertThat(exists.next()).isTrue();
            }
        } finally {
            TestDatabase.drop(database);
        }
    }

    @Test
    void unreachableServerIsOneSentence() {
        // Port 1 on loopback: nothing listens there.
        assertThatThrownBy(() -> PostgresDatabaseCheck.ensureDatabase("jdbc:postgresql://127.0.0.1:1/carepost",
                "postgres", "")).isInstanceOf(DatabaseSetupException.class)
                .hasMessage("PostgreSQL is not reachable at 127.0.0.1:1: start it, or point CAREPOST_DB_HOST / "
                        + "CAREPOST_DB_PORT at it.");
    }

    private static Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), CarePostApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        // The child must not pick up the test database settings of the parent's environment.
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        return builder.start();
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
