package org.carepost.audit;

import java.util.UUID;

/** What is recorded about one decision; builders keep call sites readable. */
public record AuditEntry(String actor, AuditAction action, UUID contentId, String versionHash, String consentId,
                         String decision, String comment, String processInstanceId, String taskId) {

    public static AuditEntry of(String actor, AuditAction action, UUID contentId, String versionHash) {
        return new AuditEntry(actor, action, contentId, versionHash, null, null, null, null, null);
    }

    public AuditEntry withDecision(String decision, String comment) {
        return new AuditEntry(actor, action, contentId, versionHash, consentId, decision, comment, processInstanceId, taskId);
    }

    /** The patient's authorization the decision is about. */
    public AuditEntry withConsent(java.util.UUID consentId) {
        return new AuditEntry(actor, action, contentId, versionHash, consentId == null ? null : consentId.toString(),
                decision, comment, processInstanceId, taskId);
    }

    public AuditEntry inProcess(String processInstanceId, String taskId) {
        return new AuditEntry(actor, action, contentId, versionHash, consentId, decision, comment, processInstanceId, taskId);
    }
}
