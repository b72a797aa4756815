package org.carepost.process.approval;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.carepost.process.consent.ConsentVariables;
import org.carepost.process.engine.ProcessVariables;

/**
 * "Stop draft" in the ConsentRevoked event sub-process: the draft is withdrawn, audited, and the author's notice
 * says why (ids only; the author reads it in the "Draft stopped" task).
 */
@Component
public class StopDraftDelegate implements JavaDelegate {

    private final ContentService contents;
    private final AuditTrail audit;

    public StopDraftDelegate(ContentService contents, AuditTrail audit) {
        this.contents = contents;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void execute(DelegateExecution execution) {
        UUID contentId = ProcessVariables.contentId(execution);
        String reason = "expired".equals(execution.getVariable(ConsentVariables.STOP_REASON)) ? "expired" : "revoked";
        Object consent = execution.getVariable(ConsentVariables.CONSENT_ID);
        UUID consentId = consent == null ? null : UUID.fromString(consent.toString());
        contents.withdraw(contentId);
        audit.record(AuditEntry.of(ProcessVariables.SYSTEM_ACTOR, AuditAction.DRAFT_STOPPED, contentId,
                        contents.currentVersion(contentId).getSha256())
                .withConsent(consentId).withDecision("stopped", "patient authorization " + reason)
                .inProcess(execution.getProcessInstanceId(), null));
        execution.setVariable(ConsentVariables.STOP_NOTICE, "The patient's authorization " + consentId + " was "
                + reason + ". HIPAA no longer allows publishing this draft, so it was stopped and nothing will be "
                + "published. Ask the privacy office before drafting it again.");
    }
}
