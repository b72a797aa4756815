package org.carepost.consent;

import java.util.Set;
import java.util.UUID;

/**
 * The PHI finding types of a content item's current version that the privacy officer marked "covered by
 * authorization" (e.g. {@code NAME}, {@code DATE}). The PHI feature provides the real implementation (table
 * {@code phi_finding}, status {@code COVERED_BY_AUTHORIZATION}); until it is merged {@link ConsentConfig} supplies
 * one that reports none.
 */
public interface CoveredFindings {

    Set<String> coveredTypes(UUID contentId);
}
