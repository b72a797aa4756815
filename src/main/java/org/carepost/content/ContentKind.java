package org.carepost.content;

import java.util.Arrays;
import java.util.Optional;

/** What a post is for; routing and consent depend on it. */
public enum ContentKind {
    EDUCATION("education"),
    PROMOTION("promotion"),
    TESTIMONIAL("testimonial"),
    CRISIS_UPDATE("crisis-update"),
    RECRUITING("recruiting"),
    BEHIND_THE_SCENES("behind-the-scenes"),
    REVIEW_REPLY("review-reply");

    private final String code;

    ContentKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ContentKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(ContentKind::code).toList());
    }
}
