package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When is a span of a new version "the same" as one of the previous version? */
class CarriedDecisionsTest {

    private static boolean same(String before, String after, String span) {
        int a = before.indexOf(span);
        int b = after.indexOf(span);
        return CarriedDecisions.sameInContext(before, a, a + span.length(), after, b, b + span.length());
    }

    @Test
    void editsOutsideTheSpansNeighbourhoodKeepItTheSame() {
        String v1 = "We had a wonderful week on the ward. Thanks to Dr. Okafor for the care. Call 503-555-0100.";
        assertThat(same(v1, v1.replace("on the ward", "in the ward"), "Okafor"))
                .isFalse(); // within the 32 characters before it
        assertThat(same(v1, v1.replace("for the care.", "for the care and kindness."), "Okafor"))
                .isFalse(); // the rest of its sentence
        assertThat(same(v1, v1.replace("We had a wonderful", "We really had a wonderful"), "Okafor"))
                .isTrue(); // farther away
        assertThat(same(v1, v1 + " See you at the fair!", "503-555-0100")).isTrue(); // a sentence added after it
        assertThat(same(v1, "Hello. " + v1, "503-555-0100")).isTrue();
    }

    @Test
    void aChangedTitleOrCueBeforeTheSpanIsANewSpan() {
        assertThat(same("Thanks to Dr. Okafor for the care.", "Thanks to Mr. Okafor for the care.", "Okafor")).isFalse();
        assertThat(same("Our main line is 503-555-0100.", "Please call her at 503-555-0100.", "503-555-0100"))
                .isFalse();
        assertThat(same("Our main line is 503-555-0100.", "Our main line is 503-555-0199.", "503-555-01")).isFalse();
    }
}
