package org.carepost.modelchange;

/**
 * One automatic check on a proposal: which check ({@code "parses"}, {@code "history-time-to-live"},
 * {@code "form-refs"}, {@code "candidate-groups"}, {@code "phi-scan-on-every-path"}, {@code "privacy-review-for-patients"}, ...),
 * whether it passed, and a sentence a compliance lead can read (naming the model, element or path at fault).
 */
public record CheckFinding(String check, boolean passed, String detail) {
}
