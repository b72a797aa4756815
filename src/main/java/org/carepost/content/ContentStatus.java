package org.carepost.content;

public enum ContentStatus {
    IN_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    PUBLISHED,
    /** Published on some target platforms, not yet on all; a retry publishes only the missing ones. */
    PARTIALLY_PUBLISHED,
    REJECTED,
    WITHDRAWN
}
