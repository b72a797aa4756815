package org.carepost.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One exported audit event (CSV column order = JSON member order). */
@JsonPropertyOrder({"seq", "occurredAt", "actor", "action", "contentId", "versionHash", "consentId", "decision",
        "comment", "processInstanceId", "taskId", "prevHash", "hash"})
public record AuditExportRow(long seq, String occurredAt, String actor, String action, String contentId,
                             String versionHash, String consentId, String decision, String comment,
                             String processInstanceId, String taskId, String prevHash, String hash) {

    public static AuditExportRow of(AuditRecord r) {
        return new AuditExportRow(r.seq(), AuditCanonical.instant(r.occurredAt()), r.actor(), r.action(),
                r.contentId() == null ? null : r.contentId().toString(), r.versionHash(), r.consentId(), r.decision(),
                r.comment(), r.processInstanceId(), r.taskId(), r.prevHash(), r.hash());
    }
}
