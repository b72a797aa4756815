package org.carepost.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The embedded default keeps every draft, finding and authorization in an H2 file (./data): only CarePost's
 * operating-system user may read it. Before the database is opened, its directory is created 0700 (H2 would create
 * it world-readable) and what is already in it is made 0600 (files) / 0700 (directories). Files H2 creates later
 * sit in the closed directory. Nothing happens for other databases or file systems without POSIX permissions.
 */
public class H2DataDirectory implements EnvironmentPostProcessor {

    private static final String PREFIX = "jdbc:h2:file:";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && url.startsWith(PREFIX)) {
            close(url);
        }
    }

    /** For a {@code jdbc:h2:file:} URL: its directory 0700, what is in it 0600 / 0700. */
    static void close(String url) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        String file = url.substring(PREFIX.length()).split(";", 2)[0];
        Path directory = Path.of(file.replaceFirst("^~", System.getProperty("user.home"))).toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> inside = Files.walk(directory)) {
                for (Path path : inside.filter(p -> !p.equals(directory)).toList()) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                            Files.isDirectory(path) ? "rwx------" : "rw-------"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restrict the H2 data directory " + directory, e);
        }
    }
}
