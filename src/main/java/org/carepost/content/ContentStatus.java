package org.carepost.content;

public enum ContentStatus {
    IN_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    PUBLISHED,
    REJECTED,
    WITHDRAWN
}
