package org.carepost.process.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.consent.ConsentCoverage;
import org.carepost.content.ContentService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.carepost.process.engine.ProcessVariables;

/**
 * "Validate authorization": the authorization chosen for the draft (on the authorization page) must be recorded, with
 * its signed document, valid today, covering every platform and covered finding of this draft. Invalid (say, revoked
 * in the meantime): the list of what is missing goes back to the task. Both are audited.
 */
@Component
public class ValidateAuthorizationDelegate implements JavaDelegate {

    private final ConsentCoverage coverage;
    private final ContentService contents;
    private final AuditTrail audit;

    public ValidateAuthorizationDelegate(ConsentCoverage coverage, ContentService contents, AuditTrail audit) {
        this.coverage = coverage;
        this.contents = contents;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void execute(DelegateExecution execution) {
        UUID contentId = ProcessVariables.contentId(execution);
        // Chosen on the authorization page, which links it to the draft before it completes the task.
        UUID consentId = contents.get(contentId).getConsentId();
        List<String> problems = new ArrayList<>(coverage.gapsOfLinked(contentId));
        String hash = contents.currentVersion(contentId).getSha256();
        if (problems.isEmpty()) {
            audit.record(AuditEntry.of(actor(execution), AuditAction.CONSENT_CAPTURED, contentId, hash)
                    .withConsent(consentId).withDecision("valid", null).inProcess(execution.getProcessInstanceId(), null));
        } else {
            audit.record(AuditEntry.of(actor(execution), AuditAction.CONSENT_INVALID, contentId, hash)
                    .withConsent(consentId).withDecision("invalid", String.join("; ", problems))
                    .inProcess(execution.getProcessInstanceId(), null));
        }
        execution.setVariable(ConsentVariables.AUTHORIZATION_VALID, problems.isEmpty());
        execution.setVariable(ConsentVariables.AUTHORIZATION_PROBLEMS, String.join("\n", problems));
    }

    private static String actor(DelegateExecution execution) {
        var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null || auth.getUserId() == null ? ProcessVariables.SYSTEM_ACTOR : auth.getUserId();
    }
}
