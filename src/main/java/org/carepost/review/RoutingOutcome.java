package org.carepost.review;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the routing decision means for one version: the reviews, the departments whose heads sign off, the review
 * SLA and whether the post goes out as soon as it is approved. Combines the rows of a COLLECT decision table as its
 * description says: every named review; "each department" over "author's department" over "none"; the shortest
 * SLA; "immediately" over "at scheduled time".
 */
public record RoutingOutcome(Set<ReviewKind> reviews, List<String> signoffDepartments, String sla,
                             boolean publishImmediately) {

    public static final String DEFAULT_SLA = "P2D";
    public static final String SIGNOFF_AUTHOR = "author's department";
    public static final String SIGNOFF_EACH = "each department";
    public static final String SIGNOFF_NONE = "none";
    public static final String PUBLISH_IMMEDIATELY = "immediately";

    public static RoutingOutcome combine(List<Map<String, Object>> rows, String department, List<String> coDepartments) {
        Set<ReviewKind> reviews = EnumSet.noneOf(ReviewKind.class);
        String signoff = null;
        String sla = null;
        boolean immediately = false;
        for (Map<String, Object> row : rows) {
            Object review = row.get("review");
            if (review != null && !review.toString().isBlank()) {
                reviews.add(ReviewKind.forReviewCode(review.toString().strip()).orElseThrow(() ->
                        new IllegalArgumentException("The routing decision names an unknown review: " + review
                                + " (known: privacy, legal, medical, brand, communications)")));
            }
            Object s = row.get("signoff");
            if (s != null && !s.toString().isBlank()) {
                signoff = stronger(signoff, s.toString().strip());
            }
            Object d = row.get("sla");
            if (d != null && !d.toString().isBlank()) {
                sla = shorter(sla, d.toString().strip());
            }
            Object p = row.get("publication");
            immediately |= p != null && PUBLISH_IMMEDIATELY.equals(p.toString().strip());
        }
        if (reviews.isEmpty()) {
            throw new IllegalStateException("The routing decision routed no review; every post needs at least one.");
        }
        List<String> departments = new ArrayList<>();
        if (signoff == null || SIGNOFF_AUTHOR.equals(signoff)) {
            departments.add(department);
        } else if (SIGNOFF_EACH.equals(signoff)) {
            departments.add(department);
            coDepartments.stream().filter(d -> !departments.contains(d)).forEach(departments::add);
        }
        return new RoutingOutcome(reviews, List.copyOf(departments), sla == null ? DEFAULT_SLA : sla, immediately);
    }

    private static String stronger(String current, String next) {
        if (!List.of(SIGNOFF_AUTHOR, SIGNOFF_EACH, SIGNOFF_NONE).contains(next)) {
            throw new IllegalArgumentException("The routing decision names an unknown sign-off: " + next);
        }
        if (current == null) {
            return next;
        }
        return rank(next) > rank(current) ? next : current;
    }

    private static int rank(String signoff) {
        return switch (signoff) {
            case SIGNOFF_EACH -> 2;
            case SIGNOFF_AUTHOR -> 1;
            default -> 0;
        };
    }

    private static String shorter(String current, String next) {
        Duration parsed;
        try {
            parsed = Duration.parse(next);
        } catch (DateTimeParseException e) {
            // Durations in days (P2D) parse too; P1W/P1M would not, and the timer needs an exact span.
            throw new IllegalArgumentException("The routing decision's SLA is not an ISO-8601 duration like PT1H or P2D: " + next);
        }
        return current == null || parsed.compareTo(Duration.parse(current)) < 0 ? next : current;
    }

    /** The comma-separated sign-off departments, the form the process variable takes. */
    public String signoffDepartmentsValue() {
        return String.join(",", signoffDepartments);
    }

    public String reviewsValue() {
        return String.join(",", reviews.stream().map(ReviewKind::code).toList());
    }
}
