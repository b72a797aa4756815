package org.carepost.phi;

/** One detector for all tests: loading the dictionaries takes a few seconds. */
public final class TestDetector {
    private static final PhiDetector DETECTOR = new PhiDetector();

    private TestDetector() {
    }

    public static PhiDetector get() {
        return DETECTOR;
    }
}
