package org.carepost.process.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys the models and forms: those packaged in the jar, overridden by same-named files in the compliance
 * lead's folder ({@code carepost.processes-dir}). Only changed resources become new versions; running
 * instances keep the version they started with.
 */
public class ProcessDeployer {

    public static final String DEPLOYMENT_NAME = "carepost";

    private final RepositoryService repository;

    public ProcessDeployer(RepositoryService repository) {
        this.repository = repository;
    }

    public Deployment deploy(String processesDir) {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String pattern : new String[] {"classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn",
                    "classpath*:forms/**/*.form"}) {
                for (Resource resource : resolver.getResources(pattern)) {
                    String folder = pattern.contains("forms/") ? "forms/" : "processes/";
                    try (InputStream in = resource.getInputStream()) {
                        resources.put(folder + resource.getFilename(), in.readAllBytes());
                    }
                }
            }
            if (processesDir != null && !processesDir.isBlank()) {
                Path dir = Path.of(processesDir);
                if (!Files.isDirectory(dir)) {
                    throw new IllegalStateException("carepost.processes-dir " + dir.toAbsolutePath() + " is not a folder");
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String name = file.getFileName().toString();
                        if (name.endsWith(".form")) {
                            resources.put("forms/" + name, Files.readAllBytes(file));
                        } else if (name.endsWith(".bpmn") || name.endsWith(".dmn")) {
                            resources.put("processes/" + name, Files.readAllBytes(file));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the process models", e);
        }
        var builder = repository.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(true);
        resources.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
        // Ours, not a proposal: the models of the release (or of the compliance lead's folder) are in force at once.
        return TrustedDeployment.run(builder::deploy);
    }
}
