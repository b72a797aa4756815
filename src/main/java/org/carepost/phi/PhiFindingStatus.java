package org.carepost.phi;

/** How a PHI finding stands: open until it is redacted or covered by the patient's authorization. */
public enum PhiFindingStatus {
    OPEN,
    REDACTED,
    COVERED_BY_AUTHORIZATION
}
