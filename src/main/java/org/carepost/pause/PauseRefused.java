package org.carepost.pause;

/**
 * A pause or resume refused with a sentence for the person who asked ("Reason: ..."), never echoing what they typed.
 * {@code forbidden} when the asker may not do this at all (not in the groups, or the person who paused resuming).
 */
public class PauseRefused extends RuntimeException {

    private final boolean forbidden;

    public PauseRefused(String message) {
        this(message, false);
    }

    public PauseRefused(String message, boolean forbidden) {
        super(message);
        this.forbidden = forbidden;
    }

    public boolean forbidden() {
        return forbidden;
    }
}
