package org.carepost.content;

import java.util.List;
import java.util.UUID;
import org.carepost.audit.AuditAction;

/**
 * Why a draft is withdrawn, as its audit event records it: the action, the decision and its comment, and the
 * patient authorization concerned (or null). Ids and fixed sentences only, never the draft's text.
 */
public record Withdrawal(AuditAction action, String decision, String comment, UUID consentId) {

    /** The patient's authorization was revoked or expired while the draft was in the process ({@code how}). */
    public static Withdrawal authorizationEnded(UUID consentId, String how) {
        return new Withdrawal(AuditAction.DRAFT_STOPPED, "stopped", "patient authorization " + how, consentId);
    }

    /** No valid patient authorization arrived before the capture timeout. */
    public static Withdrawal noAuthorizationInTime() {
        return new Withdrawal(AuditAction.CONSENT_TIMEOUT, "withdrawn",
                "no valid patient authorization arrived in time", null);
    }

    /** The pre-publication gate refused, for these reasons. */
    public static Withdrawal gateRefused(List<String> refusals) {
        return new Withdrawal(AuditAction.GATE_REFUSED, "refused", String.join("; ", refusals), null);
    }

    /** Every published post was deleted on its network because the authorization ended ({@code how}). */
    public static Withdrawal takenDown(UUID consentId, String how) {
        return new Withdrawal(AuditAction.TAKEN_DOWN, "taken-down",
                "every post deleted: patient authorization " + how, consentId);
    }
}
