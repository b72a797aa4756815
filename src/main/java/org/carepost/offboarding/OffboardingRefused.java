package org.carepost.offboarding;

/**
 * An offboarding request or step refused with a sentence for the person who asked ("User to offboard: ..."), never
 * echoing what they typed. {@code forbidden} when the asker may not do this at all.
 */
public class OffboardingRefused extends RuntimeException {

    private final boolean forbidden;

    public OffboardingRefused(String message) {
        this(message, false);
    }

    public OffboardingRefused(String message, boolean forbidden) {
        super(message);
        this.forbidden = forbidden;
    }

    public boolean forbidden() {
        return forbidden;
    }
}
