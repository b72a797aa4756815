package org.carepost.review;

import java.util.Optional;
import java.util.UUID;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStatus;
import org.carepost.publishing.GateCheck;
import org.springframework.stereotype.Component;

/** Gate: the content is approved and its current version is exactly the approved one (by hash). */
@Component
public class ApprovedVersionCheck implements GateCheck {

    private final ContentService contents;

    public ApprovedVersionCheck(ContentService contents) {
        this.contents = contents;
    }

    @Override
    public Optional<String> refusal(UUID contentId) {
        ContentItem item = contents.get(contentId);
        if (item.getStatus() != ContentStatus.APPROVED) {
            return Optional.of("content is " + item.getStatus() + ", not approved");
        }
        String current = contents.currentVersion(contentId).getSha256();
        if (!current.equals(item.getApprovedHash())) {
            return Optional.of("version " + item.getCurrentVersionNo() + " is not the approved version "
                    + item.getApprovedVersionNo() + " (hash differs)");
        }
        return Optional.empty();
    }
}
