package org.carepost.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carepost.audit.AuditPageRenderer;
import org.carepost.config.CarePostProperties;
import org.carepost.content.FieldProblem;
import org.carepost.content.InvalidContentException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The governance page for compliance leads and auditors: each chart as SVG, the figures beside it as a table, and
 * the data of every chart as CSV. {@code from}/{@code to}: ISO dates, {@code to} included (default: the last 12 full
 * weeks and this one); {@code department}: one of the configured departments, or all.
 */
@RestController
class AnalyticsPageController {

    static final String READERS = "hasAnyAuthority('GROUP_compliance', 'GROUP_auditors', 'GROUP_camunda-admin')";
    static final List<String> CHARTS = List.of("stages", "escalations", "decisions", "phi", "publications");
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final MediaType SVG = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final Duration MAX_RANGE = Duration.ofDays(366);

    private final GovernanceAnalytics analytics;
    private final AuditPageRenderer pages;
    private final CarePostProperties properties;
    private final Clock clock;
    private final CsvMapper csv = new CsvMapper();

    AnalyticsPageController(GovernanceAnalytics analytics, AuditPageRenderer pages, CarePostProperties properties,
                            Clock clock) {
        this.analytics = analytics;
        this.pages = pages;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/analytics")
    @PreAuthorize(READERS)
    ResponseEntity<String> page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String department) {
        GovernanceAnalytics.Period period = period(from, to, department);
        Map<String, Object> model = new HashMap<>();
        model.put("from", LocalDate.ofInstant(period.from(), ZoneOffset.UTC).toString());
        model.put("to", LocalDate.ofInstant(period.to(), ZoneOffset.UTC).minusDays(1).toString());
        model.put("department", department == null ? "" : department);
        model.put("departments", properties.departments());
        model.put("query", "from=" + model.get("from") + "&to=" + model.get("to")
                + (department == null ? "" : "&department=" + department));
        model.put("stages", analytics.timeInStages(period));
        model.put("escalations", analytics.slaEscalations(period));
        model.put("decisions", analytics.changesAndRejections(period));
        model.put("phi", analytics.phiFindings(period));
        model.put("publications", analytics.publications(period));
        model.put("format", new Format());
        return ResponseEntity.ok().contentType(HTML).body(pages.render("analytics", "page", model));
    }

    @GetMapping("/analytics/chart/{chart}.svg")
    @PreAuthorize(READERS)
    ResponseEntity<String> chart(@PathVariable String chart, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String department) {
        GovernanceAnalytics.Period period = period(from, to, department);
        String svg = switch (known(chart)) {
            case "stages" -> AnalyticsCharts.timeInStages(analytics.timeInStages(period));
            case "escalations" -> AnalyticsCharts.slaEscalations(analytics.slaEscalations(period));
            case "decisions" -> AnalyticsCharts.changesAndRejections(analytics.changesAndRejections(period));
            case "phi" -> AnalyticsCharts.phiFindings(analytics.phiFindings(period));
            default -> AnalyticsCharts.publications(analytics.publications(period));
        };
        return ResponseEntity.ok().contentType(SVG).body(svg);
    }

    @GetMapping("/analytics/data/{chart}.csv")
    @PreAuthorize(READERS)
    ResponseEntity<String> data(@PathVariable String chart, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(required = false) String department) throws JsonProcessingException {
        GovernanceAnalytics.Period period = period(from, to, department);
        List<List<Object>> rows = new ArrayList<>();
        List<String> header = switch (known(chart)) {
            case "stages" -> {
                analytics.timeInStages(period).forEach(r -> rows.add(List.of(r.week().toString(), r.stage(), r.count(),
                        round(r.meanHours()))));
                yield List.of("week", "stage", "count", "mean_hours");
            }
            case "escalations" -> {
                analytics.slaEscalations(period).forEach(r -> rows.add(List.of(r.group(), r.count())));
                yield List.of("review_group", "escalations");
            }
            case "decisions" -> {
                analytics.changesAndRejections(period).forEach(r -> rows.add(List.of(r.kind(), r.changesRequested(),
                        r.rejections())));
                yield List.of("kind", "changes_requested", "rejections");
            }
            case "phi" -> {
                analytics.phiFindings(period).forEach(r -> rows.add(List.of(r.type(), r.found(), r.redacted(),
                        r.covered(), r.dismissed(), r.open(), Double.isNaN(r.dismissalRate()) ? "" : round(r.dismissalRate()))));
                yield List.of("type", "found", "redacted", "covered", "dismissed_not_phi", "open", "dismissal_rate");
            }
            default -> {
                analytics.publications(period).forEach(r -> rows.add(List.of(r.platform(), r.published())));
                yield List.of("platform", "published");
            }
        };
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        header.forEach(schema::addColumn);
        String body = csv.writer(schema.build()).writeValueAsString(rows);
        String name = "carepost-" + chart + "-" + LocalDate.ofInstant(period.from(), ZoneOffset.UTC) + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }

    private static String known(String chart) {
        if (!CHARTS.contains(chart)) {
            throw new InvalidContentException(List.of(new FieldProblem("chart", "one of " + String.join(", ", CHARTS))));
        }
        return chart;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    GovernanceAnalytics.Period period(String from, String to, String department) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate last = to == null ? today : date(to, "to", problems);
        LocalDate first = from == null ? (last == null ? null : GovernanceAnalytics.weekOf(
                last.atStartOfDay().toInstant(ZoneOffset.UTC)).minusWeeks(12)) : date(from, "from", problems);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                problems.add(new FieldProblem("to", "must not be before from"));
            } else if (Duration.between(first.atStartOfDay(), last.plusDays(1).atStartOfDay()).compareTo(MAX_RANGE) > 0) {
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
        return new GovernanceAnalytics.Period(first.atStartOfDay().toInstant(ZoneOffset.UTC),
                last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), department);
    }

    private static LocalDate date(String value, String field, List<FieldProblem> problems) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO date such as 2030-02-01"));
            return null;
        }
    }

    /** Number formats for the template. */
    public static final class Format {
        /** A share as "12.5 %", or "-" when there is nothing to divide. */
        public String percent(double share) {
            return Double.isNaN(share) ? "-" : String.format(java.util.Locale.ROOT, "%.1f %%", share * 100);
        }

        public String hours(double hours) {
            return String.format(java.util.Locale.ROOT, "%.1f", hours);
        }
    }
}
