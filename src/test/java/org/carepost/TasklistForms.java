package org.carepost;

import com.fasterxml.jackson.databind.JsonNode;

/** Tasklist's forms as a test sees them over the REST APIs: what a form shows, what it submits. */
public final class TasklistForms {

    private TasklistForms() {
    }

    /** The forms' view of the draft among a task's form variables (read with deserializeValues=false, as Tasklist does). */
    public static JsonNode draftView(JsonNode formVariables) {
        JsonNode value = formVariables.get("draftView").get("value");
        try {
            return value.isTextual() ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(value.asText()) : value;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * What Tasklist submits from the Resolve PHI form: the same decision (redact, covered, not-phi) for every open
     * finding of the draft, in the form's slots, as privacy user pat sees them.
     */
    public static String everyOpenFinding(ApiClient api, String contentId, String decision) {
        StringBuilder variables = new StringBuilder("{\"variables\":{");
        int slot = 0;
        for (JsonNode finding : api.get("/api/content/" + contentId + "/findings", "pat").json()) {
            if (!"OPEN".equals(finding.get("status").asText())) {
                continue;
            }
            slot++;
            variables.append(slot > 1 ? "," : "").append("\"phiFinding").append(slot).append("\":{\"value\":\"")
                    .append(finding.get("id").asText()).append("\"},\"phiDecision").append(slot).append("\":{\"value\":\"")
                    .append(decision).append("\"}");
            if ("not-phi".equals(decision)) {
                variables.append(",\"phiReason").append(slot).append("\":{\"value\":\"not about a patient\"}");
            }
        }
        return variables.append("}}").toString();
    }
}
