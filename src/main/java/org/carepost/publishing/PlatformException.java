package org.carepost.publishing;

/** A network refused or failed a call. Messages name the platform and account, never the post text. */
public class PlatformException extends RuntimeException {

    public enum Kind {
        /** 429, 5xx, timeouts, dropped connections: retry with backoff. */
        RETRYABLE,
        /** 401/403: the account needs re-authorisation; retrying does not help. */
        AUTHENTICATION,
        /** Any other 4xx: the request itself is wrong; fail fast. */
        PERMANENT
    }

    private final Kind kind;
    /** The call may have reached the network (timeout, dropped connection): whether the post exists is unknown. */
    private boolean outcomeUnknown;

    public PlatformException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** A retryable failure after which the post may or may not exist on the network. */
    public static PlatformException outcomeUnknown(String message, Throwable cause) {
        PlatformException e = new PlatformException(Kind.RETRYABLE, message, cause);
        e.outcomeUnknown = true;
        return e;
    }

    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    public PlatformException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
