package org.carepost.publishing;

import java.util.Optional;
import java.util.UUID;

/**
 * One check of the pre-publication gate, run right before anything goes out. Features add their own as Spring beans
 * (approved hash unchanged, no unresolved PHI, authorization still valid, ...).
 */
public interface GateCheck {

    /** Why this content must not be published now, or empty. The reason names ids, never content or PHI. */
    Optional<String> refusal(UUID contentId);
}
