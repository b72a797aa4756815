package org.carepost.audit;

public enum AuditAction {
    SUBMIT("submit"),
    REVISE("revise"),
    REVIEW("review"),
    SIGNOFF("signoff"),
    APPROVE("approve"),
    REJECT("reject"),
    PUBLISH("publish"),
    GATE_REFUSED("gate-refused"),
    ROUTE("route"),
    ESCALATE("escalate"),
    CONSENT_RECORDED("consent-recorded"),
    CONSENT_DOCUMENT("consent-document"),
    CONSENT_REQUESTED("consent-requested"),
    CONSENT_REMINDER("consent-reminder"),
    CONSENT_CAPTURED("consent-captured"),
    CONSENT_INVALID("consent-invalid"),
    CONSENT_TIMEOUT("consent-timeout"),
    CONSENT_REVOKED("consent-revoked"),
    CONSENT_EXPIRED("consent-expired"),
    DRAFT_STOPPED("draft-stopped"),
    TAKEDOWN("takedown"),
    /** PHI findings replaced by typed placeholders in a new version. */
    REDACT("redact"),
    /** PHI findings marked as covered by the patient's authorization. */
    PHI_COVERED("phi-covered"),
    /** A PHI finding dismissed as not PHI, with the reviewer's reason (never the finding's text). */
    PHI_DISMISSED("phi-dismissed"),
    /** An image attached to a draft after its metadata was stripped. */
    MEDIA_UPLOAD("media-upload"),
    /** An auditor read a version whose PHI was redacted afterwards (an explicit action, never a side view). */
    SHOW_UNREDACTED("show-unredacted"),
    /** Somebody tried to start a draft's process with a business key of their choosing (refused). */
    START_REFUSED("start-refused"),
    /** Every post of a content was deleted on its network after its authorization ended: the content is withdrawn. */
    TAKEN_DOWN("taken-down");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
