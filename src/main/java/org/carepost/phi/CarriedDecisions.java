package org.carepost.phi;

import java.util.List;
import java.util.Map;

/**
 * "Not PHI" decisions of the previous version, for recognising the same span in a new one without storing any PHI
 * text (or a hash of it): a new span is the same as an earlier finding when the two versions' texts agree on the span
 * and on the {@value #CONTEXT} characters before it and the rest of its sentence after it (at most as many). The context
 * matters: "Dr. Okafor" dismissed as a staff name is not carried to "patient Okafor". A span is carried only if every earlier finding it matches was dismissed,
 * so a span redacted once and typed in again is a new open finding.
 */
final class CarriedDecisions {

    /** Characters on each side of a span that must be unchanged: a few words. */
    static final int CONTEXT = 32;

    static final CarriedDecisions NONE = new CarriedDecisions(List.of(), Map.of());

    private final List<PhiFinding> earlier;
    private final Map<PhiField, String> earlierTexts;

    CarriedDecisions(List<PhiFinding> earlier, Map<PhiField, String> earlierTexts) {
        this.earlier = earlier;
        this.earlierTexts = earlierTexts;
    }

    /** The earlier dismissal the new span keeps, or null. */
    PhiFinding dismissalFor(PhiField field, String text, PhiSpan span) {
        PhiFinding match = null;
        String before = earlierTexts.get(field);
        for (PhiFinding f : earlier) {
            if (f.getField() != field || f.getType() != span.type() || before == null
                    || !sameInContext(before, f.getStart(), f.getEnd(), text, span.start(), span.end())) {
                continue;
            }
            if (f.getStatus() != PhiFindingStatus.DISMISSED_NOT_PHI) {
                return null;
            }
            match = match == null ? f : match;
        }
        return match;
    }

    static boolean sameInContext(String a, int as, int ae, String b, int bs, int be) {
        if (ae - as != be - bs || ae > a.length() || be > b.length()) {
            return false;
        }
        int left = Math.min(CONTEXT, as);
        if (left != Math.min(CONTEXT, bs) || !a.regionMatches(as - left, b, bs - left, left + (ae - as))) {
            return false;
        }
        int right = rightContext(a, ae);
        return right == rightContext(b, be) && a.regionMatches(ae, b, be, right);
    }

    /**
     * On the right, the context ends with the sentence: "... is 503-555-0100." stays the same span when the author
     * adds a sentence after it. On the left it does not ("Dr. Okafor" must not become "Mr. Okafor").
     */
    private static int rightContext(String t, int from) {
        int end = Math.min(t.length(), from + CONTEXT);
        for (int i = from; i < end; i++) {
            char c = t.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == t.length() || Character.isWhitespace(t.charAt(i + 1)))
                    || c == '\n') {
                return i + 1 - from;
            }
        }
        return end - from;
    }
}
