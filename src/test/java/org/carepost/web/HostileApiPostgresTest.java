package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.consent.ConsentFixtures;
import org.carepost.publishing.SandboxInbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of our API and of the auditor's pages gets hostile input: malformed JSON, wrong types, unknown
 * fields, characters that cannot be stored, injection strings in ids and parameters, the wrong content type. Each is
 * refused with a 4xx problem that names the field and never echoes what was sent, and no table changed. The
 * endpoints are discovered from Spring MVC, so a new endpoint without a case here fails the test. Injection strings
 * in content are stored and published literally, never evaluated.
 */
@PostgresApplicationTest
class HostileApiPostgresTest {

    static final String INJECTION = HostileFormsPostgresTest.INJECTION;
    /** Appears in bodies sent; must never come back in a problem. */
    private static final String MARKER = "Mrs. Example";
    private static final List<String> TABLES = List.of("content_item", "content_version", "approval", "consent",
            "consent_revocation", "consent_document", "phi_finding", "media", "publication", "takedown", "audit_event");

    /** Shared across the tests of this class: one draft (alice's) and one authorization (recorded by pat). */
    private static String draftId;
    private static String consentId;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    SandboxInbox sandboxPosts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiClient api;

    @BeforeEach
    void setUp() {
        sandboxPosts = new SandboxInbox(context);
        api = new ApiClient(port);
        if (draftId == null) {
            ApiClient.Reply draft = api.post("/api/content", "alice", ContentJourneyPostgresTest.draft("Hostile API",
                    "[\"linkedin\"]", Instant.now().plusSeconds(86_400)));
            assertThat(draft.status()).as(draft.body()).isEqualTo(201);
            draftId = draft.json().get("id").asText();
            ApiClient.Reply consent = api.post("/api/consents", "pat", ConsentFixtures.completeJson(List.of("x")));
            assertThat(consent.status()).as(consent.body()).isEqualTo(201);
            consentId = consent.json().get("id").asText();
        }
    }

    /** One hostile request, the status it must get and the field the problem must name (or null). */
    record Case(String endpoint, String name, String method, String path, String user, String contentType, String body,
                int status, String field) {
    }

    private static String draft(String title, String text) {
        return "{\"title\":" + title + ",\"kind\":\"education\",\"department\":\"cardiology\",\"text\":" + text
                + ",\"platforms\":[\"linkedin\"],\"publishAt\":\"" + Instant.now().plusSeconds(86_400) + "\"}";
    }

    private static final String SQL_ID = "%27%3B%20drop%20table%20content_item%3B--";
    private static final String SQL_OR = "1%27%20or%20%271%27=%271";
    /** In a path, the encoded '/' makes the firewall refuse it (a problem without fields). */
    private static final String SCRIPT = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    private static final String EL = "%24%7B7*7%7D";
    private static final String JSON = "application/json";

    private List<Case> cases() {
        String content = "/api/content/" + draftId;
        String consent = "/api/consents/" + consentId;
        List<Case> c = new ArrayList<>();
        String post = "POST /api/content";
        c.add(new Case(post, "malformed JSON", "POST", "/api/content", "alice", JSON, "{\"title\": \"" + MARKER + "\", ", 400, null));
        c.add(new Case(post, "array instead of object", "POST", "/api/content", "alice", JSON, "[\"" + MARKER + "\"]", 400, null));
        c.add(new Case(post, "number for text", "POST", "/api/content", "alice", JSON, draft("5", "\"" + MARKER + "\""), 400, "title"));
        c.add(new Case(post, "list for text", "POST", "/api/content", "alice", JSON, draft("[\"a\"]", "\"" + MARKER + "\""), 400, "title"));
        c.add(new Case(post, "string for list", "POST", "/api/content", "alice", JSON,
                draft("\"t\"", "\"t\"").replace("[\"linkedin\"]", "\"linkedin\""), 400, "platforms"));
        c.add(new Case(post, "unknown field", "POST", "/api/content", "alice", JSON,
                draft("\"t\"", "\"t\"").replace("{", "{\"status\":\"APPROVED\","), 400, "status"));
        c.add(new Case(post, "NUL in text", "POST", "/api/content", "alice", JSON, draft("\"t\"", "\"" + MARKER + "\\u0000\""), 400, "text"));
        c.add(new Case(post, "unpaired surrogate in title", "POST", "/api/content", "alice", JSON, draft("\"a\\ud800" + MARKER + "\"", "\"t\""), 400, "title"));
        c.add(new Case(post, "trailing tokens", "POST", "/api/content", "alice", JSON, draft("\"t\"", "\"t\"") + " {\"x\":1}", 400, null));
        c.add(new Case(post, "duplicate key", "POST", "/api/content", "alice", JSON,
                draft("\"t\"", "\"t\"").replace("{", "{\"title\":\"" + MARKER + "\","), 400, null));
        c.add(new Case(post, "nesting bomb", "POST", "/api/content", "alice", JSON, "{\"title\":" + "[".repeat(5000), 400, null));
        c.add(new Case(post, "huge number", "POST", "/api/content", "alice", JSON, "{\"title\":" + "9".repeat(2000) + "}", 400, null));
        c.add(new Case(post, "not JSON", "POST", "/api/content", "alice", "text/plain", MARKER, 415, null));

        // An encoded ';' is refused by Spring Security's firewall before any controller: a problem without fields.
        c.add(new Case("GET /api/content/{id}", "SQL in the id", "GET", "/api/content/" + SQL_ID, "pat", null, null, 400, null));
        c.add(new Case("GET /api/content/{id}", "SQL without ';' in the id", "GET", "/api/content/" + SQL_OR, "pat", null, null, 400, "id"));
        c.add(new Case("GET /api/content/{id}", "script in the id", "GET", "/api/content/" + SCRIPT, "pat", null, null, 400, null));

        String versions = "POST /api/content/{id}/versions";
        c.add(new Case(versions, "malformed JSON", "POST", content + "/versions", "alice", JSON, "{\"text\":\"" + MARKER, 400, null));
        c.add(new Case(versions, "number for text", "POST", content + "/versions", "alice", JSON, "{\"text\":5}", 400, "text"));
        c.add(new Case(versions, "unknown field", "POST", content + "/versions", "alice", JSON, "{\"text\":\"t\",\"approved\":true}", 400, "approved"));
        c.add(new Case(versions, "NUL in text", "POST", content + "/versions", "alice", JSON, "{\"text\":\"a\\u0000\"}", 400, "text"));
        c.add(new Case(versions, "EL in the id", "POST", "/api/content/" + EL + "/versions", "alice", JSON, "{\"text\":\"t\"}", 400, "id"));

        String media = "POST /api/content/{id}/media";
        c.add(new Case(media, "a script as image", "POST", content + "/media", "alice", "multipart", "<script>alert(1)</script>", 400, null));
        c.add(new Case(media, "JSON instead of multipart", "POST", content + "/media", "alice", JSON, "{\"file\":\"x\"}", 415, null));
        c.add(new Case(media, "SQL in the id", "POST", "/api/content/" + SQL_OR + "/media", "alice", "multipart", "x", 400, "id"));

        c.add(new Case("GET /api/content/{id}/findings", "SQL in the id", "GET", "/api/content/" + SQL_OR + "/findings", "pat", null, null, 400, "id"));
        c.add(new Case("GET /api/content/{id}/findings", "script in the id", "GET", "/api/content/" + SCRIPT + "/findings", "pat", null, null, 400, null));
        String resolution = "POST /api/content/{id}/findings/resolution";
        c.add(new Case(resolution, "malformed JSON", "POST", content + "/findings/resolution", "pat", JSON, "{\"findingIds\":[", 400, null));
        c.add(new Case(resolution, "string for list", "POST", content + "/findings/resolution", "pat", JSON, "{\"findingIds\":\"1\",\"action\":\"redact\"}", 400, "findingIds"));
        c.add(new Case(resolution, "SQL for an id", "POST", content + "/findings/resolution", "pat", JSON,
                "{\"findingIds\":[\"1; drop table phi_finding\"],\"action\":\"redact\"}", 400, "findingIds[0]"));
        c.add(new Case(resolution, "EL as action", "POST", content + "/findings/resolution", "pat", JSON,
                "{\"findingIds\":[1],\"action\":\"${7*7}\"}", 400, "action"));
        c.add(new Case(resolution, "unknown field", "POST", content + "/findings/resolution", "pat", JSON,
                "{\"findingIds\":[1],\"action\":\"redact\",\"resolvedBy\":\"pat\"}", 400, "resolvedBy"));

        String consents = "POST /api/consents";
        String valid = ConsentFixtures.completeJson(List.of("x"));
        c.add(new Case(consents, "malformed JSON", "POST", "/api/consents", "pat", JSON, valid.substring(0, 60), 400, null));
        c.add(new Case(consents, "string for an object", "POST", "/api/consents", "pat", JSON,
                valid.replaceFirst("\"scope\":\\{[^}]*}", "\"scope\":\"all\""), 400, "scope"));
        c.add(new Case(consents, "string for a boolean", "POST", "/api/consents", "pat", JSON,
                valid.replace("\"personalRepresentative\":false", "\"personalRepresentative\":\"no\""), 400, "personalRepresentative"));
        c.add(new Case(consents, "unknown field", "POST", "/api/consents", "pat", JSON, valid.replaceFirst("\\{", "{\"ssn\":\"123-45-6789\","), 400, "ssn"));
        c.add(new Case(consents, "NUL in the patient's name", "POST", "/api/consents", "pat", JSON,
                valid.replace("\"patientName\":\"Jordan Example\"", "\"patientName\":\"Jordan\\u0000\""), 400, "patientName"));
        c.add(new Case("GET /api/consents/{id}", "SQL in the id", "GET", "/api/consents/" + SQL_OR, "pat", null, null, 400, "id"));
        String document = "POST /api/consents/{id}/document";
        c.add(new Case(document, "a script as document", "POST", consent + "/document", "pat", "multipart", "<script>alert(1)</script>", 400, null));
        c.add(new Case(document, "JSON instead of multipart", "POST", consent + "/document", "pat", JSON, "{}", 415, null));
        String revocation = "POST /api/consents/{id}/revocation";
        c.add(new Case(revocation, "malformed JSON", "POST", consent + "/revocation", "pat", JSON, "{\"requestedVia\":", 400, null));
        c.add(new Case(revocation, "EL as channel", "POST", consent + "/revocation", "pat", JSON, "{\"requestedVia\":\"${7*7}\"}", 400, "requestedVia"));
        c.add(new Case(revocation, "number as channel", "POST", consent + "/revocation", "pat", JSON, "{\"requestedVia\":5}", 400, "requestedVia"));
        c.add(new Case(revocation, "script as date", "POST", consent + "/revocation", "pat", JSON,
                "{\"requestedVia\":\"letter\",\"receivedOn\":\"<script>alert(1)</script>\"}", 400, "receivedOn"));
        c.add(new Case(revocation, "unknown field", "POST", consent + "/revocation", "pat", JSON,
                "{\"requestedVia\":\"letter\",\"kind\":\"EXPIRED\"}", 400, "kind"));

        c.add(new Case("GET /api/publications", "script as content id", "GET", "/api/publications?contentId=" + SCRIPT, "alice", null, null, 400, "contentId"));
        String resolve = "POST /api/publications/{id}/resolution";
        c.add(new Case(resolve, "SQL in the id", "POST", "/api/publications/1%20or%201=1/resolution", "bria", JSON, "{}", 400, "id"));
        c.add(new Case(resolve, "malformed JSON", "POST", "/api/publications/1/resolution", "bria", JSON, "{\"externalId\":", 400, null));
        c.add(new Case(resolve, "number for text", "POST", "/api/publications/1/resolution", "bria", JSON, "{\"externalId\":5}", 400, "externalId"));
        c.add(new Case(resolve, "unknown field", "POST", "/api/publications/1/resolution", "bria", JSON, "{\"status\":\"PUBLISHED\"}", 400, "status"));

        c.add(new Case("GET /api/calendar", "EL as date", "GET", "/api/calendar?from=" + EL, "alice", null, null, 400, "from"));
        c.add(new Case("GET /api/calendar", "script as department", "GET", "/api/calendar?department=" + SCRIPT, "alice", null, null, 400, "department"));
        c.add(new Case("GET /api/calendar.ics", "SQL as date", "GET", "/api/calendar.ics?to=" + SQL_ID, "alice", null, null, 400, "to"));

        c.add(new Case("GET /api/audit/verify", "script as an unknown parameter (ignored)", "GET", "/api/audit/verify?x=" + SCRIPT, "audrey", null, null, 200, null));
        c.add(new Case("GET /api/audit/content/{id}", "SQL in the id", "GET", "/api/audit/content/" + SQL_OR, "audrey", null, null, 400, "id"));
        String unredacted = "POST /api/audit/content/{id}/versions/{versionNo}/unredacted";
        c.add(new Case(unredacted, "SQL in the id", "POST", "/api/audit/content/" + SQL_OR + "/versions/1/unredacted",
                "audrey", JSON, "", 400, "id"));
        c.add(new Case(unredacted, "EL as the version", "POST", content.replace("/api/content", "/api/audit/content")
                + "/versions/" + EL + "/unredacted", "audrey", JSON, "", 400, "versionNo"));
        c.add(new Case(unredacted, "not an auditor", "POST", content.replace("/api/content", "/api/audit/content")
                + "/versions/1/unredacted", "lee", JSON, "", 403, null));
        c.add(new Case("GET /api/audit/export.csv", "script as date", "GET", "/api/audit/export.csv?from=" + SCRIPT + "&to=2030-01-01", "audrey", null, null, 400, "from"));
        c.add(new Case("GET /api/audit/export.csv", "no dates", "GET", "/api/audit/export.csv", "audrey", null, null, 400, null));
        c.add(new Case("GET /api/audit/export.json", "EL as date", "GET", "/api/audit/export.json?from=2030-01-01&to=" + EL, "audrey", null, null, 400, "to"));
        c.add(new Case("GET /audit", "EL as page", "GET", "/audit?page=" + EL, "audrey", null, null, 400, "page"));
        c.add(new Case("GET /audit", "script as department", "GET", "/audit?department=" + SCRIPT, "audrey", null, null, 400, "department"));
        c.add(new Case("GET /audit", "SQL as status", "GET", "/audit?status=" + SQL_OR, "audrey", null, null, 400, "status"));
        c.add(new Case("GET /audit", "not a time zone", "GET", "/audit?tz=" + SQL_ID, "audrey", null, null, 400, "tz"));
        c.add(new Case("GET /audit", "to before from", "GET", "/audit?from=2030-02-01&to=2030-01-01", "audrey", null, null, 400, "to"));
        c.add(new Case("GET /audit", "not an auditor", "GET", "/audit", "alice", null, null, 403, null));
        c.add(new Case("GET /audit/access", "script as an unknown parameter (ignored)", "GET", "/audit/access?x=" + SCRIPT, "audrey", null, null, 204, null));
        c.add(new Case("GET /audit/access", "not an auditor", "GET", "/audit/access", "alice", null, null, 403, null));
        c.add(new Case("GET /audit/local-time.js", "not an auditor", "GET", "/audit/local-time.js", "lee", null, null, 403, null));
        c.add(new Case("GET /audit/offboarding", "EL as an unknown parameter (ignored)", "GET", "/audit/offboarding?page=" + EL, "audrey", null, null, 200, null));
        c.add(new Case("GET /audit/offboarding", "not an auditor", "GET", "/audit/offboarding", "otto", null, null, 403, null));
        c.add(new Case("GET /audit/models", "EL as an unknown parameter (ignored)", "GET", "/audit/models?page=" + EL, "audrey", null, null, 200, null));
        c.add(new Case("GET /audit/models", "not an auditor", "GET", "/audit/models", "cora", null, null, 403, null));
        c.add(new Case("GET /audit/content/{id}", "script in the id", "GET", "/audit/content/" + SCRIPT, "audrey", null, null, 400, null));
        c.add(new Case("GET /analytics", "EL as date", "GET", "/analytics?from=" + EL, "cora", null, null, 400, "from"));
        c.add(new Case("GET /analytics", "script as department", "GET", "/analytics?department=" + SCRIPT, "audrey", null, null, 400, "department"));
        c.add(new Case("GET /analytics/chart/{chart}.svg", "script as chart", "GET", "/analytics/chart/" + SCRIPT + ".svg", "cora", null, null, 400, null));
        c.add(new Case("GET /analytics/chart/{chart}.svg", "range over a year", "GET", "/analytics/chart/stages.svg?from=2020-01-01&to=2022-01-01", "cora", null, null, 400, "to"));
        c.add(new Case("GET /analytics/data/{chart}.csv", "EL as chart", "GET", "/analytics/data/" + EL + ".csv", "cora", null, null, 400, "chart"));
        c.add(new Case("GET /analytics/data/{chart}.csv", "to before from", "GET", "/analytics/data/phi.csv?from=2030-02-01&to=2030-01-01", "audrey", null, null, 400, "to"));
        return c;
    }

    @Test
    void everyApiAndAuditEndpointHasHostileCases() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api") || pattern.startsWith("/audit") || pattern.startsWith("/analytics")) {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    (methods.isEmpty() ? Set.of("ANY") : methods.stream().map(Enum::name).collect(Collectors.toSet()))
                            .forEach(m -> endpoints.add(m + " " + pattern));
                }
            }
        });
        Set<String> covered = cases().stream().map(Case::endpoint).collect(Collectors.toCollection(TreeSet::new));
        assertThat(endpoints).as("endpoints found").hasSizeGreaterThan(15);
        assertThat(endpoints).as("endpoints without a hostile-input case: add cases for them").isSubsetOf(covered);
        assertThat(covered).as("cases for endpoints that no longer exist").isSubsetOf(endpoints);
    }

    @Test
    void hostileRequestsAreRefusedWithAProblemNamingTheFieldAndChangeNothing() {
        for (Case c : cases()) {
            List<Map<String, Object>> before = rows();
            ApiClient.Reply reply = send(c);
            String what = c.endpoint() + " / " + c.name() + ": " + reply.body();
            assertThat(reply.status()).as(what).isEqualTo(c.status());
            assertThat(reply.body()).as(what).doesNotContain(MARKER, "<script>", "drop table", "${7*7}", "Jordan", "123-45-6789");
            if (c.status() >= 400) {
                JsonNode problem = reply.json();
                assertThat(problem.path("status").asInt()).as(what).isEqualTo(c.status());
                assertThat(problem.path("title").asText()).as(what).isNotBlank();
                if (c.field() != null) {
                    assertThat(problem.get("errors").findValuesAsText("field")).as(what).contains(c.field());
                }
            }
            assertThat(rows()).as("nothing written by " + c.endpoint() + " / " + c.name()).isEqualTo(before);
        }
    }

    @Test
    void bodiesOverTheLimitAre413ProblemsBeforeAnythingIsRead() throws Exception {
        List<Map<String, Object>> before = rows();
        String huge = draft("\"t\"", "\"" + "a".repeat(1_100_000) + "\"");
        for (String path : List.of("/api/content", "/engine-rest/task/x/complete",
                "/engine-rest/process-definition/key/content-approval/submit-form")) {
            HttpResponse<String> sized = raw(path, "alice", HttpRequest.BodyPublishers.ofString(huge));
            assertThat(sized.statusCode()).as(path).isEqualTo(413);
            assertThat(sized.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(sized.body()).contains("\"title\":\"Request body too large\"", "1048576").doesNotContain("aaaa");
        }
        // Without a Content-Length (chunked), the body is read only up to the limit.
        HttpResponse<String> chunked = raw("/api/content", "alice", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(rows()).isEqualTo(before);
        // A chunked body within the limit is handed on intact.
        String small = ContentJourneyPostgresTest.draft("Chunked but fine", "[\"linkedin\"]", Instant.now().plusSeconds(86_400));
        HttpResponse<String> fine = raw("/api/content", "alice", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(small.getBytes(StandardCharsets.UTF_8))));
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);
    }

    @Test
    void injectionStringsAreStoredLiterallyPublishedUnevaluatedAndEscapedOnTheAuditPages() {
        String title = "<script>alert(1)</script> ${7*7}";
        String text = INJECTION + " #{7*7}";
        ApiClient.Reply created = api.post("/api/content", "alice", "{\"title\":" + HostileFormsPostgresTest.json(title)
                + ",\"kind\":\"education\",\"department\":\"cardiology\",\"text\":" + HostileFormsPostgresTest.json(text)
                + ",\"platforms\":[\"facebook\",\"x\",\"linkedin\",\"mastodon\",\"webhook\"],\"publishAt\":\""
                + Instant.now().plusSeconds(2) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String pid = created.json().get("processInstanceId").asText();

        JsonNode stored = api.get("/api/content/" + id, "alice").json();
        assertThat(stored.get("title").asText().getBytes(StandardCharsets.UTF_8)).isEqualTo(title.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.get("versions").get(0).get("text").asText().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(text.getBytes(StandardCharsets.UTF_8));

        for (String[] review : new String[][] {{"pat", "privacyReview"}, {"lee", "legalReview"}, {"bria", "brandReview"},
                {"carl", "departmentSignoff"}}) {
            ApiClient.Reply tasks = api.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + review[1], review[0]);
            assertThat(tasks.json()).as(review[1]).hasSize(1);
            ApiClient.Reply done = api.post("/engine-rest/task/" + tasks.json().get(0).get("id").asText() + "/complete",
                    review[0], ContentJourneyPostgresTest.decision("approve", ""));
            assertThat(done.status()).as(done.body()).isEqualTo(204);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                api.get("/api/content/" + id, "alice").json().get("status").asText().equals("PUBLISHED"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode all = api.get("/api/publications?contentId=" + id, "alice").json();
            return all.size() == 5 && all.findValuesAsText("status").stream().allMatch("PUBLISHED"::equals);
        });
        JsonNode publications = api.get("/api/publications?contentId=" + id, "alice").json();
        for (JsonNode publication : publications) {
            String body = sandboxPosts.body(publication.get("externalId").asText());
            assertThat(body).as(publication.get("platform").asText())
                    .contains("${7*7}", "#{7*7}", "#set($x=1)$x", "$!{x}", "<script>alert(1)</script>", "'; drop table content_item;--")
                    .doesNotContain("49");
        }

        // The auditor's pages show the title escaped.
        for (String page : List.of("/audit", "/audit/content/" + id)) {
            ApiClient.Reply html = api.get(page, "audrey");
            assertThat(html.status()).isEqualTo(200);
            assertThat(html.body()).as(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    private ApiClient.Reply send(Case c) {
        if ("GET".equals(c.method())) {
            return api.get(c.path(), c.user());
        }
        if ("multipart".equals(c.contentType())) {
            return api.postFile(c.path(), c.user(), "file.png", c.body().getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = raw(c.path(), c.user(), HttpRequest.BodyPublishers.ofString(c.body()), c.contentType());
        return new ApiClient.Reply(response.statusCode(), response.body());
    }

    private HttpResponse<String> raw(String path, String user, HttpRequest.BodyPublisher body) {
        return raw(path, user, body, JSON);
    }

    private HttpResponse<String> raw(String path, String user, HttpRequest.BodyPublisher body, String contentType) {
        String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic " + token)
                    .header("Content-Type", contentType).timeout(Duration.ofSeconds(30)).POST(body).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList(TABLES.stream().map(t -> "select '" + t + "' as t, count(*) as n from " + t)
                .collect(Collectors.joining(" union all ")));
    }
}
