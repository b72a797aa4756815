package org.carepost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

/**
 * The top-level packages under org.carepost are modules: a module may use only another module's
 * top-level package (or an interface it names), never its internals, and no cycles. The component
 * diagram in docs/architecture/modules.puml (and its rendering, modules.svg) is generated from the same
 * model and compared here, so the documentation cannot drift from the code.
 */
class ModularityTests {

    static final Path DIAGRAM = Path.of("docs", "architecture", "modules.puml");
    static final Path RENDERING = Path.of("docs", "architecture", "modules.svg");

    /** -Dcarepost.architecture.update=true rewrites the committed diagram instead of comparing. */
    static final boolean UPDATE = Boolean.getBoolean("carepost.architecture.update");

    static final ApplicationModules MODULES = ApplicationModules.of(CarePostApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** Other modules go through a module's services; Modulith alone would let them use a public repository. */
    @Test
    void repositoriesArePrivateToTheirModule() {
        ArchRuleDefinition.classes().that().areAssignableTo(Repository.class).and().areInterfaces()
                .should().notBePublic()
                .check(new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                        .importPackages("org.carepost"));
    }

    @Test
    void committedDiagramMatchesTheCode() throws IOException {
        Path out = Files.createTempDirectory("carepost-modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml(DiagramOptions.defaults());
        String generated = canonical(Files.readString(out.resolve("components.puml"), StandardCharsets.UTF_8));
        if (UPDATE) {
            Files.createDirectories(DIAGRAM.getParent());
            Files.writeString(DIAGRAM, generated, StandardCharsets.UTF_8);
            Files.writeString(RENDERING, render(generated), StandardCharsets.UTF_8);
        }
        String refresh = "run mvn test -Dtest=ModularityTests -Dcarepost.architecture.update=true";
        assertThat(DIAGRAM).as("%s is missing: %s", DIAGRAM, refresh).exists();
        // The Documenter's line order is not stable between runs; the content is.
        assertThat(sortedLines(Files.readString(DIAGRAM, StandardCharsets.UTF_8)))
                .as("%s is stale: %s", DIAGRAM, refresh).isEqualTo(sortedLines(generated));
        assertThat(RENDERING).as("%s is missing: %s", RENDERING, refresh).exists();
        assertThat(Files.readString(RENDERING, StandardCharsets.UTF_8))
                .as("%s was rendered from another diagram: %s", RENDERING, refresh).contains(sourceMark(generated));
    }

    /** Runs of components and of relations sorted, so a refresh of an unchanged diagram does not churn it in git. */
    static String canonical(String puml) {
        List<String> lines = new ArrayList<>(puml.lines().map(String::stripTrailing).toList());
        int i = 0;
        while (i < lines.size()) {
            String kind = kind(lines.get(i));
            int j = i;
            while (kind != null && j < lines.size() && kind.equals(kind(lines.get(j)))) {
                j++;
            }
            if (j > i + 1) {
                Collections.sort(lines.subList(i, j));
            }
            i = Math.max(j, i + 1);
        }
        return String.join("\n", lines) + "\n";
    }

    private static String kind(String line) {
        return line.startsWith("  Component(") ? "component" : line.startsWith("Rel(") ? "relation" : null;
    }

    /**
     * SVG laid out by PlantUML's own Smetana engine, so no Graphviz is needed; it ends with a mark of the diagram it
     * was rendered from, which the test checks.
     */
    static String render(String puml) throws IOException {
        String smetana = puml.replaceFirst("@startuml\n", "@startuml\n!pragma layout smetana\n");
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        new SourceStringReader(smetana).outputImage(svg, new FileFormatOption(FileFormat.SVG));
        return svg.toString(StandardCharsets.UTF_8).stripTrailing() + "\n" + sourceMark(puml) + "\n";
    }

    static String sourceMark(String puml) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", sortedLines(puml)).getBytes(StandardCharsets.UTF_8));
            return "<!-- rendered from modules.puml, sorted lines sha256 " + HexFormat.of().formatHex(digest) + " -->";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> sortedLines(String text) {
        return text.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).sorted().toList();
    }
}
