package org.carepost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

/**
 * The top-level packages under org.carepost are modules: a module may use only another module's
 * top-level package (or an interface it names), never its internals, and no cycles. The component
 * diagram in docs/architecture/modules.puml is generated from the same model and compared here, so
 * the documentation cannot drift from the code.
 */
class ModularityTests {

    static final Path DIAGRAM = Path.of("docs", "architecture", "modules.puml");

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
        String generated = Files.readString(out.resolve("components.puml"), StandardCharsets.UTF_8);
        // Rewritten only when the content changed, so a refresh does not churn the file's line order in git.
        if (UPDATE && !(Files.exists(DIAGRAM)
                && sortedLines(Files.readString(DIAGRAM, StandardCharsets.UTF_8)).equals(sortedLines(generated)))) {
            Files.createDirectories(DIAGRAM.getParent());
            Files.writeString(DIAGRAM, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DIAGRAM))
                .as("%s is missing: run mvn test -Dtest=ModularityTests -Dcarepost.architecture.update=true", DIAGRAM)
                .isTrue();
        // The Documenter's line order is not stable between runs; the content is.
        assertThat(sortedLines(Files.readString(DIAGRAM, StandardCharsets.UTF_8)))
                .as("%s is stale: run mvn test -Dtest=ModularityTests -Dcarepost.architecture.update=true", DIAGRAM)
                .isEqualTo(sortedLines(generated));
    }

    static List<String> sortedLines(String text) {
        return text.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).sorted().toList();
    }
}
