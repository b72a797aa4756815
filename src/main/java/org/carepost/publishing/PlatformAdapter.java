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

    /**
     * The post already made for this request, asked of the network before a publication whose earlier call has an
     * unknown outcome is tried again. By default {@link #findPublished(String, String)}.
     */
    default Optional<PublishResult> findPublished(PublishRequest request) {
        return findPublished(request.account(), request.idempotencyKey());
    }

    /**
     * Whether, after an unknown outcome, the network can settle the question: {@link #findPublished} really asks it,
     * or {@link #publish} with the same idempotency key never makes a second post. If neither, CarePost does not
     * guess: the publication is marked in doubt and raises an incident.
     */
    default boolean confirmsPublication() {
        return false;
    }

    /** Deletes a post on the network (a real delete, not only our record). */
    void delete(String account, String externalId);

    /** Verifies the account's credentials, throwing {@link PlatformException} of kind AUTHENTICATION if not valid. */
    void checkCredentials(String account);
}
