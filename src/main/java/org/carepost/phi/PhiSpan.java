package org.carepost.phi;

import java.util.Objects;

/**
 * A detected PHI span: Java String indices (UTF-16 code units), end exclusive.
 * Labels ("MRN", "room") and titles ("Mrs.") are never part of the span.
 */
public record PhiSpan(int start, int end, PhiType type) {
    public PhiSpan {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span bounds " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }
}
