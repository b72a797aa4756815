package org.carepost.publishing;

/** The pre-publication gate refused: nothing was sent to any network. */
public class PublicationGateException extends RuntimeException {

    public PublicationGateException(String message) {
        super(message);
    }
}
