package org.carepost.auditor;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a draft waits for, as the auditor's list names it and filters by it: derived from our status
 * ({@code content_item.status}) and, while the draft is in review, from the open user tasks of the processes that
 * carry the draft's id as business key (content-approval and its consent-capture). Each stage has one SQL condition
 * on a row {@code ci} of {@code content_item}, so the list filters and sorts in the database.
 */
public enum DraftStage {
    PATIENT_DETAILS("patient-details", "the privacy office's decision on patient details", "resolvePhi"),
    AUTHORIZATION("authorization", "patient authorization", "recordSignedAuthorization"),
    PRIVACY_REVIEW("privacy-review", "privacy review", "privacyReview"),
    LEGAL_REVIEW("legal-review", "legal review", "legalReview"),
    MEDICAL_REVIEW("medical-review", "medical review", "medicalReview"),
    BRAND_REVIEW("brand-review", "brand review", "brandReview"),
    COMMUNICATIONS_REVIEW("communications-review", "communications review", "communicationsReview"),
    SIGNOFF("signoff", "department sign-off", "departmentSignoff"),
    /** In review with no open task: a step of CarePost's own is running (routing, a scan, a letter). */
    PROCESSING("processing", "in review (CarePost is processing it)", null),
    REVISION("revision", "waiting for the author's revision (changes requested)", null),
    SCHEDULED("scheduled", "scheduled for", null),
    PARTIALLY_PUBLISHED("partially-published", "published on some networks; the rest is retried", null),
    PUBLISHED("published", "published", null),
    REJECTED("rejected", "rejected", null),
    WITHDRAWN("withdrawn", "withdrawn", null);

    private final String code;
    private final String words;
    private final String taskKey;

    DraftStage(String code, String words, String taskKey) {
        this.code = code;
        this.words = words;
        this.taskKey = taskKey;
    }

    public String code() {
        return code;
    }

    /** For a task stage, what the draft waits for ("privacy review"); otherwise the whole status in words. */
    public String words() {
        return words;
    }

    /** The user task of the models this stage waits at, or null for a stage read from our status alone. */
    public String taskKey() {
        return taskKey;
    }

    /** As the filter's drop-down names it. */
    public String label() {
        return taskKey != null ? "waiting for " + words : words;
    }

    public static Optional<DraftStage> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public static Optional<DraftStage> forTask(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(s -> s.taskKey != null && s.taskKey.equals(taskDefinitionKey)).findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(DraftStage::code).collect(Collectors.joining(", "));
    }

    /** Open tasks of the processes whose business key is the row's id, limited to these task keys (SQL). */
    static String openTask(String taskKeys) {
        return "exists (select 1 from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_ "
                + "where p.business_key_ = cast(ci.id as varchar(36)) and t.task_def_key_ in (" + taskKeys + "))";
    }

    private static String allTaskKeys() {
        return Arrays.stream(values()).filter(s -> s.taskKey != null).map(s -> "'" + s.taskKey + "'")
                .collect(Collectors.joining(", "));
    }

    /** The SQL condition on {@code ci} (content_item) that holds while a draft is at this stage. */
    public String condition() {
        return switch (this) {
            case PROCESSING -> "ci.status = 'IN_REVIEW' and not " + openTask(allTaskKeys());
            case REVISION -> "ci.status = 'CHANGES_REQUESTED'";
            case SCHEDULED -> "ci.status = 'APPROVED'";
            case PARTIALLY_PUBLISHED -> "ci.status = 'PARTIALLY_PUBLISHED'";
            case PUBLISHED -> "ci.status = 'PUBLISHED'";
            case REJECTED -> "ci.status = 'REJECTED'";
            case WITHDRAWN -> "ci.status = 'WITHDRAWN'";
            default -> "ci.status = 'IN_REVIEW' and " + openTask("'" + taskKey + "'");
        };
    }

    /**
     * A number that orders rows the way the workflow runs (for sorting by status): the earliest stage a draft is at
     * (a draft in several reviews at once sorts by the first of them).
     */
    public static String rankExpression() {
        StringBuilder sql = new StringBuilder("case");
        for (DraftStage stage : values()) {
            sql.append(" when ").append(stage.condition()).append(" then ").append(stage.ordinal());
        }
        return sql.append(" else ").append(values().length).append(" end").toString();
    }

    /** The stages a draft in review is at, from its open tasks' keys, in workflow order (PROCESSING if none). */
    public static List<DraftStage> ofOpenTasks(List<String> openTaskKeys) {
        List<DraftStage> stages = Arrays.stream(values()).filter(s -> s.taskKey != null && openTaskKeys.contains(s.taskKey))
                .toList();
        return stages.isEmpty() ? List.of(PROCESSING) : stages;
    }
}
