package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.TasklistForms;
import org.carepost.WebappSession;
import org.carepost.consent.ConsentFixtures;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStatus;
import org.carepost.publishing.PrePublicationGate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 20 over Tasklist's own REST API (the webapps' session and CSRF token, as the browser sends it): no dead end for
 * a town marked "covered" (item 1), a redacted text rewritten by its author and never published with a placeholder
 * (item 3), the redacted version's preview (item 4), refusals as sentences instead of engine codes and 500s (item 5),
 * the task list's columns and the authors' single filter (items 6, 7), and CarePost's authorization page.
 */
@PostgresApplicationTest
class TasklistJourneyPostgresTest {

    private static final String TESTIMONIAL = "My name is Rosalind Whitfield. I drive in from Hollis Creek to the heart "
            + "center. Thank you, cardiology team!";

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    @Autowired
    ContentService contents;

    @Autowired
    PrePublicationGate gate;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    WebappSession pat;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        pat = new WebappSession(port);
        pat.login("pat");
    }

    /** Item 1: a town can never be covered by an authorization, so the form never lets it be, and the engine says so. */
    @Test
    void aTownIsNeverOfferedAsCoveredAndMarkingItSoIsRefusedWithASentence() {
        UUID id = testimonial(TESTIMONIAL);
        JsonNode view = formView(taskId(id, "resolvePhi"));
        JsonNode town = slotOfType(view, "a place or address");
        assertThat(town.get("options").findValuesAsText("value")).containsExactly("redact", "not-phi");
        assertThat(slotOfType(view, "a name").get("options").findValuesAsText("value"))
                .containsExactly("redact", "covered", "not-phi");

        // Sent anyway (a hand-made request): refused on the form, nothing decided, the task stays.
        ApiClient.Reply refused = submit(pat, taskId(id, "resolvePhi"), decisions(id, Map.of("GEO", "covered",
                "NAME", "covered")));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).startsWith("Your decision: ")
                .contains("cannot cover").doesNotContain("ENGINE-", "Hollis");
        assertThat(openFindings(id)).isEqualTo(3); // her name in the title, her name and her town in the text

        ApiClient.Reply decided = submit(pat, taskId(id, "resolvePhi"), decisions(id, Map.of("GEO", "redact",
                "NAME", "covered")));
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
        // Whatever the draft waits for now, it is never an authorization that no scope could give.
        assertThat(contents.currentVersion(id).getBody()).contains("[GEO]");
        assertThat(jdbc.queryForObject("select count(*) from phi_finding where content_id = ? and phi_type = 'GEO' "
                + "and status = 'COVERED_BY_AUTHORIZATION'", Long.class, id)).isZero();
    }

    /** Items 3 and 4: the redacted text goes back to its author, with its preview; a placeholder is never published. */
    @Test
    void aRedactedTextGoesBackToItsAuthorWithItsPreviewAndAPlaceholderIsNeverPublished() {
        UUID id = testimonial(TESTIMONIAL);
        assertThat(submit(pat, taskId(id, "resolvePhi"), decisions(id, Map.of("GEO", "redact", "NAME", "covered")))
                .status()).isEqualTo(204);

        // No review of "[GEO]": the author is asked to rewrite, and sees what went, by type, and the preview.
        assertThat(contents.get(id).getStatus()).isEqualTo(ContentStatus.CHANGES_REQUESTED);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id.toString()).taskDefinitionKey("privacyReview")
                .count()).isZero();
        String revise = taskId(id, "reviseDraft");
        WebappSession alice = new WebappSession(port);
        alice.login("alice");
        JsonNode view = TasklistForms.draftView(alice.get(WebappSession.ENGINE_API + "/task/" + revise
                + "/form-variables?deserializeValues=false").json());
        assertThat(view.get("removed").asText()).isEqualTo("a place or address (1)");
        assertThat(view.get("text").asText()).contains("from [GEO] to");
        assertThat(view.get("renderings").asText()).contains("--- facebook ---", "[GEO]");
        assertThat(contents.renderings(id, 2)).containsKey("facebook");

        ApiClient.Reply kept = submit(alice, revise, "{\"variables\":{\"revisedText\":{\"value\":\"I drive in from "
                + "[GEO].\"}}}");
        assertThat(kept.status()).isEqualTo(400);
        assertThat(kept.json().get("message").asText()).isEqualTo("Revised text: replace [GEO] with your own words, "
                + "or leave that detail out. A post with a placeholder is never published.");
        // The gate refuses it too, whatever path a text takes to it.
        assertThat(gate.refusals(id)).anyMatch(r -> r.contains("still contains redaction placeholders [GEO]"));

        assertThat(submit(alice, revise, "{\"variables\":{\"revisedText\":{\"value\":\"I drive in to the heart "
                + "center every week. Thank you, cardiology team!\"}}}").status()).isEqualTo(204);
        assertThat(gate.refusals(id)).noneMatch(r -> r.contains("placeholder"));
    }

    /** Item 5: a refused form answers 400 with the form's label and a plain sentence; never an engine code, never 500. */
    @Test
    void refusedFormsAnswerWithASentenceOnTheFieldNotAnEngineCode() {
        WebappSession alice = new WebappSession(port);
        alice.login("alice");
        String definition = api.get("/engine-rest/process-definition/key/content-approval", "alice").json().get("id")
                .asText();
        ApiClient.Reply start = alice.webappsSend("POST", WebappSession.ENGINE_API + "/process-definition/" + definition
                + "/submit-form", "{\"variables\":{\"title\":{\"value\":\"Heart month\"},\"kind\":{\"value\":\"education\"},"
                + "\"department\":{\"value\":\"cardiology\"},\"text\":{\"value\":\"Free checks all week.\"},"
                + "\"platforms\":{\"value\":\"[\\\"facebook\\\"]\",\"type\":\"Json\"},"
                + "\"publishAt\":{\"value\":\"Feb 1 2030 9am\"}}}");
        assertThat(start.status()).as(start.body()).isEqualTo(400);
        assertThat(start.json().get("message").asText()).isEqualTo("Publish at: choose a date and time with the "
                + "calendar (for example 1 Feb 2030, 09:00).");

        UUID id = testimonial(TESTIMONIAL);
        ApiClient.Reply nothing = submit(pat, taskId(id, "resolvePhi"), "{\"variables\":{}}");
        assertThat(nothing.status()).as(nothing.body()).isEqualTo(400);
        assertThat(nothing.json().get("message").asText()).isEqualTo("Your decision: choose one for every detail "
                + "listed before you complete the task (3 without a decision).");
        // Segregation of duties keeps its 403, with its own sentence.
        ApiClient.Reply notPrivacy = new ApiClient(port).post("/engine-rest/task/" + taskId(id, "resolvePhi")
                + "/complete", "lee", "{}");
        assertThat(notPrivacy.status()).isEqualTo(403);
        for (ApiClient.Reply reply : List.of(start, nothing)) {
            assertThat(reply.body()).doesNotContain("ENGINE-", "Cannot instantiate", "Cannot submit task form");
        }
    }

    /** Items 6 and 7: tasks show their post; authors see their own filter and where their drafts stand. */
    @Test
    void theTaskListShowsThePostAndAuthorsSeeTheirOwnFilterAndDrafts() {
        UUID id = testimonial(TESTIMONIAL);
        String privacyFilter = filterId("pat", "Privacy reviews");
        // As Tasklist asks for a filter's tasks (application/hal+json): the columns come embedded.
        ApiClient.Reply hal = pat.send("POST", WebappSession.ENGINE_API + "/filter/" + privacyFilter
                        + "/list?firstResult=0&maxResults=50", "application/json",
                "{\"processInstanceBusinessKey\":\"" + id + "\"}", "Accept", "application/hal+json", "X-XSRF-TOKEN",
                pat.xsrfToken());
        assertThat(hal.status()).as(hal.body()).isEqualTo(200);
        JsonNode task = hal.json().get("_embedded").get("task").get(0);
        JsonNode embedded = task.get("_embedded").get("variable");
        assertThat(embedded.findValuesAsText("name")).contains("postTitle", "postKind", "postDepartment");
        assertThat(embedded.findValuesAsText("value")).contains("Rosalind's story", "Patient testimonial", "Cardiology");
        assertThat(task.get("name").asText()).isEqualTo("Decide on each patient detail");
        assertThat(task.get("due").isNull()).isFalse();

        List<String> aliceFilters = new ArrayList<>();
        api.get("/engine-rest/filter", "alice").json().forEach(f -> aliceFilters.add(f.get("name").asText()));
        assertThat(aliceFilters).containsExactly("My tasks");

        WebappSession alice = new WebappSession(port);
        alice.login("alice");
        ApiClient.Reply drafts = alice.get("/app/my-drafts", "text/html");
        assertThat(drafts.status()).isEqualTo(200);
        assertThat(drafts.body()).contains("Rosalind&#39;s story", "In review", "Waiting for: Decide on each patient "
                + "detail");
        // Only her own: omar's page does not show it.
        WebappSession omar = new WebappSession(port);
        omar.login("omar");
        assertThat(omar.get("/app/my-drafts", "text/html").body()).doesNotContain("Rosalind&#39;s story");
    }

    /** The authorization page: privacy only, every element checked with the scan, nothing stored on a refusal. */
    @Test
    void theAuthorizationPageRecordsOnlyCompleteAuthorizationsWithTheirScanAndUsesOnlyCoveringOnes() throws Exception {
        UUID id = testimonial("A year after my bypass I walk every day. Rosalind Whitfield");
        assertThat(submit(pat, taskId(id, "resolvePhi"), decisions(id, Map.of("NAME", "covered"))).status())
                .isEqualTo(204);
        String page = "/app/authorizations/for-post/" + id;
        assertThat(api.get(page, "lee").status()).isEqualTo(403);
        assertThat(api.get(page, "pat").body()).contains("Must cover the platforms", "Facebook", "a name");

        long consents = jdbc.queryForObject("select count(*) from consent", Long.class);
        Map<String, String> complete = authorizationForm();
        Map<String, String> incomplete = new LinkedHashMap<>(complete);
        incomplete.remove("redisclosureStatement");
        HttpResponse<String> missing = multipart(page, incomplete, ConsentFixtures.png());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"error-redisclosureStatement\"", "164.508(c)(2)(iii)");
        HttpResponse<String> notADocument = multipart(page, complete, "%!not a scan".getBytes(StandardCharsets.UTF_8));
        assertThat(notADocument.statusCode()).isEqualTo(400);
        assertThat(notADocument.body()).contains("id=\"error-document\"", "must be a PDF, JPEG or PNG document");
        assertThat(jdbc.queryForObject("select count(*) from consent", Long.class)).isEqualTo(consents);

        // What is typed comes back as text, never as markup or a template.
        ApiClient.Reply search = form(page + "/search", "patient=%3Cscript%3Ealert(1)%3C%2Fscript%3E%24%7B7*7%7D");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;${7*7}").doesNotContain("<script>alert");
        // In a browser session the page's CSRF token is required.
        assertThat(pat.send("POST", page + "/search", "application/x-www-form-urlencoded", "patient=Whitfield")
                .status()).isEqualTo(403);

        HttpResponse<String> recorded = multipart(page, complete, ConsentFixtures.png());
        assertThat(recorded.statusCode()).isEqualTo(303);
        String consentId = recorded.headers().firstValue("Location").orElseThrow().replaceAll(".*recorded=", "");
        assertThat(api.get("/api/consents/" + consentId, "pat").json().get("status").asText()).isEqualTo("VALID");

        // One that does not cover the post (another platform) is refused; the chosen one completes the task.
        String other = api.post("/api/consents", "pat", ConsentFixtures.completeJson(List.of("x"))).json().get("id")
                .asText();
        ApiClient.Reply wrong = form(page + "/use", "consentId=" + other);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("platform facebook is not in the scope");
        assertThat(contents.get(id).getConsentId()).isNull();
        ApiClient.Reply used = form(page + "/use", "consentId=" + consentId);
        assertThat(used.status()).as(used.body()).isEqualTo(200);
        assertThat(contents.get(id).getConsentId()).hasToString(consentId);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id.toString())
                .taskDefinitionKey("recordSignedAuthorization").count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id.toString()).taskDefinitionKey("privacyReview")
                .count()).isEqualTo(1);
    }

    private UUID testimonial(String text) {
        ApiClient.Reply created = api.post("/api/content", "alice", "{\"title\":\"Rosalind's story\",\"kind\":"
                + "\"testimonial\",\"department\":\"cardiology\",\"text\":\"" + text + "\",\"platforms\":[\"facebook\"],"
                + "\"publishAt\":\"" + Instant.now().plusSeconds(86_400) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asText());
    }

    private String taskId(UUID id, String taskKey) {
        var task = tasks.createTaskQuery().processInstanceBusinessKey(id.toString()).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as(taskKey).isNotNull();
        return task.getId();
    }

    private JsonNode formView(String taskId) {
        return TasklistForms.draftView(pat.get(WebappSession.ENGINE_API + "/task/" + taskId
                + "/form-variables?deserializeValues=false").json());
    }

    private static JsonNode slotOfType(JsonNode view, String typeLabel) {
        for (int slot = 1; slot <= view.get("slots").asInt(); slot++) {
            JsonNode item = view.get("s" + slot);
            if (item.get("label").asText().contains(typeLabel + " in the text")) {
                return item;
            }
        }
        throw new AssertionError("no finding of type " + typeLabel);
    }

    /** The Resolve PHI form's submission: a decision for each open finding of the text, by type. */
    private String decisions(UUID id, Map<String, String> byType) {
        StringBuilder variables = new StringBuilder("{\"variables\":{");
        int slot = 0;
        for (JsonNode finding : api.get("/api/content/" + id + "/findings", "pat").json()) {
            if (!"OPEN".equals(finding.get("status").asText())) {
                continue;
            }
            slot++;
            variables.append(slot > 1 ? "," : "").append("\"phiFinding").append(slot).append("\":{\"value\":\"")
                    .append(finding.get("id").asText()).append("\"},\"phiDecision").append(slot).append("\":{\"value\":\"")
                    .append(byType.getOrDefault(finding.get("type").asText(), "not-phi")).append("\"}");
        }
        return variables.append("}}").toString();
    }

    private long openFindings(UUID id) {
        return jdbc.queryForObject("select count(*) from phi_finding f join content_item c on c.id = f.content_id and "
                + "c.current_version_no = f.version_no where f.content_id = ? and f.status = 'OPEN'", Long.class, id);
    }

    private static ApiClient.Reply submit(WebappSession session, String taskId, String variables) {
        return session.webappsSend("POST", WebappSession.ENGINE_API + "/task/" + taskId + "/submit-form", variables);
    }

    private String filterId(String user, String name) {
        for (JsonNode filter : api.get("/engine-rest/filter", user).json()) {
            if (filter.get("name").asText().equals(name)) {
                return filter.get("id").asText();
            }
        }
        throw new AssertionError("no filter " + name);
    }

    private static Map<String, String> authorizationForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("patientName", "Rosalind Whitfield");
        form.put("informationDescription", "My story as in the post, with my full name");
        form.put("discloser", "Example General Hospital");
        form.put("recipients", "The public on the platforms listed");
        form.put("purposes", "Patient testimonial on social media");
        form.put("expiresOn", "2099-12-31");
        form.put("signedBy", "Rosalind Whitfield");
        form.put("signedOn", "2026-01-15");
        form.put("personalRepresentative", "no");
        form.put("revocationRight", "I may revoke this in writing to the privacy office.");
        form.put("treatmentConditioning", "My treatment does not depend on signing.");
        form.put("redisclosureStatement", "Redisclosed information may no longer be protected.");
        form.put("platform.facebook", "on");
        form.put("scope.fullName", "on");
        return form;
    }

    /** The page's record form as a browser posts it (multipart, the scan in field "document"), with HTTP Basic. */
    private HttpResponse<String> multipart(String path, Map<String, String> fields, byte[] document) throws Exception {
        String boundary = "carepost" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"scan.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(document);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).header("Authorization", basic("pat"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private ApiClient.Reply form(String path, String urlEncoded) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Authorization", basic("pat"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(urlEncoded)).build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Reply(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
