package org.carepost.publishing;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Which drafts' titles must not be shown to everyone yet: those whose current title has a PHI finding the privacy
 * office has not resolved. Answered from the PHI findings by {@code org.carepost.phi.PhiFacts}.
 */
public interface TitlePrivacy {

    /** Shown instead of a title with unresolved PHI. */
    String WITHHELD = "(title withheld: PHI under privacy review)";

    Set<UUID> withheldTitles(Collection<UUID> contentIds);
}
