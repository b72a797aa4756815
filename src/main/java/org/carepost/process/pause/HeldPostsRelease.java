package org.carepost.process.pause;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.carepost.pause.PublishingPauses;
import org.springframework.stereotype.Component;

/**
 * Releases what an ended pause held: message {@code PublishingResumed} to each held draft's instance, in publishAt
 * order. Each released draft checks for a pause again (another pause may still cover it), then passes the
 * pre-publication gate and is queued for publication.
 */
@Component
public class HeldPostsRelease {

    public static final String PUBLISHING_RESUMED = "PublishingResumed";

    private final PublishingPauses pauses;

    public HeldPostsRelease(PublishingPauses pauses) {
        this.pauses = pauses;
    }

    public int release(String pauseId, RuntimeService runtime) {
        List<PublishingPauses.HeldPost> held = pauses.release(pauseId);
        for (PublishingPauses.HeldPost post : held) {
            // correlateAll: a draft stopped or revised meanwhile no longer waits, and that is fine.
            runtime.createMessageCorrelation(PUBLISHING_RESUMED)
                    .processInstanceBusinessKey(post.contentId().toString()).withoutTenantId().correlateAll();
        }
        return held.size();
    }
}
