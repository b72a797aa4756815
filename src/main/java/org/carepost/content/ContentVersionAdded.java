package org.carepost.content;

import java.util.UUID;

/**
 * Published (synchronously, in the caller's transaction) when a draft gets a new version: a revision, or a
 * redaction by the privacy office. Whoever shows the current text elsewhere refreshes it.
 */
public record ContentVersionAdded(UUID contentId, int versionNo) {
}
