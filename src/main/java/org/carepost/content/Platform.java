package org.carepost.content;

import java.util.Arrays;
import java.util.Optional;

/** The networks CarePost can publish to. */
public enum Platform {
    FACEBOOK("facebook"),
    INSTAGRAM("instagram"),
    LINKEDIN("linkedin"),
    X("x"),
    MASTODON("mastodon"),
    WEBHOOK("webhook");

    private final String code;

    Platform(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Platform> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Platform::code).toList());
    }
}
