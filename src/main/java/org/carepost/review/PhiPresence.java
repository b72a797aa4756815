package org.carepost.review;

import java.util.UUID;

/**
 * "PHI present" for the routing decision, answered from the findings the phi feature stores per version
 * ({@code org.carepost.phi.PhiFacts}).
 */
public interface PhiPresence {

    boolean phiPresent(UUID contentId, int versionNo);
}
