package org.carepost.process.forms;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.carepost.content.FieldProblem;
import org.carepost.content.InvalidContentException;

/**
 * A form submission refused with a sentence its user understands, starting with the field's label as the form shows
 * it ("Publish at: ..."). Never the submitted value. Thrown by our listeners; {@link RefusalPassThrough} hands it to
 * the REST layers unwrapped, so Tasklist shows this sentence (400), not an engine code or a 500.
 */
public class FormRefusal extends BadUserRequestException {

    /** The start form's labels for the fields of a new draft. */
    private static final Map<String, String> DRAFT_LABELS = Map.of("title", "Title", "kind", "Kind",
            "department", "Department", "text", "Text", "platforms", "Publish on", "publishAt", "Publish at",
            "coDepartments", "Other departments", "consentId", "Patient authorization");

    public FormRefusal(String message) {
        super(message);
    }

    /** Every problem of a refused draft as "Label: what is wrong." sentences. */
    public static FormRefusal of(InvalidContentException e) {
        return new FormRefusal(e.problems().stream().map(p -> sentence(DRAFT_LABELS.getOrDefault(p.field(), p.field()), p))
                .collect(Collectors.joining(" ")));
    }

    /** The problems of one field whose label the caller knows (the Revise form's "Revised text"). */
    public static FormRefusal of(String label, InvalidContentException e) {
        return new FormRefusal(e.problems().stream().map(p -> sentence(label, p)).collect(Collectors.joining(" ")));
    }

    private static String sentence(String label, FieldProblem problem) {
        String message = problem.message();
        if ("publishAt".equals(problem.field()) && message.startsWith("must be an ISO")) {
            message = "choose a date and time with the calendar (for example 1 Feb 2030, 09:00)";
        }
        return label + ": " + message + (message.endsWith(".") ? "" : ".");
    }
}
