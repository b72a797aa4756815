package org.carepost.phi;

import org.carepost.content.ContentStateException;

/** A resolution that does not fit the findings' state (answered 409). Names finding ids only. */
public class PhiResolutionException extends ContentStateException {

    public PhiResolutionException(String message) {
        super(message);
    }
}
