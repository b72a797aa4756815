package org.carepost.review;

import java.util.Arrays;
import java.util.Optional;

/** Each review or sign-off step, named after the BPMN user task that carries it. */
public enum ReviewKind {
    PRIVACY("privacyReview", "privacy"),
    LEGAL("legalReview", "legal"),
    BRAND("brandReview", "brand"),
    MEDICAL("medicalReview", "medical"),
    COMMUNICATIONS("communicationsReview", "communications"),
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

    /** The review named by the routing decision's output "review" (privacy, legal, medical, brand, communications). */
    public static Optional<ReviewKind> forReviewCode(String code) {
        return Arrays.stream(values()).filter(k -> k != SIGNOFF && k.code.equals(code)).findFirst();
    }

    /** The process variable the inclusive gateway of the reviews reads: is this review routed? */
    public String requiredVariable() {
        return taskKey + "Required";
    }

    public static Optional<ReviewKind> forTask(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(k -> k.taskKey.equals(taskDefinitionKey)).findFirst();
    }
}
