package org.carepost.content;

/** The user may not do this to this draft (answered 403). */
public class ContentForbiddenException extends RuntimeException {

    public ContentForbiddenException(String message) {
        super(message);
    }
}
