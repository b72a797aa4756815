package org.carepost.phi;

import java.util.List;

/**
 * Decisions on PHI findings that cannot be applied; nothing was written. Each problem is a sentence for the privacy
 * office (shown on the Resolve PHI form) naming finding ids, never a finding's text. {@link #stateConflict()}: the
 * findings or the draft moved on (already resolved, an earlier version, not in review), as opposed to a decision that
 * is incomplete (no reason, a type an authorization cannot cover).
 */
public class PhiDecisionException extends PhiResolutionException {

    private final List<String> problems;
    private final boolean stateConflict;

    public PhiDecisionException(List<String> problems, boolean stateConflict) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
        this.stateConflict = stateConflict;
    }

    public List<String> problems() {
        return problems;
    }

    public boolean stateConflict() {
        return stateConflict;
    }
}
