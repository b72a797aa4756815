package org.carepost.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.carepost.config.CarePostProperties;
import org.carepost.content.FieldProblem;
import org.carepost.content.InvalidContentException;
import org.carepost.publishing.ContentCalendar;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The content calendar for any logged-in user: titles, times, statuses and links of scheduled and published posts,
 * never their texts. {@code from}/{@code to}: ISO dates ({@code 2030-02-01}, UTC midnight) or date-times with offset;
 * default the next 30 days; at most 366 days.
 */
@RestController
@RequestMapping("/api")
public class CalendarController {

    static final Duration MAX_RANGE = Duration.ofDays(366);

    private final ContentCalendar calendar;
    private final CarePostProperties properties;

    public CalendarController(ContentCalendar calendar, CarePostProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    @GetMapping(value = "/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ContentCalendar.Entry> json(@RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            @RequestParam(required = false) String department) {
        Range range = range(from, to, department);
        return calendar.between(range.from(), range.to(), department);
    }

    @GetMapping(value = "/calendar.ics", produces = "text/calendar")
    public ResponseEntity<String> ics(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String department) {
        Range range = range(from, to, department);
        String body = calendar.ics(calendar.between(range.from(), range.to(), department),
                department == null ? "all departments" : department);
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }

    record Range(Instant from, Instant to) {
    }

    private Range range(String from, String to, String department) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant start = from == null ? LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC)
                : instant(from, "from", problems);
        Instant end = to == null ? (start == null ? null : start.plus(Duration.ofDays(30))) : instant(to, "to", problems);
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                problems.add(new FieldProblem("to", "must be after from"));
            } else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
                problems.add(new FieldProblem("to", "at most 366 days after from"));
            }
        }
        if (department != null && !properties.departments().contains(department)) {
            problems.add(new FieldProblem("department", "unknown department; one of: "
                    + String.join(", ", properties.departments())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        return new Range(start, end);
    }

    private static Instant instant(String value, String field, List<FieldProblem> problems) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO date (2030-02-01) or date-time with offset"));
            return null;
        }
    }
}
