package org.carepost.review;

import java.util.UUID;

/**
 * "Media attached" for the routing decision. Drafts carry text only so far; the default answers false. A media
 * feature replaces the bean.
 */
public interface MediaPresence {

    boolean mediaAttached(UUID contentId, int versionNo);
}
