package org.carepost.phi;

/**
 * How a PHI finding stands: open until the privacy office redacts it, marks it covered by the patient's
 * authorization, or dismisses it as not PHI (with a reason).
 */
public enum PhiFindingStatus {
    OPEN("open"),
    REDACTED("redacted"),
    COVERED_BY_AUTHORIZATION("covered by the patient's authorization"),
    /** The privacy office decided the span is not PHI (the hospital's own number, a staff name, ...). */
    DISMISSED_NOT_PHI("dismissed as not PHI");

    private final String label;

    PhiFindingStatus(String label) {
        this.label = label;
    }

    /** How a person reads the status in a sentence ("Finding 12 was already ..."). */
    public String label() {
        return label;
    }
}
