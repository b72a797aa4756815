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
    ESCALATE("escalate");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
