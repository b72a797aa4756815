package org.carepost.phi;

/**
 * The privacy office's decision on one finding of the current version. {@code reason}: required for
 * {@link Action#NOT_PHI} (short, at most {@value PhiScanService#MAX_REASON_CHARS} characters, never quoting a finding's
 * text); optional otherwise.
 */
public record FindingDecision(long findingId, Action action, String reason) {

    public enum Action {
        /** Replace the span by a typed placeholder ({@code [NAME]}) in a new version. */
        REDACT,
        /** The patient's authorization covers it (only for {@link PhiScanService#coverableTypes()}). */
        COVERED,
        /** It is not PHI (the hospital's public number, a staff name, ...). */
        NOT_PHI
    }

    public static FindingDecision redact(long findingId) {
        return new FindingDecision(findingId, Action.REDACT, null);
    }

    public static FindingDecision covered(long findingId) {
        return new FindingDecision(findingId, Action.COVERED, null);
    }

    public static FindingDecision notPhi(long findingId, String reason) {
        return new FindingDecision(findingId, Action.NOT_PHI, reason);
    }
}
