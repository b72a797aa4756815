package org.carepost.consent;

import java.util.List;
import java.util.UUID;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the authorization chosen for a draft (on the authorization page) covers it now: recorded, with its signed
 * document, valid today, covering every platform and covered finding. Audited either way (captured, or invalid with
 * what is missing). consent-capture.bpmn's "Validate authorization" asks this.
 */
@Service
public class LinkedAuthorizationCheck {

    private final ConsentCoverage coverage;
    private final ContentService contents;
    private final AuditTrail audit;

    public LinkedAuthorizationCheck(ConsentCoverage coverage, ContentService contents, AuditTrail audit) {
        this.coverage = coverage;
        this.contents = contents;
        this.audit = audit;
    }

    /** What is missing (empty: the authorization covers the draft), recorded as {@code actor}'s capture. */
    @Transactional
    public List<String> validate(UUID contentId, String actor, String processInstanceId) {
        UUID consentId = contents.get(contentId).getConsentId();
        List<String> problems = List.copyOf(coverage.gapsOfLinked(contentId));
        boolean valid = problems.isEmpty();
        audit.record(AuditEntry.of(actor, valid ? AuditAction.CONSENT_CAPTURED : AuditAction.CONSENT_INVALID, contentId,
                        contents.currentVersion(contentId).getSha256())
                .withConsent(consentId).withDecision(valid ? "valid" : "invalid", valid ? null : String.join("; ", problems))
                .inProcess(processInstanceId, null));
        return problems;
    }
}
