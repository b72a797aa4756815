package org.carepost.process.consent;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.carepost.process.engine.ProcessVariables;

/** "Withdraw draft": no valid authorization arrived in time (carepost.consent.capture-timeout). */
@Component
public class WithdrawUnauthorizedDelegate implements JavaDelegate {

    private final ContentService contents;
    private final AuditTrail audit;

    public WithdrawUnauthorizedDelegate(ContentService contents, AuditTrail audit) {
        this.contents = contents;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void execute(DelegateExecution execution) {
        UUID contentId = ProcessVariables.contentId(execution);
        contents.withdraw(contentId);
        audit.record(AuditEntry.of(ProcessVariables.SYSTEM_ACTOR, AuditAction.CONSENT_TIMEOUT, contentId,
                        contents.currentVersion(contentId).getSha256())
                .withDecision("withdrawn", "no valid patient authorization arrived in time")
                .inProcess(execution.getProcessInstanceId(), null));
    }
}
