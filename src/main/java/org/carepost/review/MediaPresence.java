package org.carepost.review;

import java.util.UUID;

/**
 * "Media attached" for the routing decision, answered from the draft's uploaded images
 * ({@code org.carepost.phi.PhiFacts}).
 */
public interface MediaPresence {

    boolean mediaAttached(UUID contentId, int versionNo);
}
