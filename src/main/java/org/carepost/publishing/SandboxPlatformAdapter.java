package org.carepost.publishing;

import java.time.Clock;
import java.util.Optional;

/**
 * The embedded default: a "network" in our own database. Like a real network it honours the idempotency key,
 * so a retried publication returns the post already made.
 */
public class SandboxPlatformAdapter implements PlatformAdapter {

    public static final String URL_PREFIX = "https://sandbox.carepost.invalid/";

    private final SandboxPostRepository posts;
    private final Clock clock;

    public SandboxPlatformAdapter(SandboxPostRepository posts, Clock clock) {
        this.posts = posts;
        this.clock = clock;
    }

    @Override
    public String platform() {
        return "sandbox";
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        SandboxPost post = posts.findByIdempotencyKey(request.idempotencyKey()).orElseGet(() -> posts.save(
                new SandboxPost(request.platform(), request.account(), request.idempotencyKey(), request.text(),
                        clock.instant())));
        return result(post);
    }

    @Override
    public Optional<PublishResult> findPublished(String account, String idempotencyKey) {
        return posts.findByIdempotencyKey(idempotencyKey).map(SandboxPlatformAdapter::result);
    }

    @Override
    public boolean confirmsPublication() {
        return true;
    }

    @Override
    public void delete(String account, String externalId) {
        SandboxPost post = posts.findById(Long.valueOf(externalId))
                .orElseThrow(() -> new PlatformException(PlatformException.Kind.PERMANENT,
                        "sandbox: no post " + externalId));
        post.delete(clock.instant());
    }

    @Override
    public void checkCredentials(String account) {
        // The sandbox needs none.
    }

    private static PublishResult result(SandboxPost post) {
        return new PublishResult(String.valueOf(post.getId()), URL_PREFIX + post.getPlatform() + "/" + post.getId());
    }
}
