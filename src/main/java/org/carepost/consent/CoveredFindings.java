package org.carepost.consent;

import java.util.Set;
import java.util.UUID;

/**
 * The PHI finding types of a content item's current version that the privacy officer marked "covered by
 * authorization" (e.g. {@code NAME}, {@code DATE}), answered from table {@code phi_finding} by
 * {@code org.carepost.phi.PhiFacts}.
 */
public interface CoveredFindings {

    Set<String> coveredTypes(UUID contentId);
}
