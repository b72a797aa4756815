package org.carepost.content;

/** The request does not fit the draft's current state (answered 409). */
public class ContentStateException extends RuntimeException {

    public ContentStateException(String message) {
        super(message);
    }
}
