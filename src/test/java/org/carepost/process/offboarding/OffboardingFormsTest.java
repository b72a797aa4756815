package org.carepost.process.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.carepost.process.forms.FormSchema;
import org.junit.jupiter.api.Test;

/** What the offboarding forms let a user submit (the engine refuses anything else before a listener runs). */
class OffboardingFormsTest {

    private static FormSchema form(String name) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("forms", name + ".form"))) {
            return FormSchema.parse(in);
        }
    }

    @Test
    void theStartFormTakesTheLeaverTheDateAndAColleagueOnly() throws Exception {
        FormSchema start = form("offboard-user");
        assertThat(start.problems(Map.of("userId", "alice", "leavingDate", "2026-12-31", "colleague", "carl"))).isEmpty();
        // The steps' own variables cannot be set by whoever starts it.
        assertThat(start.problems(Map.of("lockNow", true))).containsExactly("'lockNow' is not a field of this form");
        assertThat(start.problems(Map.of("userId", "x".repeat(65)))).containsExactly("userId must be at most 64 characters");
    }

    @Test
    void theChecklistTakesTicksNotTheLeaverOrTheAccountList() throws Exception {
        FormSchema checklist = form("rotate-credentials");
        assertThat(checklist.problems(Map.of("rotated", List.of("facebook/default", "linkedin/default")))).isEmpty();
        assertThat(checklist.problems(Map.of("userId", "somebody-else"))).containsExactly("'userId' is read-only in this form");
        assertThat(checklist.problems(Map.of("accountOptions", "[]"))).containsExactly(
                "'accountOptions' is not a field of this form");
        assertThat(checklist.problems(Map.of("rotated", 3))).hasSize(1);
    }
}
