package org.carepost.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The canonical JSON of an audit row, whose SHA-256 is the row's hash. Precisely:
 * <ul>
 *   <li>one JSON object, no whitespace, these members in this order: {@code seq, occurredAt, actor, action,
 *       contentId, versionHash, consentId, decision, comment, processInstanceId, taskId, prevHash};</li>
 *   <li>{@code seq} a JSON number; every other member a JSON string, or the literal {@code null} when absent
 *       (never omitted);</li>
 *   <li>{@code occurredAt} in UTC as {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} (always six fraction digits; instants
 *       are truncated to microseconds before they are stored, as PostgreSQL keeps microseconds);</li>
 *   <li>{@code contentId} the lower-case UUID form; hashes lower-case hex;</li>
 *   <li>strings escape only {@code "} as {@code \"}, {@code \} as {@code \\} and characters below U+0020 as
 *       {@code \}{@code u00xx} (lower-case hex); everything else is written as is;</li>
 *   <li>the hash is the lower-case hex SHA-256 of the object's UTF-8 bytes; the first row's {@code prevHash} is
 *       64 zeros.</li>
 * </ul>
 * Because {@code prevHash} is inside the hashed text, changing, removing or reordering any row breaks every link
 * after it.
 */
public final class AuditCanonical {

    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditCanonical() {
    }

    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static String instant(Instant instant) {
        return appendInstant(new StringBuilder(27), instant).toString();
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} in UTC, written by hand: the verifier does this a million times. */
    private static StringBuilder appendInstant(StringBuilder out, Instant instant) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return out.append(INSTANT.format(instant));
        }
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        return pad(out, t.getNano() / 1000, 6).append('Z');
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }

    public static String json(AuditRecord r) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"seq\":").append(r.seq());
        appendInstant(out.append(",\"occurredAt\":\""), r.occurredAt()).append('"');
        member(out, "actor", r.actor());
        member(out, "action", r.action());
        member(out, "contentId", r.contentId() == null ? null : r.contentId().toString());
        member(out, "versionHash", r.versionHash());
        member(out, "consentId", r.consentId());
        member(out, "decision", r.decision());
        member(out, "comment", r.comment());
        member(out, "processInstanceId", r.processInstanceId());
        member(out, "taskId", r.taskId());
        member(out, "prevHash", r.prevHash());
        return out.append('}').toString();
    }

    /** The hash the row must carry: SHA-256 of {@link #json}. */
    public static String hash(AuditRecord r) {
        return sha256(json(r));
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    static String sha256(String text) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void member(StringBuilder out, String name, String value) {
        out.append(",\"").append(name).append("\":");
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
