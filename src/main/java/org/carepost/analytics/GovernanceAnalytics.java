package org.carepost.analytics;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.carepost.phi.PhiFigures;
import org.carepost.publishing.PublicationRecords;
import org.carepost.review.ReviewFigures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How reviews go, for compliance leads and auditors: the figures behind each chart of the governance page, for a
 * period and optionally one department. A read model: aggregate SQL over Camunda's history (how long each stage
 * took, which SLA timers fired) and the counts the modules owning decisions, PHI findings and publications give
 * (review, phi, publishing: their tables stay theirs); counts and durations only, never text, titles or names. Stages are the BPMN ids of content-approval; a compliance lead who renames a
 * task keeps its id.
 */
@Service
public class GovernanceAnalytics {

    /** The stages of a draft, by the BPMN activities that measure them, in the order a draft passes them. */
    static final Map<String, String> STAGES = stages();
    /** The non-interrupting SLA timers of the reviews, by review group. */
    static final Map<String, String> SLA_TIMERS = Map.of(
            "privacyReviewSlaBreached", "privacy", "legalReviewSlaBreached", "legal",
            "medicalReviewSlaBreached", "medical", "brandReviewSlaBreached", "brand",
            "communicationsReviewSlaBreached", "communications");

    private final JdbcTemplate jdbc;
    private final ReviewFigures reviews;
    private final PhiFigures phi;
    private final PublicationRecords publications;

    public GovernanceAnalytics(JdbcTemplate jdbc, ReviewFigures reviews, PhiFigures phi,
                               PublicationRecords publications) {
        this.jdbc = jdbc;
        this.reviews = reviews;
        this.phi = phi;
        this.publications = publications;
    }

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("reviseDraft", "Drafting (revisions)");
        stages.put("resolvePhi", "PHI resolution");
        stages.put("captureAuthorization", "Patient authorization");
        stages.put("privacyReview", "Privacy review");
        stages.put("legalReview", "Legal review");
        stages.put("medicalReview", "Medical review");
        stages.put("brandReview", "Brand review");
        stages.put("communicationsReview", "Communications review");
        stages.put("departmentSignoff", "Department sign-off");
        stages.put("scheduledTimeReached", "Scheduled (approved, waiting)");
        return java.util.Collections.unmodifiableMap(stages);
    }

    /** [from, to) and an optional department (null: all). */
    public record Period(Instant from, Instant to, String department) {
    }

    /** One stage in one week (Monday, UTC): how many ended that week and their mean duration in hours. */
    public record StageWeek(LocalDate week, String stage, long count, double meanHours) {
    }

    public record GroupCount(String group, long count) {
    }

    /** Per content kind: decisions requesting changes and rejections. */
    public record KindDecisions(String kind, long changesRequested, long rejections) {
    }

    /**
     * PHI findings per type, each counted once (a finding carried into a later version is the same finding), and
     * the share of the decided ones the privacy office dismissed as not PHI (NaN when none was decided).
     */
    public record PhiTypeFigures(String type, long found, long redacted, long covered, long dismissed, long open) {
        public double dismissalRate() {
            long decided = redacted + covered + dismissed;
            return decided == 0 ? Double.NaN : dismissed / (double) decided;
        }
    }

    public record PlatformCount(String platform, long published) {
    }

    @Transactional(readOnly = true)
    public List<StageWeek> timeInStages(Period period) {
        Map<LocalDate, Map<String, double[]>> byWeek = new TreeMap<>();
        activities(period, STAGES.keySet(), (activity, start, end) -> {
            double[] sum = byWeek.computeIfAbsent(weekOf(end), w -> new LinkedHashMap<>())
                    .computeIfAbsent(STAGES.get(activity), s -> new double[2]);
            sum[0]++;
            sum[1] += Duration.between(start, end).toMillis() / 3_600_000.0;
        });
        List<StageWeek> result = new ArrayList<>();
        byWeek.forEach((week, stages) -> STAGES.values().forEach(stage -> {
            double[] sum = stages.get(stage);
            if (sum != null) {
                result.add(new StageWeek(week, stage, (long) sum[0], sum[1] / sum[0]));
            }
        }));
        return result;
    }

    @Transactional(readOnly = true)
    public List<GroupCount> slaEscalations(Period period) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        SLA_TIMERS.values().stream().sorted().forEach(group -> counts.put(group, new long[1]));
        activities(period, SLA_TIMERS.keySet(), (activity, start, end) -> counts.get(SLA_TIMERS.get(activity))[0]++);
        return counts.entrySet().stream().map(e -> new GroupCount(e.getKey(), e.getValue()[0])).toList();
    }

    @Transactional(readOnly = true)
    public List<KindDecisions> changesAndRejections(Period period) {
        Map<String, long[]> counts = new TreeMap<>();
        for (ReviewFigures.KindDecisionCount row : reviews.changesAndRejections(period.from(), period.to(),
                period.department())) {
            long[] kind = counts.computeIfAbsent(row.kind(), k -> new long[2]);
            kind["changes".equals(row.decision()) ? 0 : 1] += row.count();
        }
        return counts.entrySet().stream()
                .map(e -> new KindDecisions(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    @Transactional(readOnly = true)
    public List<PhiTypeFigures> phiFindings(Period period) {
        Map<String, long[]> counts = new TreeMap<>();
        for (PhiFigures.TypeStatusCount row : phi.findings(period.from(), period.to(), period.department())) {
            long[] type = counts.computeIfAbsent(row.type(), t -> new long[4]);
            int slot = switch (row.status()) {
                case "REDACTED" -> 0;
                case "COVERED_BY_AUTHORIZATION" -> 1;
                case "DISMISSED_NOT_PHI" -> 2;
                default -> 3;
            };
            type[slot] += row.count();
        }
        return counts.entrySet().stream().map(e -> {
            long[] c = e.getValue();
            return new PhiTypeFigures(e.getKey(), c[0] + c[1] + c[2] + c[3], c[0], c[1], c[2], c[3]);
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<PlatformCount> publications(Period period) {
        return publications.publishedPerPlatform(period.from(), period.to(), period.department()).entrySet().stream()
                .map(e -> new PlatformCount(e.getKey(), e.getValue())).toList();
    }

    private interface ActivityRow {
        void accept(String activity, Instant start, Instant end);
    }

    /** Ended activity instances of the given BPMN ids in the period, of drafts (business key = content id). */
    private void activities(Period period, java.util.Set<String> activityIds, ActivityRow row) {
        String ids = String.join(",", java.util.Collections.nCopies(activityIds.size(), "?"));
        List<Object> args = new ArrayList<>(List.of(arguments(period)));
        args.addAll(2, activityIds);
        jdbc.query("select a.ACT_ID_, a.START_TIME_, a.END_TIME_ from ACT_HI_ACTINST a"
                        + " join ACT_HI_PROCINST p on p.PROC_INST_ID_ = a.PROC_INST_ID_"
                        + " join content_item c on cast(c.id as varchar(64)) = p.BUSINESS_KEY_"
                        + " where a.END_TIME_ >= ? and a.END_TIME_ < ? and a.ACT_ID_ in (" + ids + ")" + department(period),
                rs -> {
                    Timestamp start = rs.getTimestamp(2);
                    Timestamp end = rs.getTimestamp(3);
                    row.accept(rs.getString(1), start.toInstant(), end.toInstant());
                }, args.toArray());
    }

    private static String department(Period period) {
        return period.department() == null ? "" : " and c.department = ?";
    }

    private static Object[] arguments(Period period) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(period.from()), Timestamp.from(period.to())));
        if (period.department() != null) {
            args.add(period.department());
        }
        return args.toArray();
    }

    /** The Monday (UTC) of the week an instant falls in. */
    static LocalDate weekOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
