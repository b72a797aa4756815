package org.carepost.content;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Renders a version's text for each target platform when the version is created (implemented by publishing).
 * The renderings are part of the version: stored with it and covered by its hash ({@link Hashing#versionHash}).
 */
public interface VersionRenderer {

    /**
     * The text as it will go out on each platform (key: platform code). Adds a problem on field {@code text} for
     * each platform whose limit the rendering exceeds, naming the platform and the limit, never the text.
     */
    Map<String, String> render(String text, Set<Platform> platforms, List<FieldProblem> problems);

    /** Stores the renderings of a new version, in the caller's transaction. */
    void store(UUID contentId, int versionNo, Map<String, String> renderings);

    /** The stored renderings of a version (empty for versions made before renderings existed). */
    Map<String, String> renderings(UUID contentId, int versionNo);
}
