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

    public PlatformException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PlatformException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
