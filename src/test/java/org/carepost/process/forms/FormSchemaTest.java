package org.carepost.process.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** What a form lets a user submit, read from the deployed .form files themselves. */
class FormSchemaTest {

    static FormSchema form(String name) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("forms", name + ".form"))) {
            return FormSchema.parse(in);
        }
    }

    @Test
    void onlyEditableFieldsWithTheirTypesChoicesAndLimitsAreAccepted() throws Exception {
        FormSchema review = form("review-decision");
        assertThat(review.editableFields()).extracting(FormSchema.Field::key).containsExactly("decision", "comment");
        assertThat(review.readOnlyFields()).contains("draftView", "versionHash");

        assertThat(review.problems(Map.of("decision", "approve", "comment", "${7*7} #set($x=1)$x"))).isEmpty();
        // The choice itself is the listener's to check (it reports every problem at once); the type is checked here.
        assertThat(review.problems(Map.of("decision", "${7*7}"))).isEmpty();
        assertThat(review.problems(Map.of("decision", 5))).containsExactly("decision must be text: one of approve, changes, reject");
        assertThat(review.problems(Map.of("comment", "x".repeat(4001)))).containsExactly("comment must be at most 4000 characters");
        assertThat(review.problems(Map.of("comment", "a\u0000b"))).hasSize(1);
        assertThat(review.problems(Map.of("comment", Variables.stringValue("\ud800")))).hasSize(1);
        assertThat(review.problems(Map.of("versionHash", "0000"))).containsExactly("'versionHash' is read-only in this form");
        // The draft's view is read-only in a review: a reviewer cannot change what the next one sees.
        assertThat(review.problems(Map.of("draftView", Map.of("text", "other")))).containsExactly(
                "'draftView' is read-only in this form");
        assertThat(review.problems(Map.of("privacyReviewRequired", "yes"))).containsExactly("'privacyReviewRequired' is not a field of this form");
        // A name that is not a plain identifier is not echoed: it could be anything the user typed.
        assertThat(review.problems(Map.of("Jordan Example, DOB 1/2/1960", "x"))).containsExactly("a variable is not a field of this form");
    }

    @Test
    void booleansNumbersAndChecklistsMustHaveTheirTypes() throws Exception {
        FormSchema privacy = form("privacy-review");
        assertThat(privacy.problems(Map.of("photoNoFaces", true))).isEmpty();
        assertThat(privacy.problems(Map.of("photoNoFaces", "true"))).containsExactly("photoNoFaces must be true or false");

        FormSchema draft = form("new-draft");
        assertThat(draft.problems(Map.of("platforms", List.of("x", "facebook")))).isEmpty();
        // As Tasklist submits a checklist: JSON, read as data.
        assertThat(draft.problems(Map.of("platforms", Variables.serializedObjectValue("[\"x\"]")
                .serializationDataFormat("application/json").create()))).isEmpty();
        assertThat(draft.problems(Map.of("platforms", Variables.serializedObjectValue("[5]")
                .serializationDataFormat("application/json").create()))).hasSize(1);
        assertThat(draft.problems(Map.of("platforms", Variables.serializedObjectValue("{\"x\":1}")
                .serializationDataFormat("application/json").create()))).hasSize(1);
        assertThat(draft.problems(Map.of("platforms", "x"))).hasSize(1);
        // A Java-serialized object is never deserialized.
        assertThat(draft.problems(Map.of("title", Variables.serializedObjectValue("rO0ABXQAAXg=")
                .serializationDataFormat("application/x-java-serialized-object").objectTypeName("java.lang.String").create())))
                .containsExactly("title must be a plain value, not a serialized object");
    }

    @Test
    void theResolvePhiFormSubmitsADecisionPerSlotAndNothingOfTheView() throws Exception {
        FormSchema resolve = form("resolve-phi");
        assertThat(resolve.editableFields()).extracting(FormSchema.Field::key)
                .contains("phiFinding1", "phiDecision1", "phiReason1", "phiFinding20", "phiDecision20", "phiReason20")
                .hasSize(60);
        assertThat(resolve.problems(Map.of("phiFinding1", "12", "phiDecision1", "not-phi", "phiReason1",
                "the hospital's main line"))).isEmpty();
        assertThat(resolve.problems(Map.of("phiReason1", "x".repeat(201)))).containsExactly(
                "phiReason1 must be at most 200 characters");
        // The text and the findings' context are shown from draftView, which the form cannot send back.
        assertThat(resolve.problems(Map.of("draftView", Map.of("text", "Rosalind")))).containsExactly(
                "'draftView' is read-only in this form");
    }
}
