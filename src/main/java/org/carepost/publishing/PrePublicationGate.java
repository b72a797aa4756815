package org.carepost.publishing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The gate: every {@link GateCheck} must pass, or the content is withdrawn and nothing is published. */
@Service("gate")
public class PrePublicationGate {

    private final List<GateCheck> checks;
    private final ContentService contents;
    private final AuditTrail audit;

    public PrePublicationGate(List<GateCheck> checks, ContentService contents, AuditTrail audit) {
        this.checks = checks;
        this.contents = contents;
        this.audit = audit;
    }

    public List<String> refusals(UUID contentId) {
        return checks.stream().map(check -> check.refusal(contentId)).flatMap(Optional::stream).toList();
    }

    /** Runs the checks; on refusal records why, withdraws the content, and returns the reasons. */
    @Transactional
    public List<String> pass(UUID contentId, String processInstanceId) {
        List<String> refusals = refusals(contentId);
        if (!refusals.isEmpty()) {
            contents.withdraw(contentId);
            audit.record(AuditEntry.of("carepost", AuditAction.GATE_REFUSED, contentId,
                    contents.currentVersion(contentId).getSha256())
                    .withDecision("refused", String.join("; ", refusals)).inProcess(processInstanceId, null));
        }
        return refusals;
    }
}
