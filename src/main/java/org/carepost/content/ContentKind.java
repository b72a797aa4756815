package org.carepost.content;

import java.util.Arrays;
import java.util.Optional;

/** What a post is for; routing and consent depend on it. */
public enum ContentKind {
    EDUCATION("education", "Health education"),
    PROMOTION("promotion", "Promotion"),
    TESTIMONIAL("testimonial", "Patient testimonial"),
    CRISIS_UPDATE("crisis-update", "Crisis update"),
    RECRUITING("recruiting", "Recruiting"),
    BEHIND_THE_SCENES("behind-the-scenes", "Behind the scenes"),
    REVIEW_REPLY("review-reply", "Reply to an online review");

    private final String code;
    private final String label;

    ContentKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** As the start form names it. */
    public String label() {
        return label;
    }

    public static Optional<ContentKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(ContentKind::code).toList());
    }
}
