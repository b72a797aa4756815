package org.carepost.content;

import java.util.List;

/** A draft as submitted: raw values, validated by {@link ContentService}. */
public record NewContent(String title, String kind, String department, String text, List<String> platforms,
                         String publishAt) {
}
