package org.carepost.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2DataDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void theH2DirectoryIsClosedToOtherUsersBeforeAndAfterH2WritesIt() throws Exception {
        Path data = tmp.resolve("data");
        String url = "jdbc:h2:file:" + data.resolve("carepost") + ";DB_CLOSE_ON_EXIT=FALSE";

        H2DataDirectory.close(url);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");

        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("create table t (x int)");
        }
        Path database = data.resolve("carepost.mv.db");
        assertThat(database).exists();
        // An existing installation (H2 wrote with the usual umask): tightened at the next start.
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        H2DataDirectory.close(url);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database))).isEqualTo("rw-------");
    }

    @Test
    void springBootRunsItWhenTheEnvironmentIsReady() throws Exception {
        Path data = tmp.resolve("boot-data");
        var application = new org.springframework.boot.SpringApplication(Empty.class);
        application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        try (var context = application.run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("carepost"),
                "--spring.main.banner-mode=off")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        }
    }

    @org.springframework.context.annotation.Configuration
    static class Empty {
    }
}
