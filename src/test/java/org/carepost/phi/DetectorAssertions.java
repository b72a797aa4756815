package org.carepost.phi;

import java.util.List;
import java.util.function.Consumer;

/** Helpers for the rule tests: what a detector (or one family of rules) flags in a text, as strings. */
final class DetectorAssertions {

    /** A hospital for the tests, as its privacy office would configure carepost.phi.organization. */
    static final OrganizationSettings HOSPITAL = new OrganizationSettings(
            List.of("Riverbend Health", "Riverbend Regional Hospital"), List.of("(715) 555-0100", "715.555.0104"),
            List.of("riverbend.example.org"), List.of("https://www.riverbend.example.org"),
            List.of("900 Summit Avenue"), List.of("Carla Mendes", "Joseph Adeyemi", "Hannah Lutz"), false);

    static final PhiDetector PLAIN = TestDetector.get();
    static final PhiDetector WITH_HOSPITAL = TestDetector.get().withDirectory(
            new OrganizationDirectory(HOSPITAL, List.of()));

    private DetectorAssertions() {
    }

    static List<String> flagged(PhiDetector detector, String text) {
        return detector.scan(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    static List<String> flaggedBy(PhiDetector detector, Consumer<TextScan> family, String text) {
        return detector.scanFamily(text, family).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    static PhiType typeOf(PhiDetector detector, String text, String value) {
        for (PhiSpan s : detector.scan(text)) {
            if (text.substring(s.start(), s.end()).equals(value)) {
                return s.type();
            }
        }
        return null;
    }
}
