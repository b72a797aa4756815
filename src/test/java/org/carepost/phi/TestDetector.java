package org.carepost.phi;

/** One detector for all tests: loading the dictionaries takes a few seconds. */
final class TestDetector {
    private static final PhiDetector DETECTOR = new PhiDetector();

    private TestDetector() {
    }

    static PhiDetector get() {
        return DETECTOR;
    }
}
