package org.carepost.review;

import java.util.Arrays;
import java.util.Optional;

/** The task completion contract: every review and sign-off ends with one of these. */
public enum Decision {
    APPROVE("approve"),
    CHANGES("changes"),
    REJECT("reject");

    private final String code;

    Decision(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Decision> fromCode(Object code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
