package org.carepost.modelchange;

import java.util.Set;
import org.springframework.stereotype.Component;

/** The automatic checks a proposed model change must pass before a second person may approve it. */
@Component
public class ModelChecks {

    /**
     * Checks what would be in force after approval ({@code proposed} over {@code inForce}).
     *
     * @param groups the candidate groups that exist (Camunda's groups)
     */
    public CheckReport check(ModelResources proposed, ModelResources inForce, Set<String> groups) {
        throw new UnsupportedOperationException("skeleton: implemented on branch mc-checks");
    }
}
