package org.carepost.config;

/** The database CarePost is configured for cannot be used; the message is the one sentence the operator reads. */
class DatabaseSetupException extends RuntimeException {

    DatabaseSetupException(String message) {
        super(message);
    }
}
