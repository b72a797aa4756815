package org.carepost.process.modelchange;

/**
 * A decision on a model change refused with a sentence for the person who asked; {@code forbidden} when they may not
 * decide at all (the person who deployed it, or outside compliance and privacy): 403, otherwise 400.
 */
class ModelChangeRefused extends RuntimeException {

    private final boolean forbidden;

    ModelChangeRefused(String message, boolean forbidden) {
        super(message);
        this.forbidden = forbidden;
    }

    boolean forbidden() {
        return forbidden;
    }
}
