package org.carepost.content;

import java.util.List;

/**
 * A draft as submitted: raw values, validated by {@link ContentService}.
 * {@code coDepartments} (optional): other departments of a cross-department post; each one's head signs off.
 * {@code consentId} (optional) names the patient's authorization the draft is published under (testimonials);
 * without it, consent capture asks for one.
 */
public record NewContent(String title, String kind, String department, String text, List<String> platforms,
                         String publishAt, List<String> coDepartments, String consentId) {

    /** A single-department draft without an authorization. */
    public NewContent(String title, String kind, String department, String text, List<String> platforms,
                      String publishAt) {
        this(title, kind, department, text, platforms, publishAt, null, null);
    }
}
