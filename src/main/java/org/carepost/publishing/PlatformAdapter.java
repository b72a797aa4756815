package org.carepost.publishing;

import java.util.Optional;

/**
 * One social network, spoken to through its documented HTTP API (or the sandbox). Implementations must be
 * thread-safe, put a timeout on every call, and never log the post text or credentials.
 */
public interface PlatformAdapter {

    /** The platform code this adapter serves, e.g. {@code facebook}; the sandbox answers for every platform. */
    String platform();

    /**
     * Publishes a rendered post. The idempotency key is stable across retries of the same publication.
     *
     * @throws PlatformException with {@link PlatformException.Kind} telling whether a retry may help
     */
    PublishResult publish(PublishRequest request);

    /** Where the network allows it: the post already made under this idempotency key (checked before a retry). */
    default Optional<PublishResult> findPublished(String account, String idempotencyKey) {
        return Optional.empty();
    }

    /** Deletes a post on the network (a real delete, not only our record). */
    void delete(String account, String externalId);

    /** Verifies the account's credentials, throwing {@link PlatformException} of kind AUTHENTICATION if not valid. */
    void checkCredentials(String account);
}
