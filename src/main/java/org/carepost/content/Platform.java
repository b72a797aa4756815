package org.carepost.content;

import java.util.Arrays;
import java.util.Optional;

/** The networks CarePost can publish to. */
public enum Platform {
    FACEBOOK("facebook", "Facebook"),
    INSTAGRAM("instagram", "Instagram"),
    LINKEDIN("linkedin", "LinkedIn"),
    X("x", "X"),
    MASTODON("mastodon", "Mastodon"),
    WEBHOOK("webhook", "Webhook");

    private final String code;
    private final String label;

    Platform(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Platform> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Platform::code).toList());
    }
}
