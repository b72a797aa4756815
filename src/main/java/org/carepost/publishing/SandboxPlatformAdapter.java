package org.carepost.publishing;

import java.time.Clock;
import java.util.Optional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded default: a "network" in our own database. Like a real network it honours the idempotency key,
 * so a retried publication returns the post already made. Like a real network it keeps what it accepted: each call
 * commits on its own, whatever becomes of the caller's transaction (a post written in the publish job's transaction
 * appeared only after the publication was already recorded as published, and vanished if the job rolled back).
 */
public class SandboxPlatformAdapter implements PlatformAdapter {

    public static final String URL_PREFIX = "https://sandbox.carepost.invalid/";

    private final SandboxPostRepository posts;
    private final Clock clock;
    private final TransactionTemplate networkSide;

    public SandboxPlatformAdapter(SandboxPostRepository posts, Clock clock, PlatformTransactionManager transactions) {
        this.posts = posts;
        this.clock = clock;
        this.networkSide = new TransactionTemplate(transactions);
        this.networkSide.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public String platform() {
        return "sandbox";
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        return networkSide.execute(status -> result(posts.findByIdempotencyKey(request.idempotencyKey())
                .orElseGet(() -> posts.save(new SandboxPost(request.platform(), request.account(),
                        request.idempotencyKey(), request.text(), clock.instant())))));
    }

    @Override
    public Optional<PublishResult> findPublished(String account, String idempotencyKey) {
        return networkSide.execute(status -> posts.findByIdempotencyKey(idempotencyKey).map(SandboxPlatformAdapter::result));
    }

    @Override
    public boolean confirmsPublication() {
        return true;
    }

    @Override
    public void delete(String account, String externalId) {
        networkSide.executeWithoutResult(status -> posts.findById(Long.valueOf(externalId))
                .orElseThrow(() -> new PlatformException(PlatformException.Kind.PERMANENT,
                        "sandbox: no post " + externalId)).delete(clock.instant()));
    }

    @Override
    public void checkCredentials(String account) {
        // The sandbox needs none.
    }

    private static PublishResult result(SandboxPost post) {
        return new PublishResult(String.valueOf(post.getId()), URL_PREFIX + post.getPlatform() + "/" + post.getId());
    }
}
