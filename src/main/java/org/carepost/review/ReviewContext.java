package org.carepost.review;

import java.util.UUID;

/** What a reviewer decides on: taken from our tables, never from process variables (which task holders can edit). */
public record ReviewContext(UUID contentId, String title, String kind, String author, String department,
                            int versionNo, String versionHash, String text) {
}
