package org.carepost.auditor;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carepost.content.ContentKind;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditor's list as the URL states it ({@code /audit?from=&to=&tz=&department=&status=&kind=&sort=&dir=&size=&page=}):
 * parsed and checked here, so a bad parameter is a sentence (400) and a good link can be shared as it is. Every
 * parameter is optional; an empty one counts as absent (the filter form sends empty fields).
 *
 * @param from       first day of the period (creation of the draft), in {@code zone}
 * @param to         last day of the period, included
 * @param zone       the zone the days are counted in (the viewer's, filled in by the page's script; UTC otherwise)
 * @param department a department code
 * @param status     what the draft waits for, or where it ended
 * @param kind       a content kind
 * @param page       1 for the first page
 */
public record AuditListQuery(LocalDate from, LocalDate to, ZoneId zone, String department, DraftStage status,
                             ContentKind kind, Sort sort, boolean ascending, int size, int page) {

    public static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);
    public static final int DEFAULT_SIZE = 25;

    /** The columns the list sorts by. */
    public enum Sort {
        TIME("time"), TITLE("title"), STATUS("status");

        private final String code;

        Sort(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A parameter the list cannot use; the message is the sentence the auditor reads. */
    public static class BadParameter extends RuntimeException {
        private final String field;

        public BadParameter(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The parameter that cannot be used, so a client's problem names it as the API's problems do. */
        public String field() {
            return field;
        }
    }

    /** Parses the request's parameters; {@code departments} are the codes a draft may carry. */
    public static AuditListQuery parse(Map<String, String> params, List<String> departments) {
        LocalDate from = date(params, "from");
        LocalDate to = date(params, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadParameter("to", "The period is empty: from (" + from + ") is after to (" + to + ").");
        }
        ZoneId zone = ZoneOffset.UTC;
        String tz = value(params, "tz");
        if (tz != null) {
            try {
                zone = ZoneId.of(tz).normalized();
            } catch (DateTimeException e) {
                throw new BadParameter("tz", "tz must be a time zone such as Europe/Paris or UTC.");
            }
        }
        String department = value(params, "department");
        if (department != null && !departments.contains(department)) {
            throw new BadParameter("department", "department must be one of: " + String.join(", ", departments) + ".");
        }
        String statusCode = value(params, "status");
        DraftStage status = statusCode == null ? null : DraftStage.fromCode(statusCode).orElseThrow(() ->
                new BadParameter("status", "status must be one of: " + DraftStage.codes() + "."));
        String kindCode = value(params, "kind");
        ContentKind kind = kindCode == null ? null : ContentKind.fromCode(kindCode).orElseThrow(() ->
                new BadParameter("kind", "kind must be one of: " + ContentKind.codes() + "."));
        String sortCode = Optional.ofNullable(value(params, "sort")).orElse(Sort.TIME.code());
        Sort sort = java.util.Arrays.stream(Sort.values()).filter(s -> s.code().equals(sortCode)).findFirst()
                .orElseThrow(() -> new BadParameter("sort", "sort must be time, title or status."));
        String dir = Optional.ofNullable(value(params, "dir")).orElse(sort == Sort.TIME ? "desc" : "asc");
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw new BadParameter("dir", "dir must be asc or desc.");
        }
        int size = number(params, "size", DEFAULT_SIZE, "size must be one of 10, 25, 50, 100.");
        if (!PAGE_SIZES.contains(size)) {
            throw new BadParameter("size", "size must be one of 10, 25, 50, 100.");
        }
        int page = number(params, "page", 1, "page must be a whole number from 1 up.");
        if (page < 1) {
            throw new BadParameter("page", "page must be a whole number from 1 up.");
        }
        return new AuditListQuery(from, to, zone, department, status, kind, sort, dir.equals("asc"), size, page);
    }

    /** The zone's name as the URL carries it ("Europe/Paris", "UTC"). */
    public String zoneName() {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** Start of the period (inclusive), or null. */
    public Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /** End of the period (exclusive: the day after {@code to} begins), or null. */
    public Instant toInstant() {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    /** This list on another page. */
    public String pageLink(int otherPage) {
        return link(sort, ascending, otherPage);
    }

    /** This list sorted by a column: ascending first, the other way round when it is already sorted by it. */
    public String sortLink(String column) {
        Sort by = Sort.valueOf(column.toUpperCase(java.util.Locale.ROOT));
        boolean asc = by == sort ? !ascending : by != Sort.TIME;
        return link(by, asc, 1);
    }

    /** "▲" or "▼" next to the column the list is sorted by, else "". */
    public String sortMark(String column) {
        return sort.code().equals(column) ? (ascending ? " \u25B2" : " \u25BC") : "";
    }

    public String link() {
        return link(sort, ascending, page);
    }

    private String link(Sort by, boolean asc, int onPage) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/audit");
        parameters(by, asc, onPage).forEach(uri::queryParam);
        return uri.encode().build().toUriString();
    }

    /** The parameters that differ from the defaults, in a fixed order. */
    private Map<String, Object> parameters(Sort by, boolean asc, int onPage) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (from != null) {
            out.put("from", from);
        }
        if (to != null) {
            out.put("to", to);
        }
        if ((from != null || to != null) && !zone.equals(ZoneOffset.UTC)) {
            out.put("tz", zoneName());
        }
        if (department != null) {
            out.put("department", department);
        }
        if (status != null) {
            out.put("status", status.code());
        }
        if (kind != null) {
            out.put("kind", kind.code());
        }
        if (by != Sort.TIME || asc) {
            out.put("sort", by.code());
            out.put("dir", asc ? "asc" : "desc");
        }
        if (size != DEFAULT_SIZE) {
            out.put("size", size);
        }
        if (onPage != 1) {
            out.put("page", onPage);
        }
        return out;
    }

    /** The filters in words, for the page's heading ("Cardiology, waiting for privacy review, 1-31 Mar 2026"). */
    public List<String> describe() {
        List<String> parts = new ArrayList<>();
        if (department != null) {
            parts.add(AuditItemList.departmentLabel(department));
        }
        if (status != null) {
            parts.add(status.label());
        }
        if (kind != null) {
            parts.add(kind.label());
        }
        if (from != null || to != null) {
            parts.add("submitted " + (from == null ? "" : "from " + from + " ") + (to == null ? "" : "to " + to + " ")
                    + "(" + zoneName() + ")");
        }
        return parts;
    }

    private static String value(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static LocalDate date(Map<String, String> params, String name) {
        String v = value(params, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, name + " must be a date like 2026-03-01.");
        }
    }

    private static int number(Map<String, String> params, String name, int otherwise, String problem) {
        String v = value(params, name);
        if (v == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadParameter(name, problem);
        }
    }
}
