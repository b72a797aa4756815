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
    /** PHI findings replaced by typed placeholders in a new version. */
    REDACT("redact"),
    /** PHI findings marked as covered by the patient's authorization. */
    PHI_COVERED("phi-covered"),
    /** An image attached to a draft after its metadata was stripped. */
    MEDIA_UPLOAD("media-upload");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
