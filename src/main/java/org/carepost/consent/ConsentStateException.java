package org.carepost.consent;

import org.carepost.content.ContentStateException;

/** Not possible in the authorization's current state (e.g. already revoked). Answers 409. */
public class ConsentStateException extends ContentStateException {

    public ConsentStateException(String message) {
        super(message);
    }
}
