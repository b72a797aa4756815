package org.carepost.publishing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carepost.content.ContentService;
import org.carepost.content.Withdrawal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The gate: every {@link GateCheck} must pass, or the content is withdrawn and nothing is published. */
@Service("gate")
public class PrePublicationGate {

    private final List<GateCheck> checks;
    private final ContentService contents;

    public PrePublicationGate(List<GateCheck> checks, ContentService contents) {
        this.checks = checks;
        this.contents = contents;
    }

    public List<String> refusals(UUID contentId) {
        return checks.stream().map(check -> check.refusal(contentId)).flatMap(Optional::stream).toList();
    }

    /** Runs the checks; on refusal withdraws the content (audited with the reasons) and returns the reasons. */
    @Transactional
    public List<String> pass(UUID contentId, String actor, String processInstanceId) {
        List<String> refusals = refusals(contentId);
        if (!refusals.isEmpty()) {
            contents.withdraw(contentId, Withdrawal.gateRefused(refusals), actor, processInstanceId);
        }
        return refusals;
    }
}
