package org.carepost.review;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inputs of the DMN decision {@code review-routing}: small facts about one version, never its text.
 * The map keys are the decision table's input expressions.
 */
public record RoutingFacts(String contentKind, boolean phiPresent, boolean patientMentioned, boolean healthClaims,
                           boolean mediaAttached, int departmentCount) {

    public Map<String, Object> toVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("contentKind", contentKind);
        variables.put("phiPresent", phiPresent);
        variables.put("patientMentioned", patientMentioned);
        variables.put("healthClaims", healthClaims);
        variables.put("mediaAttached", mediaAttached);
        variables.put("departmentCount", departmentCount);
        return variables;
    }
}
