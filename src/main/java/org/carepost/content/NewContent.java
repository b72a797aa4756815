package org.carepost.content;

import java.util.List;

/**
 * A draft as submitted: raw values, validated by {@link ContentService}. {@code consentId} optionally names the
 * patient's authorization the draft is published under (testimonials); without it, consent capture asks for one.
 */
public record NewContent(String title, String kind, String department, String text, List<String> platforms,
                         String publishAt, String consentId) {

    /** A draft without an authorization (existing callers). */
    public NewContent(String title, String kind, String department, String text, List<String> platforms,
                      String publishAt) {
        this(title, kind, department, text, platforms, publishAt, null);
    }
}
