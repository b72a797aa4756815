package org.carepost.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

public final class Hashing {

    private Hashing() {
    }

    /**
     * The hash that identifies a version: it covers the text and the text as rendered for each target platform.
     * Without renderings it is the SHA-256 of the text. With renderings it is the SHA-256 of the UTF-8 bytes of
     * {@code text}, then for each platform in code order {@code "\n\u0000rendering:" + platform + ":" +
     * sha256(rendering)}. Changing the text or any rendering changes the hash, so an approval bound to it covers
     * exactly what goes out on every network.
     */
    public static String versionHash(String text, java.util.Map<String, String> renderings) {
        if (renderings == null || renderings.isEmpty()) {
            return sha256(text);
        }
        StringBuilder canonical = new StringBuilder(text);
        new java.util.TreeMap<>(renderings).forEach((platform, rendering) -> canonical.append("\n\u0000rendering:")
                .append(platform).append(':').append(sha256(rendering)));
        return sha256(canonical.toString());
    }

    /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
