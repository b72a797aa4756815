package org.carepost.publishing;

import java.util.List;

/** A post as it goes to one network: the exact approved text rendered for that network. */
public record PublishRequest(String idempotencyKey, String platform, String account, String text, List<String> mediaUrls) {

    public PublishRequest {
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
    }

    @Override
    public String toString() {
        // The text may carry authorised PHI: keep it out of logs and exception messages.
        return "PublishRequest[" + platform + "/" + account + " key=" + idempotencyKey + "]";
    }
}
