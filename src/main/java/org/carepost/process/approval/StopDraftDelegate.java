package org.carepost.process.approval;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.content.ContentService;
import org.carepost.content.Withdrawal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.carepost.process.consent.ConsentVariables;
import org.carepost.process.engine.ProcessVariables;

/**
 * "Stop draft" in the ConsentRevoked event sub-process: the draft is withdrawn (and audited, by
 * {@link ContentService#withdraw}), and the author's notice
 * says why (ids only; the author reads it in the "Draft stopped" task).
 */
@Component
public class StopDraftDelegate implements JavaDelegate {

    private final ContentService contents;

    public StopDraftDelegate(ContentService contents) {
        this.contents = contents;
    }

    @Override
    @Transactional
    public void execute(DelegateExecution execution) {
        UUID contentId = ProcessVariables.contentId(execution);
        String reason = "expired".equals(execution.getVariable(ConsentVariables.STOP_REASON)) ? "expired" : "revoked";
        Object consent = execution.getVariable(ConsentVariables.CONSENT_ID);
        UUID consentId = consent == null ? null : UUID.fromString(consent.toString());
        contents.withdraw(contentId, Withdrawal.authorizationEnded(consentId, reason), ProcessVariables.SYSTEM_ACTOR,
                execution.getProcessInstanceId());
        execution.setVariable(ConsentVariables.STOP_NOTICE, "The patient's authorization " + consentId + " was "
                + reason + ". HIPAA no longer allows publishing this draft, so it was stopped and nothing will be "
                + "published. Ask the privacy office before drafting it again.");
    }
}
