package org.carepost.review;

import java.util.UUID;

/**
 * "PHI present" for the routing decision. The phi feature stores findings per version (table {@code phi_finding});
 * until it is merged, {@link NoRecordedPhiFindings} answers false and privacy review is routed by the other rules
 * (it is routed for every kind anyway). Replace the bean with one that reads unresolved findings.
 */
public interface PhiPresence {

    boolean phiPresent(UUID contentId, int versionNo);
}
