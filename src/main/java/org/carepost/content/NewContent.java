package org.carepost.content;

import java.util.List;

/**
 * A draft as submitted: raw values, validated by {@link ContentService}.
 * {@code coDepartments} (optional): other departments of a cross-department post; each one's head signs off.
 */
public record NewContent(String title, String kind, String department, String text, List<String> platforms,
                         String publishAt, List<String> coDepartments) {

    public NewContent(String title, String kind, String department, String text, List<String> platforms,
                      String publishAt) {
        this(title, kind, department, text, platforms, publishAt, null);
    }
}
