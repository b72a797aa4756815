package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The holes of issue #14, each reproduced as it was found, through /engine-rest (HTTP Basic) and through the
 * webapps' REST (/camunda/api/engine/engine/default/..., a webapp login and its CSRF token): each now fails safely
 * and changes nothing.
 */
@PostgresApplicationTest
class HostileUserTest {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

    @Autowired
    HistoryService historyService;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    ApiClient api;
    final Map<String, WebappSession> sessions = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    // 1. Any author restarted anyone's draft with a business key of their choosing.

    @Test
    void noUserStartsAProcessOnAnExistingDraftByNamingItsBusinessKey() {
        String id = rejectedDraftOfAlice("No.");
        String hijack = "{\"businessKey\":\"" + id + "\",\"variables\":{\"publishAt\":{\"value\":\""
                + Instant.now().plusSeconds(5) + "\"}}}";
        WebappSession omar = new WebappSession(port);
        assertThat(omar.login("omar").status()).isEqualTo(200);
        List<ApiClient.Reply> attempts = List.of(
                api.post("/engine-rest/process-definition/key/content-approval/submit-form", "omar", hijack),
                omar.webappsSend("POST", WebappSession.ENGINE_API + "/process-definition/key/content-approval/submit-form",
                        hijack),
                // Not even the author, for her own draft: a process runs on a draft only by CarePost's own paths.
                api.post("/engine-rest/process-definition/key/content-approval/submit-form", "alice", hijack),
                // Nor an administrator, who holds every engine right since Cockpit shows them everything.
                api.post("/engine-rest/process-definition/key/content-approval/submit-form", "admin", hijack));
        for (ApiClient.Reply attempt : attempts) {
            assertThat(attempt.status()).as(attempt.body()).isEqualTo(403);
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
        assertThat(api.get("/api/content/" + id, "alice").json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(jdbc.queryForList("select actor from audit_event where action = 'start-refused' and content_id = ?::uuid"
                + " order by seq", String.class, id)).containsExactly("omar", "omar", "alice", "admin");
    }

    // 7. A review comment came out of the audit CSV as a formula cell.

    @Test
    void theAuditCsvNeutralisesFormulaCellsWithoutLosingThem() throws Exception {
        String formula = "=cmd|' /C calc'!A0";
        String id = rejectedDraftOfAlice(formula);
        String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        ApiClient.Reply csv = api.get("/api/audit/export.csv?from=" + day + "&to=" + day, "audrey");
        assertThat(csv.status()).isEqualTo(200);
        var mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        try (com.fasterxml.jackson.databind.MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader()).readValues(csv.body())) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows.stream().filter(r -> id.equals(r.get("contentId"))).map(r -> r.get("comment"))
                .filter(c -> c.contains("cmd|"))).containsExactly("'" + formula);
        // The JSON export keeps the comment as recorded.
        JsonNode json = api.get("/api/audit/export.json?from=" + day + "&to=" + day, "audrey").json();
        assertThat(json.findValuesAsText("comment")).contains(formula);
    }

    // 6. "Read-only" auditors wrote comments and attachments; anyone tampered with the history cleanup job.

    @Test
    void commentsAndAttachmentsAreReservedAndAuditorsStayReadOnly() {
        String pid = api.post("/api/content", "alice", ContentJourneyPostgresTest.draft("Flu shots all week.",
                "[\"linkedin\"]", Instant.now().plusSeconds(86_400))).json().get("processInstanceId").asText();
        String task = api.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=privacyReview", "pat")
                .json().get(0).get("id").asText();
        // The auditor, who may read the task and its history, is refused by the engine (403). The others are refused
        // before that: Camunda's REST answers 400 "No task found" to a user who may not read the task's history, and
        // the webapps' REST turns every engine exception of a comment into 400.
        for (String user : List.of("audrey", "pat", "alice")) {
            for (Via via : Via.values()) {
                ApiClient.Reply comment = via.send(this, user, "POST", "/task/" + task + "/comment/create",
                        "{\"message\":\"Jane Roe, MRN 48213377\"}");
                assertThat(comment.status()).as(via + " " + user + ": " + comment.body())
                        .isEqualTo(via == Via.BASIC && user.equals("audrey") ? 403 : comment.status()).isIn(400, 403);
            }
            ApiClient.Reply attachment = multipart("/engine-rest/task/" + task + "/attachment/create", user, Map.of(
                    "attachment-name", "note.txt", "attachment-type", "text/plain", "content", "Jane Roe"));
            assertThat(attachment.status()).as(user + ": " + attachment.body())
                    .isEqualTo(user.equals("audrey") ? 403 : attachment.status()).isIn(400, 403);
        }
        assertThat(taskService.getTaskComments(task)).isEmpty();
        assertThat(taskService.getTaskAttachments(task)).isEmpty();
    }

    @Test
    void jobsAndJobDefinitionsAreReservedToOperationsAndAdministrators() {
        Job cleanup = historyService.findHistoryCleanupJobs().get(0);
        // Out of the job executor's way for this test, so what changes is what the users did.
        managementService.setJobDuedate(cleanup.getId(), java.util.Date.from(Instant.now().plusSeconds(3600)));
        cleanup = historyService.findHistoryCleanupJobs().get(0);
        String job = "/job/" + cleanup.getId();
        String definition = "/job-definition/" + cleanup.getJobDefinitionId();
        Map<String, Object> before = jobState(cleanup.getId());
        for (String user : List.of("alice", "audrey", "pat")) {
            for (Via via : Via.values()) {
                assertThat(via.send(this, user, "PUT", job + "/retries", "{\"retries\":0}").status()).as(via + user).isEqualTo(403);
                assertThat(via.send(this, user, "PUT", job + "/duedate", "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}")
                        .status()).as(via + user).isEqualTo(403);
                assertThat(via.send(this, user, "PUT", job + "/suspended", "{\"suspended\":true}").status()).as(via + user)
                        .isEqualTo(403);
                assertThat(via.send(this, user, "POST", job + "/execute", null).status()).as(via + user).isEqualTo(403);
                assertThat(via.send(this, user, "PUT", job + "/priority", "{\"priority\":99}").status()).as(via + user)
                        .isEqualTo(403);
                if (cleanup.getJobDefinitionId() != null) {
                    assertThat(via.send(this, user, "PUT", definition + "/suspended", "{\"suspended\":true}").status())
                            .as(via + user).isEqualTo(403);
                }
                assertThat(via.send(this, user, "POST", "/history/cleanup", null).status()).as(via + user).isEqualTo(403);
            }
        }
        assertThat(jobState(cleanup.getId())).isEqualTo(before);
        // Operations may set retries (to bring a failed publication back); the administrator may do everything.
        int retries = cleanup.getRetries();
        assertThat(Via.BASIC.send(this, "otto", "PUT", job + "/retries", "{\"retries\":" + retries + "}").status()).isEqualTo(204);
        assertThat(Via.BASIC.send(this, "otto", "PUT", job + "/duedate", "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}")
                .status()).isEqualTo(403);
        assertThat(Via.SESSION.send(this, "admin", "PUT", job + "/retries", "{\"retries\":" + retries + "}").status()).isEqualTo(204);
        assertThat(jobState(cleanup.getId())).isEqualTo(before);
    }

    @Test
    void usersCannotRenameThemselvesButMayChangeTheirPassword() {
        String user = "mallory" + System.nanoTime() % 100_000;
        User created = identityService.newUser(user);
        created.setFirstName("Mallory");
        created.setLastName("Author");
        created.setPassword(user);
        identityService.saveUser(created);
        identityService.createMembership(user, "authors");
        try {
            String profile = "{\"id\":\"" + user + "\",\"firstName\":\"Pat\",\"lastName\":\"Kim (privacy officer)\","
                    + "\"email\":\"pat@carepost.invalid\"}";
            ApiClient.Reply renamed = api.send("PUT", "/engine-rest/user/" + user + "/profile", user, profile);
            assertThat(renamed.status()).as(renamed.body()).isEqualTo(403);
            WebappSession session = new WebappSession(port);
            assertThat(session.login(user).status()).isEqualTo(200);
            assertThat(session.webappsSend("PUT", WebappSession.ENGINE_API + "/user/" + user + "/profile", profile).status())
                    .isEqualTo(403);
            assertThat(api.send("DELETE", "/engine-rest/user/" + user, user, null).status()).isEqualTo(403);
            User stored = identityService.createUserQuery().userId(user).singleResult();
            assertThat(stored.getFirstName() + " " + stored.getLastName()).isEqualTo("Mallory Author");
            // The own password, with the current one, stays the user's to change.
            ApiClient.Reply password = api.send("PUT", "/engine-rest/user/" + user + "/credentials", user,
                    "{\"password\":\"a-new-Passw0rd!\",\"authenticatedUserPassword\":\"" + user + "\"}");
            assertThat(password.status()).as(password.body()).isEqualTo(204);
            assertThat(identityService.checkPassword(user, "a-new-Passw0rd!")).isTrue();
        } finally {
            identityService.deleteUser(user);
        }
    }

    /** A multipart/form-data POST with these parts (values as text), as Camunda's REST clients send them. */
    ApiClient.Reply multipart(String path, String user, Map<String, String> parts) {
        String boundary = "carepost" + java.util.UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        parts.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"; filename=\"").append(name).append("\"\r\nContent-Type: text/plain\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()));
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Reply(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // 2. Multipart bodies were read whole into memory before any check (1.2 GB deployments as the auditor: OOM).

    @Test
    void uploadsAreRefusedFromTheirHeadersBeforeTheBodyIsRead() throws Exception {
        long huge = 1_288_490_188L; // 1.2 GiB declared; only the headers and a few bytes are ever sent
        WebappSession audrey = new WebappSession(port);
        assertThat(audrey.login("audrey").status()).isEqualTo(200);
        long deploymentsBefore = processEngine.getRepositoryService().createDeploymentQuery().count();
        // The auditor may not deploy: 403 at once, on /engine-rest and in the webapps' REST.
        assertThat(rawUpload("/engine-rest/deployment/create", huge, basicHeader("audrey"))).startsWith("HTTP/1.1 403");
        assertThat(rawUpload(WebappSession.ENGINE_API + "/deployment/create", huge, "X-XSRF-TOKEN: " + audrey.xsrfToken()
                + "\r\nCookie: " + audrey.cookieHeader())).startsWith("HTTP/1.1 403");
        // Nobody deploys over REST today, not even the administrator (CarePost deploys its models at start-up).
        assertThat(rawUpload("/engine-rest/deployment/create", 1000, basicHeader("admin"))).startsWith("HTTP/1.1 403");
        // Nor without a login; and a wrong password is a 401 whatever the group.
        assertThat(rawUpload("/engine-rest/deployment/create", huge, "")).startsWith("HTTP/1.1 401");
        assertThat(rawUpload("/engine-rest/deployment/create", huge, "Authorization: Basic "
                + java.util.Base64.getEncoder().encodeToString("cole:nope".getBytes()))).startsWith("HTTP/1.1 401");
        // An author may upload an image, but not 1.2 GB of one: 413 before the body.
        assertThat(rawUpload("/api/content/" + java.util.UUID.randomUUID() + "/media", huge, basicHeader("alice")))
                .startsWith("HTTP/1.1 413").contains("Upload too large");
        // A multipart body of unknown length, or where nothing is uploaded, is refused too.
        assertThat(rawUpload("/api/content/" + java.util.UUID.randomUUID() + "/media", -1, basicHeader("alice")))
                .startsWith("HTTP/1.1 411");
        assertThat(rawUpload("/engine-rest/process-definition/key/content-approval/submit-form", 1000, basicHeader("alice")))
                .startsWith("HTTP/1.1 415");
        assertThat(processEngine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    }

    /**
     * Sends only the headers of a multipart POST declaring {@code length} bytes (-1: chunked) and the first bytes of
     * its body, then reads the answer: it comes although the body never arrives, so nothing waited for or read it.
     */
    private String rawUpload(String path, long length, String headers) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=xyz\r\nAccept: application/json\r\n"
                    + (length < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n")
                    + (headers.isEmpty() ? "" : headers + "\r\n") + "\r\n"
                    + (length < 0 ? "10\r\n" : "") + "--xyz\r\nContent-Di";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(java.nio.charset.StandardCharsets.ISO_8859_1).contains("}")) {
                        break; // the problem's JSON is complete
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("no answer without the body: " + answer, e);
            }
            return answer.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private static String basicHeader(String user) {
        return "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    // 8. Hardening.

    @Test
    void malformedMultipartAndDeepJsonAreProblemsNot500() {
        String id = api.post("/api/content", "alice", ContentJourneyPostgresTest.draft("Flu shots all week.",
                "[\"linkedin\"]", Instant.now().plusSeconds(86_400))).json().get("id").asText();
        for (String body : List.of("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nabc",
                "garbage without any boundary", "--xyz\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--xyz--\r\n")) {
            ApiClient.Reply broken = raw("POST", "/api/content/" + id + "/media", "alice",
                    "multipart/form-data; boundary=xyz", body);
            assertThat(broken.status()).as(broken.body()).isEqualTo(400);
            assertThat(broken.json().get("title").asText()).as(broken.body()).isNotBlank();
        }
        String deep = "{\"variables\":{\"x\":{\"value\":" + "[".repeat(1001) + "]".repeat(1001) + "}}}";
        for (String path : List.of("/engine-rest/process-definition/key/content-approval/submit-form", "/engine-rest/task")) {
            ApiClient.Reply nested = api.post(path, "alice", deep);
            assertThat(nested.status()).as(path + ": " + nested.body()).isEqualTo(400);
        }
        WebappSession alice = new WebappSession(port);
        alice.login("alice");
        ApiClient.Reply nested = alice.webappsSend("POST", WebappSession.ENGINE_API + "/task", deep);
        assertThat(nested.status()).as(nested.body()).isEqualTo(400);
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndCookiesAreSecureOverTls() throws Exception {
        var page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/audit")).header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString("audrey:audrey".getBytes())).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'"));

        // Behind a TLS proxy (X-Forwarded-Proto from a trusted address): the session and the webapps' CSRF cookie
        // are Secure; over plain HTTP they cannot be (browsers would drop them).
        for (boolean tls : new boolean[] {true, false}) {
            var builder = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/")).GET();
            if (tls) {
                builder.header("X-Forwarded-Proto", "https");
            }
            var tasklist = java.net.http.HttpClient.newHttpClient().send(builder.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            List<String> cookies = tasklist.headers().allValues("Set-Cookie");
            assertThat(cookies).as("cookies").anyMatch(c -> c.startsWith("JSESSIONID=")).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
            if (tls) {
                assertThat(cookies).allMatch(c -> c.matches("(?i).*;\\s*Secure(;.*|$)"));
            } else {
                assertThat(cookies).noneMatch(c -> c.toLowerCase().contains("secure"));
            }
        }
    }

    private ApiClient.Reply raw(String method, String path, String user, String contentType, String body) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", contentType)
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Reply(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // 5. Anyone without a login could lock any account for good (ENGINE-27002).

    @Test
    void wrongPasswordsNeverLockAnAccountInTheEngine() {
        String user = newUser("locktarget", List.of("operations"));
        try {
            var engine = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
            for (int i = 0; i < 12; i++) { // straight to the engine's check, past any throttle
                assertThat(engine.getCommandExecutorTxRequired().execute(
                        new org.camunda.bpm.engine.impl.cmd.CheckPassword(user, "wrong" + i))).isFalse();
            }
            assertThat(engine.getCommandExecutorTxRequired().execute(
                    new org.camunda.bpm.engine.impl.cmd.CheckPassword(user, user))).as("not locked").isTrue();
        } finally {
            identityService.deleteUser(user);
        }
    }

    @Test
    void passwordGuessingIsThrottledByUserAndSourceOnEveryLoginPath() {
        String user = newUser("guesstarget", List.of("authors"));
        String source = "203.0.113." + (10 + System.nanoTime() % 200);
        double failuresBefore = meters.counter("carepost.login.attempts", "channel", "engine-rest", "outcome", "failure").count();
        try {
            for (int i = 0; i < 6; i++) {
                assertThat(basic("/engine-rest/task", user, "guess" + i, source).statusCode()).isEqualTo(401);
            }
            // Now the user must wait: even the right password is not checked, from any source, on any path.
            java.net.http.HttpResponse<String> throttled = basic("/engine-rest/task", user, user, source);
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isPositive());
            assertThat(throttled.body()).contains("Too many failed logins").doesNotContain(user + ":");
            assertThat(basic("/api/calendar?from=2030-01-01&to=2030-01-02", user, user, "198.51.100.7").statusCode()).isEqualTo(429);
            WebappSession browser = new WebappSession(port);
            assertThat(browser.login(user).status()).isEqualTo(429);
            ApiClient.Reply verify = api.post("/engine-rest/identity/verify", "alice",
                    "{\"username\":\"" + user + "\",\"password\":\"" + user + "\"}");
            assertThat(verify.json().get("authenticated").asBoolean()).isFalse();
            // It passes: the right password works again and clears the user's count.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(300))
                    .until(() -> basic("/engine-rest/task", user, user, source).statusCode() == 200);
            assertThat(basic("/engine-rest/task", user, "guess-again", source).statusCode()).isEqualTo(401);
            assertThat(meters.counter("carepost.login.attempts", "channel", "engine-rest", "outcome", "failure").count())
                    .isGreaterThanOrEqualTo(failuresBefore + 7);
        } finally {
            identityService.deleteUser(user);
        }
        // A source spraying many user names waits too, whoever it tries next.
        String sprayer = "203.0.113.250";
        for (int i = 0; i < 21; i++) {
            assertThat(basic("/engine-rest/task", "nobody" + i, "x", sprayer).statusCode()).isEqualTo(401);
        }
        assertThat(basic("/engine-rest/task", "alice", "alice", sprayer).statusCode()).isEqualTo(429);
    }

    private String newUser(String prefix, List<String> groups) {
        String user = prefix + System.nanoTime() % 1_000_000;
        User created = identityService.newUser(user);
        created.setFirstName(prefix);
        created.setLastName("Test");
        created.setPassword(user);
        identityService.saveUser(created);
        groups.forEach(g -> identityService.createMembership(user, g));
        return user;
    }

    /** HTTP Basic from a given client address (the proxy's X-Forwarded-For, believed from loopback). */
    private java.net.http.HttpResponse<String> basic(String path, String user, String password, String forwardedFor) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + path)).header("X-Forwarded-For", forwardedFor)
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8))).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Map<String, Object> jobState(String jobId) {
        return jdbc.queryForMap("select retries_, duedate_, suspension_state_, priority_ from act_ru_job where id_ = ?", jobId);
    }

    /** The two ways into the engine's REST API: /engine-rest with Basic, and the webapps' with a login and token. */
    enum Via {
        BASIC, SESSION;

        ApiClient.Reply send(HostileUserTest test, String user, String method, String path, String json) {
            if (this == BASIC) {
                return test.api.send(method, "/engine-rest" + path, user, json);
            }
            WebappSession session = test.sessions.computeIfAbsent(user, u -> {
                WebappSession s = new WebappSession(test.port);
                assertThat(s.login(u).status()).as("webapp login " + u).isEqualTo(200);
                return s;
            });
            return session.webappsSend(method, WebappSession.ENGINE_API + path, json == null ? "{}" : json);
        }
    }

    /** Alice's draft, rejected by legal: the state in which the hijacked draft was found. */
    private String rejectedDraftOfAlice(String comment) {
        ApiClient.Reply created = api.post("/api/content", "alice", ContentJourneyPostgresTest.draft("Flu shots all week.",
                "[\"linkedin\"]", Instant.now().plusSeconds(86_400)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String pid = created.json().get("processInstanceId").asText();
        JsonNode tasks = api.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=legalReview", "lee").json();
        assertThat(tasks).hasSize(1);
        ApiClient.Reply rejected = api.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete", "lee",
                ContentJourneyPostgresTest.decision("reject", comment));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(204);
        assertThat(api.get("/api/content/" + id, "alice").json().get("status").asText()).isEqualTo("REJECTED");
        return id;
    }

}
