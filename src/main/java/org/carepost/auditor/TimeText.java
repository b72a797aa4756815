package org.carepost.auditor;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Times on the auditor's pages: to the second, in UTC, as a {@code <time datetime>} element's attribute and text;
 * the pages' script ({@code /audit/local-time.js}) rewrites the text into the viewer's time zone.
 */
public final class TimeText {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** For the {@code datetime} attribute: ISO-8601 in UTC, to the second ("2026-03-01T09:15:02Z"). */
    public String iso(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** What the page shows without its script ("2026-03-01 09:15:02 UTC"). */
    public String text(Instant at) {
        return at == null ? "" : TEXT.format(at);
    }
}
