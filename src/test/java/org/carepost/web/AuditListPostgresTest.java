package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auditor's list (/audit) on seeded drafts ({@link AuditSeed}): filters by period (in a time zone), department,
 * status and kind; pages with a total; sorts by time, title and status; says what each draft waits for; answers a
 * bad parameter with a sentence; and is closed to everybody but auditors, as is the webapps' header link.
 */
@PostgresApplicationTest
class AuditListPostgresTest {

    private static final Pattern ROW = Pattern.compile(
            "<tr><td><time datetime=\"([^\"]+)\">([^<]+)</time></td>\\s*<td><a href=\"/audit/content/([0-9a-f-]+)\">([^<]+)</a></td>"
                    + "<td>([^<]*)</td>\\s*<td>([^<]*)</td><td>([^<]*)</td>\\s*<td class=\"status status-([a-z-]+)\">([^<]*)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    AuditSeed.Seeded seed;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        seed = AuditSeed.seed(api, jdbc);
    }

    record Row(String iso, String shown, UUID id, String title, String kind, String department, String author,
               String statusCode, String status) {
    }

    /** The list as audrey sees it with these parameters (after the seeded period). */
    List<Row> rows(String html) {
        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            rows.add(new Row(m.group(1), m.group(2), UUID.fromString(m.group(3)), m.group(4), m.group(5), m.group(6),
                    m.group(7), m.group(8), m.group(9).strip()));
        }
        return rows;
    }

    String period() {
        return "from=" + seed.base() + "&to=" + seed.base().plusDays(10);
    }

    ApiClient.Reply list(String query) {
        ApiClient.Reply reply = api.get("/audit?" + query, "audrey");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    List<String> titles(String query) {
        return rows(list(query).body()).stream().map(Row::title).toList();
    }

    @Test
    void thePeriodPagesWithATotalNewestFirst() {
        ApiClient.Reply first = list(period() + "&size=10");
        List<Row> page1 = rows(first.body());
        assertThat(page1).hasSize(10);
        assertThat(first.body()).contains("Items 1–10 of 16").contains("page 1 of 2");
        // Newest first: the last created of the base day leads; times to the second, in UTC, as <time datetime>.
        assertThat(page1.get(0).title()).isEqualTo("Post with changes requested");
        assertThat(page1.get(0).iso()).isEqualTo(seed.base() + "T09:15:00Z");
        assertThat(page1.get(0).shown()).isEqualTo(seed.base() + " 09:15:00 UTC");
        // The next page keeps the filter and the size in its link; the previous page comes back.
        String next = "/audit?from=" + seed.base() + "&amp;to=" + seed.base().plusDays(10) + "&amp;size=10&amp;page=2";
        assertThat(first.body()).contains("id=\"next\" href=\"" + next + "\"").doesNotContain("id=\"previous\"");
        ApiClient.Reply second = list(period() + "&size=10&page=2");
        List<Row> page2 = rows(second.body());
        assertThat(page2).hasSize(6);
        assertThat(second.body()).contains("Items 11–16 of 16").contains("id=\"previous\"").doesNotContain("id=\"next\"");
        assertThat(page2.get(5).title()).isEqualTo("Cardiology post 01");
        assertThat(page1.stream().map(Row::id)).doesNotContainAnyElementsOf(page2.stream().map(Row::id).toList());
        // Past the last page: an empty page that says so, not an error.
        assertThat(list(period() + "&size=10&page=3").body()).contains("No content items");
    }

    @Test
    void filtersByDepartmentStatusAndKind() {
        assertThat(titles(period() + "&department=oncology")).containsExactly("Oncology promotion 3",
                "Oncology promotion 2", "Oncology promotion 1");
        assertThat(titles(period() + "&kind=promotion&department=cardiology")).isEmpty();
        assertThat(titles(period() + "&kind=testimonial")).containsExactly("Testimonial awaiting authorization");
        assertThat(titles(period() + "&status=authorization")).containsExactly("Testimonial awaiting authorization");
        assertThat(titles(period() + "&status=revision")).containsExactly("Post with changes requested");
        List<String> privacy = titles(period() + "&department=cardiology&status=privacy-review&size=25");
        assertThat(privacy).hasSize(AuditSeed.CARDIOLOGY_IN_REVIEW).allMatch(t -> t.startsWith("Cardiology post"));
        assertThat(titles(period() + "&status=published")).isEmpty();
    }

    @Test
    void sortsByTitleAndStatusBothWays() {
        List<String> byTitle = titles(period() + "&sort=title&dir=asc&size=25");
        assertThat(byTitle).hasSize(16).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        List<String> reversed = new ArrayList<>(byTitle);
        java.util.Collections.reverse(reversed);
        assertThat(titles(period() + "&sort=title&dir=desc&size=25")).containsExactlyElementsOf(reversed);
        // Status in the order of the workflow: authorization before the reviews, the revision after them.
        List<Row> byStatus = rows(list(period() + "&sort=status&dir=asc&size=25").body());
        assertThat(byStatus.get(0).title()).isEqualTo("Testimonial awaiting authorization");
        assertThat(byStatus.get(byStatus.size() - 1).title()).isEqualTo("Post with changes requested");
        List<Row> byStatusDesc = rows(list(period() + "&sort=status&dir=desc&size=25").body());
        assertThat(byStatusDesc.get(0).title()).isEqualTo("Post with changes requested");
        // The time column sorts oldest first when asked.
        assertThat(titles(period() + "&sort=time&dir=asc&size=10").get(0)).isEqualTo("Cardiology post 01");
    }

    @Test
    void thePeriodsDaysAreTheViewersDays() {
        LocalDate late = seed.base().plusDays(21);
        // "Oncology late 1" was submitted on day 20 at 13:00 UTC: in Auckland (UTC+12/+13) that is day 21.
        assertThat(titles("from=" + late + "&to=" + late)).containsExactly("Oncology late 2");
        assertThat(titles("from=" + late + "&to=" + late + "&tz=Pacific/Auckland")).containsExactly("Oncology late 1");
        // The zone stays in the shareable link with the period.
        assertThat(list("from=" + late + "&to=" + late + "&tz=Pacific/Auckland").body())
                .contains("id=\"this-list\" href=\"/audit?from=" + late + "&amp;to=" + late + "&amp;tz=Pacific/Auckland\"");
    }

    @Test
    void statusesSayWhatADraftWaitsFor() {
        Map<String, Row> byTitle = new java.util.HashMap<>();
        rows(list(period() + "&size=25").body()).forEach(r -> byTitle.put(r.title(), r));
        Row testimonial = byTitle.get("Testimonial awaiting authorization");
        assertThat(testimonial.status()).isEqualTo("waiting for patient authorization");
        assertThat(testimonial.statusCode()).isEqualTo("authorization");
        assertThat(testimonial.author()).isEqualTo("Alice Moreau (author, cardiology)");
        assertThat(testimonial.kind()).isEqualTo("Patient testimonial");
        assertThat(testimonial.department()).isEqualTo("Cardiology");
        assertThat(byTitle.get("Cardiology post 01").status()).startsWith("waiting for privacy review")
                .contains("legal review").contains("brand review");
        assertThat(byTitle.get("Post with changes requested").status())
                .isEqualTo("waiting for the author's revision (changes requested)".replace("'", "&#39;"));
        assertThat(byTitle.values()).noneMatch(r -> r.status().contains("IN_REVIEW"));

        ApiClient.Reply dossier = api.get("/audit/content/" + testimonial.id(), "audrey");
        assertThat(dossier.status()).isEqualTo(200);
        assertThat(dossier.body()).contains("Status: waiting for patient authorization")
                .contains("CarePost sent the patient the authorization request letter")
                .contains("for Privacy / HIPAA reviewers");
    }

    @Test
    void aBadParameterIsASentence() {
        Map<String, String> bad = Map.ofEntries(
                Map.entry("from=yesterday", "from must be a date like 2026-03-01."),
                Map.entry("from=2026-03-02&to=2026-03-01", "The period is empty: from (2026-03-02) is after to (2026-03-01)."),
                Map.entry("tz=Mars/Olympus", "tz must be a time zone such as Europe/Paris or UTC."),
                Map.entry("department=surgery", "department must be one of: cardiology, oncology."),
                Map.entry("status=IN_REVIEW", "status must be one of: patient-details, authorization, privacy-review"),
                Map.entry("kind=blog", "kind must be one of: education, promotion, testimonial"),
                Map.entry("sort=author", "sort must be time, title or status."),
                Map.entry("dir=up", "dir must be asc or desc."),
                Map.entry("size=7", "size must be one of 10, 25, 50, 100."),
                Map.entry("size=lots", "size must be one of 10, 25, 50, 100."),
                Map.entry("page=0", "page must be a whole number from 1 up."),
                Map.entry("page=99999999999", "page must be a whole number from 1 up."));
        bad.forEach((query, sentence) -> {
            ApiClient.Reply reply = api.get("/audit?" + query, "audrey");
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.json().get("detail").asText()).as(query).startsWith(sentence);
        });
        // A browser gets the sentence as a page.
        WebappSession browser = new WebappSession(port);
        assertThat(browser.login("audrey").status()).isEqualTo(200);
        ApiClient.Reply page = browser.get("/audit?size=7", "text/html");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("<p id=\"problem\">size must be one of 10, 25, 50, 100.</p>");
    }

    @Test
    void onlyAuditorsOpenTheListAndSeeTheHeaderLink() {
        for (String user : List.of("pat", "carl", "cora", "otto", "admin")) {
            WebappSession session = new WebappSession(port);
            assertThat(session.login(user).status()).isEqualTo(200);
            assertThat(session.get("/audit?" + period(), "text/html").status()).as(user).isEqualTo(403);
            assertThat(session.get("/audit/access").status()).as(user).isEqualTo(403);
            assertThat(session.get("/audit/local-time.js", "*/*").status()).as(user).isEqualTo(403);
            assertThat(api.get("/audit?status=authorization", user).status()).as(user).isEqualTo(403);
        }
        WebappSession audrey = new WebappSession(port);
        assertThat(audrey.login("audrey").status()).isEqualTo(200);
        assertThat(audrey.get("/audit/access").status()).isEqualTo(204);
        ApiClient.Reply script = audrey.get("/audit/local-time.js", "*/*");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("time[datetime]");
        assertThat(new WebappSession(port).get("/audit/access").status()).isEqualTo(401);
        // The link's script asks as a page's script: 401 without a Basic challenge (no password prompt).
        java.net.http.HttpResponse<String> noLogin = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + port + "/audit/access")).header("X-Requested-With", "XMLHttpRequest").GET().build());
        assertThat(noLogin.statusCode()).isEqualTo(401);
        assertThat(noLogin.headers().firstValue("WWW-Authenticate")).isEmpty();
        java.net.http.HttpResponse<String> plain = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + port + "/audit/access")).GET().build());
        assertThat(plain.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"CarePost\"");
        // The header link of Tasklist and Cockpit is the webapps' custom script, which asks /audit/access.
        WebappSession anyone = new WebappSession(port);
        ApiClient.Reply link = anyone.get("/camunda/app/tasklist/scripts/carepost/audit-link.js", "*/*");
        assertThat(link.status()).isEqualTo(200);
        assertThat(link.body()).contains("fetch('/audit/access'").contains("'X-Requested-With': 'XMLHttpRequest'").contains("link.href = '/audit'")
                .contains("tasklist.navbar.action").contains("cockpit.navigation");
        assertThat(anyone.get("/camunda/app/tasklist/scripts/config.js", "*/*").body())
                .contains("'scripts/carepost/audit-link'");
        assertThat(anyone.get("/camunda/app/cockpit/scripts/config.js", "*/*").body())
                .contains("'../tasklist/scripts/carepost/audit-link'");
    }

    @Test
    void theTrailIsWordedForPeopleToTheSecond() {
        ApiClient.Reply created = api.post("/api/content", "alice", ContentJourneyPostgresTest.draft("Flu shots all week.",
                "[\"linkedin\"]", java.time.Instant.now().plus(java.time.Duration.ofDays(2))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        decide(id, "pat", "privacyReview", "approve", "No PHI.");
        decide(id, "bria", "brandReview", "changes", "Say where.");
        assertThat(api.post("/api/content/" + id + "/versions", "alice", "{\"text\":\"Flu shots all week in the lobby.\"}")
                .status()).isEqualTo(201);
        decide(id, "pat", "privacyReview", "approve", "");
        decide(id, "lee", "legalReview", "approve", "");
        decide(id, "bria", "brandReview", "approve", "");
        String signoff = task(id, "carl", "departmentSignoff");
        assertThat(api.post("/engine-rest/task/" + signoff + "/claim", "carl", "{\"userId\":\"carl\"}").status()).isEqualTo(204);
        decide(id, "carl", "departmentSignoff", "approve", "Signed off.");

        ApiClient.Reply page = api.get("/audit/content/" + id, "audrey");
        assertThat(page.status()).isEqualTo(200);
        String html = page.body().replace("&#39;", "'").replace("&quot;", "\"");
        assertThat(html).contains("Alice Moreau (author, cardiology) submitted the draft (version 1)")
                .contains("Pat Kim (privacy officer) approved the privacy review (version 1): \u201CNo PHI.\u201D")
                .contains("Bria Santos (brand) asked for changes in the brand review (version 1): \u201CSay where.\u201D")
                .contains("Alice Moreau (author, cardiology) submitted version 2")
                .contains("Lee Chen (legal) approved the legal review (version 2)")
                .contains("Carl Jensen (head of cardiology) claimed \u2018Sign off for Cardiology\u2019")
                .contains("Carl Jensen (head of cardiology) signed off version 2 for Cardiology: \u201CSigned off.\u201D")
                .contains("\u2018Review privacy (HIPAA)\u2019 opened for Privacy / HIPAA reviewers")
                .contains("\u2018Review legal risk\u2019 closed without a decision (the process moved on)")
                .contains("CarePost froze version 2 as the approved text")
                .contains("Status: scheduled for <time datetime=");
        String trail = html.substring(html.indexOf("<h2>Trail</h2>"), html.indexOf("<h2>Audit events"));
        assertThat(trail).doesNotContain("operation").doesNotContain("Complete").doesNotContain("Task delete")
                .doesNotContain("IN_REVIEW").doesNotContain("identity link");
        // Every time to the second (no fractions), in UTC until the page's script shows the viewer's zone.
        assertThat(Pattern.compile("\\d{2}:\\d{2}:\\d{2}\\.\\d").matcher(html).find()).isFalse();
        assertThat(Pattern.compile("<time datetime=\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\">\\d{4}-\\d{2}-\\d{2} "
                + "\\d{2}:\\d{2}:\\d{2} UTC</time>").matcher(trail).find()).isTrue();
        assertThat(html).contains("<script src=\"/audit/local-time.js\" defer></script>");
    }

    private static java.net.http.HttpResponse<String> send(java.net.http.HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String task(String contentId, String user, String taskKey) {
        ApiClient.Reply tasks = api.get("/engine-rest/task?processInstanceBusinessKey=" + contentId + "&taskDefinitionKey="
                + taskKey, user);
        assertThat(tasks.json()).as(user + " sees " + taskKey).hasSize(1);
        return tasks.json().get(0).get("id").asText();
    }

    private void decide(String contentId, String user, String taskKey, String decision, String comment) {
        ApiClient.Reply reply = api.post("/engine-rest/task/" + task(contentId, user, taskKey) + "/complete", user,
                ContentJourneyPostgresTest.decision(decision, comment));
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }
}
