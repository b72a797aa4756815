package org.carepost.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The governance figures from a seeded history: two drafts in March 2001 (a period no other test writes to), with
 * activity instances in Camunda's history and decisions, findings and publications in our tables, written here
 * row by row so that every expected number can be counted by hand.
 */
@PostgresApplicationTest
class GovernanceAnalyticsPostgresTest {

    private static final String PERIOD = "from=2001-03-05&to=2001-03-18";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GovernanceAnalytics analytics;

    ApiClient api;
    GovernanceAnalytics.Period all;
    GovernanceAnalytics.Period cardiology;

    @BeforeEach
    void seed() {
        api = new ApiClient(port);
        all = new GovernanceAnalytics.Period(Instant.parse("2001-03-05T00:00:00Z"), Instant.parse("2001-03-19T00:00:00Z"), null);
        cardiology = new GovernanceAnalytics.Period(all.from(), all.to(), "cardiology");
        if (jdbc.queryForObject("select count(*) from content_item where created_at < '2001-12-31'", Long.class) > 0) {
            return; // seeded by an earlier test method in this context
        }
        UUID a = item("cardiology", "education");
        UUID b = item("oncology", "testimonial");
        String pa = process(a);
        String pb = process(b);
        activity(pa, "privacyReview", "userTask", "2001-03-05T09:00:00Z", "2001-03-05T13:00:00Z");
        activity(pa, "legalReview", "userTask", "2001-03-06T10:00:00Z", "2001-03-06T12:00:00Z");
        activity(pa, "privacyReviewSlaBreached", "boundaryTimer", "2001-03-07T09:00:00Z", "2001-03-07T09:00:00Z");
        activity(pa, "brandReview", "userTask", "2001-03-06T10:00:00Z", null); // still open: not counted
        activity(pb, "privacyReview", "userTask", "2001-03-06T08:00:00Z", "2001-03-06T16:00:00Z");
        activity(pb, "resolvePhi", "userTask", "2001-03-13T09:00:00Z", "2001-03-13T10:30:00Z");
        activity(pb, "legalReviewSlaBreached", "boundaryTimer", "2001-03-13T11:00:00Z", "2001-03-13T11:00:00Z");
        activity(pb, "privacyReview", "userTask", "2001-02-26T09:00:00Z", "2001-02-26T10:00:00Z"); // before the period

        decision(a, "legal", "changes", "2001-03-06T12:00:00Z");
        decision(a, "privacy", "approve", "2001-03-05T13:00:00Z");
        decision(b, "privacy", "reject", "2001-03-13T12:00:00Z");

        long name = finding(b, "NAME", "REDACTED", null, null);
        finding(b, "NAME", "DISMISSED_NOT_PHI", "staff member in her role", null);
        finding(b, "GEO", "OPEN", null, null);
        finding(b, "NAME", "REDACTED", null, name); // the same finding carried into version 2: counted once
        finding(a, "PHONE", "REDACTED", null, null);

        publication(a, "facebook", "PUBLISHED", "2001-03-08T09:00:00Z");
        publication(a, "x", "PUBLISHED", "2001-03-08T09:00:00Z");
        publication(a, "mastodon", "FAILED", null);
        publication(b, "facebook", "PUBLISHED", "2001-03-14T09:00:00Z");
    }

    @Test
    void eachChartsFiguresAreCountedFromTheSeededHistory() {
        assertThat(analytics.timeInStages(all)).containsExactly(
                new GovernanceAnalytics.StageWeek(LocalDate.parse("2001-03-05"), "Privacy review", 2, 6.0),
                new GovernanceAnalytics.StageWeek(LocalDate.parse("2001-03-05"), "Legal review", 1, 2.0),
                new GovernanceAnalytics.StageWeek(LocalDate.parse("2001-03-12"), "PHI resolution", 1, 1.5));
        assertThat(analytics.timeInStages(cardiology)).containsExactly(
                new GovernanceAnalytics.StageWeek(LocalDate.parse("2001-03-05"), "Privacy review", 1, 4.0),
                new GovernanceAnalytics.StageWeek(LocalDate.parse("2001-03-05"), "Legal review", 1, 2.0));

        assertThat(analytics.slaEscalations(all)).extracting(r -> r.group() + "=" + r.count())
                .containsExactly("brand=0", "communications=0", "legal=1", "medical=0", "privacy=1");
        assertThat(analytics.slaEscalations(cardiology)).extracting(r -> r.group() + "=" + r.count())
                .containsExactly("brand=0", "communications=0", "legal=0", "medical=0", "privacy=1");

        assertThat(analytics.changesAndRejections(all)).containsExactly(
                new GovernanceAnalytics.KindDecisions("education", 1, 0),
                new GovernanceAnalytics.KindDecisions("testimonial", 0, 1));

        List<GovernanceAnalytics.PhiTypeFigures> phi = analytics.phiFindings(all);
        assertThat(phi).containsExactly(
                new GovernanceAnalytics.PhiTypeFigures("GEO", 1, 0, 0, 0, 1),
                new GovernanceAnalytics.PhiTypeFigures("NAME", 2, 1, 0, 1, 0),
                new GovernanceAnalytics.PhiTypeFigures("PHONE", 1, 1, 0, 0, 0));
        assertThat(phi.get(1).dismissalRate()).isEqualTo(0.5);
        assertThat(phi.get(0).dismissalRate()).isNaN();
        assertThat(analytics.phiFindings(cardiology)).extracting(GovernanceAnalytics.PhiTypeFigures::type)
                .containsExactly("PHONE");

        assertThat(analytics.publications(all)).extracting(r -> r.platform() + "=" + r.published())
                .containsExactly("facebook=2", "x=1");
    }

    @Test
    void compliancePageChartsAndCsvForComplianceAndAuditorsOnly() {
        ApiClient.Reply page = api.get("/analytics?" + PERIOD, "cora");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("How reviews go", "Time in each stage", "SLA escalations per review group",
                        "PHI findings per type", "Publications per platform",
                        "<td>2001-03-05</td><td>Privacy review</td><td class=\"n\">2</td><td class=\"n\">6.0</td>",
                        "<td>NAME</td><td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">1</td>"
                                + "<td class=\"n\">0</td><td class=\"n\">50.0 %</td>",
                        "src=\"/analytics/chart/stages.svg?from=2001-03-05&amp;to=2001-03-18\"")
                .doesNotContain("staff member in her role");
        assertThat(api.get("/analytics?" + PERIOD + "&department=oncology", "audrey").body())
                .contains("<td>testimonial</td><td class=\"n\">0</td><td class=\"n\">1</td>")
                .doesNotContain("<td>education</td>");

        for (String chart : AnalyticsPageController.CHARTS) {
            ApiClient.Reply svg = api.get("/analytics/chart/" + chart + ".svg?" + PERIOD, "cora");
            assertThat(svg.status()).as(chart).isEqualTo(200);
            assertThat(svg.body()).as(chart).contains("<svg");
        }
        assertThat(api.get("/analytics/chart/stages.svg?from=1990-01-01&to=1990-01-07", "cora").body())
                .contains("nothing in this period");

        assertThat(api.get("/analytics/data/phi.csv?" + PERIOD, "cora").body()).isEqualTo(
                "type,found,redacted,covered,dismissed_not_phi,open,dismissal_rate\n"
                        + "GEO,1,0,0,0,1,\nNAME,2,1,0,1,0,0.5\nPHONE,1,1,0,0,0,0.0\n");
        assertThat(api.get("/analytics/data/stages.csv?" + PERIOD + "&department=cardiology", "audrey").body()).isEqualTo(
                "week,stage,count,mean_hours\n2001-03-05,\"Privacy review\",1,4.0\n2001-03-05,\"Legal review\",1,2.0\n");

        assertThat(api.get("/analytics?" + PERIOD, "alice").status()).isEqualTo(403);
        assertThat(api.get("/analytics/data/phi.csv?" + PERIOD, "pat").status()).isEqualTo(403);
        assertThat(api.get("/analytics?" + PERIOD, null).status()).isEqualTo(401);
        ApiClient.Reply bad = api.get("/analytics?from=March&department=radiology", "cora");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("from", "department").doesNotContain("March", "radiology\"");
        assertThat(api.get("/analytics/chart/secrets.svg", "cora").status()).isEqualTo(400);
    }

    private UUID item(String department, String kind) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into content_item (id, title, kind, department, author, status, publish_at, created_at,"
                        + " current_version_no) values (?, 'seeded', ?, ?, 'alice', 'PUBLISHED', ?, ?, 1)",
                id, kind, department, at("2001-03-08T09:00:00Z"), at("2001-03-01T09:00:00Z"));
        return id;
    }

    private String process(UUID contentId) {
        String id = "seed-" + UUID.randomUUID();
        jdbc.update("insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_, START_TIME_)"
                + " values (?, ?, ?, 'content-approval:seed', ?)", id, id, contentId.toString(), at("2001-03-01T09:00:00Z"));
        return id;
    }

    private void activity(String process, String activity, String type, String start, String end) {
        String id = "seed-" + UUID.randomUUID();
        jdbc.update("insert into ACT_HI_ACTINST (ID_, PROC_DEF_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, ACT_TYPE_,"
                        + " START_TIME_, END_TIME_) values (?, 'content-approval:seed', ?, ?, ?, ?, ?, ?)",
                id, process, process, activity, type, at(start), end == null ? null : at(end));
    }

    private void decision(UUID contentId, String review, String decision, String at) {
        jdbc.update("insert into approval (content_id, version_no, version_hash, review, reviewer, decision, decided_at)"
                + " values (?, 1, 'seed', ?, 'seed', ?, ?)", contentId, review, decision, at(at));
    }

    private long finding(UUID contentId, String type, String status, String reason, Long carriedFrom) {
        jdbc.update("insert into phi_finding (content_id, version_no, start_offset, end_offset, phi_type, status, reason,"
                        + " found_at, carried_from) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", contentId, carriedFrom == null ? 1 : 2,
                (int) (Math.random() * 100_000), 100_001, type, status, reason, at("2001-03-06T09:00:00Z"), carriedFrom);
        return jdbc.queryForObject("select max(id) from phi_finding", Long.class);
    }

    private void publication(UUID contentId, String platform, String status, String publishedAt) {
        jdbc.update("insert into publication (content_id, version_no, version_hash, platform, account, idempotency_key,"
                        + " status, created_at, published_at, attempts, in_flight) values (?, 1, 'seed', ?, 'default', ?, ?, ?, ?,"
                        + " 1, false)", contentId, platform, "seed-" + UUID.randomUUID(), status, at("2001-03-08T08:00:00Z"),
                publishedAt == null ? null : at(publishedAt));
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
