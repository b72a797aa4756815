package org.carepost.review;

import java.util.Arrays;
import java.util.Optional;

/** Each review or sign-off step, named after the BPMN user task that carries it. */
public enum ReviewKind {
    PRIVACY("privacyReview", "privacy"),
    LEGAL("legalReview", "legal"),
    BRAND("brandReview", "brand"),
    SIGNOFF("departmentSignoff", "signoff");

    private final String taskKey;
    private final String code;

    ReviewKind(String taskKey, String code) {
        this.taskKey = taskKey;
        this.code = code;
    }

    public String taskKey() {
        return taskKey;
    }

    public String code() {
        return code;
    }

    /** The process variable the BPMN gateway after the task reads. */
    public String decisionVariable() {
        return taskKey + "Decision";
    }

    public static Optional<ReviewKind> forTask(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(k -> k.taskKey.equals(taskDefinitionKey)).findFirst();
    }
}
