package org.carepost.process.engine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Lists of models in audit comments: an audit comment holds at most 4,000 characters, so a long list goes into
 * several comments, each starting with the same head.
 */
public final class AuditComments {

    static final int MAX_COMMENT = 3900;

    private AuditComments() {
    }

    /** {@code head + line; line; ...}, split so that no comment exceeds the column (a single overlong line is cut). */
    public static List<String> split(String head, List<String> lines) {
        List<String> comments = new ArrayList<>();
        StringBuilder comment = new StringBuilder(head);
        for (String line : lines) {
            if (comment.length() > head.length() && comment.length() + line.length() + 2 > MAX_COMMENT) {
                comments.add(comment.toString());
                comment = new StringBuilder(head);
            }
            comment.append(comment.length() > head.length() ? "; " : "").append(line);
        }
        comments.add(comment.length() > MAX_COMMENT ? comment.substring(0, MAX_COMMENT) : comment.toString());
        return comments;
    }

    /** Lower-case hex SHA-256 of a model's exact bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
