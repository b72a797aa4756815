package org.carepost.process;

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

/**
 * "Validate authorization": the id the privacy officer entered must name a recorded authorization with its signed
 * document, valid today, covering every platform and covered finding of this draft. Valid: the draft is linked to
 * it. Invalid: the list of what is missing goes back to the task. Both are audited.
 */
@Component("validateAuthorization")
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
        Object raw = execution.getVariable(ConsentVariables.CONSENT_ID);
        List<String> problems = new ArrayList<>();
        UUID consentId = null;
        if (raw == null || raw.toString().isBlank()) {
            problems.add("consentId is required: record the authorization (POST /api/consents), upload the signed "
                    + "document, then enter its id");
        } else {
            try {
                consentId = UUID.fromString(raw.toString().strip());
            } catch (IllegalArgumentException e) {
                problems.add("consentId must be the id (UUID) of a recorded authorization");
            }
        }
        if (consentId != null) {
            problems.addAll(coverage.gaps(contentId, consentId));
        }
        String hash = contents.currentVersion(contentId).getSha256();
        if (problems.isEmpty()) {
            contents.linkConsent(contentId, consentId);
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
