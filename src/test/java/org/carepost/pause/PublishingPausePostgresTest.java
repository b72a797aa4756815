package org.carepost.pause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.audit.AuditAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishing paused during a crisis, on real PostgreSQL with the job executor running: 50 approved posts whose
 * scheduled times pass while publishing is paused are held (none published, no incident, nothing withdrawn); a second
 * person resumes and each is published exactly once, released in publishAt order. A department's pause holds only
 * that department's posts. Both are audited and on /actuator/prometheus.
 */
@PostgresApplicationTest
class PublishingPausePostgresTest {

    private static final int POSTS = 50;

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PausedGauge gauge;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        endLeftoverPauses();
    }

    /** A failed run must not leave publishing paused for the other tests sharing this application. */
    @AfterEach
    void endLeftoverPauses() {
        jdbc.update("update publishing_pause set resumed_at = now(), resumed_by = 'test-cleanup', how_ended = 'cancelled' "
                + "where resumed_at is null");
        runtime.createProcessInstanceQuery().processDefinitionKey(PublishingPauses.PROCESS_KEY).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup", true));
        runtime.createExecutionQuery().messageEventSubscriptionName("PublishingResumed").list().forEach(e ->
                runtime.createMessageCorrelation("PublishingResumed").processInstanceId(e.getProcessInstanceId())
                        .correlateAll());
        gauge.refresh();
    }

    @Test
    void fiftyScheduledPostsAreHeldWhilePausedAndEachIsPublishedOnceAfterASecondPersonResumes() {
        String pause = startPause("cole", "all", null).json().get("id").asText();
        assertThat(paused("scope=\"all\"")).isEqualTo(1.0);
        // A second pause of everything while one is in force says so.
        ApiClient.Reply twice = startPause("pat", "all", null);
        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(twice.body()).contains("paused for all departments already").doesNotContain("ENGINE-");

        Instant first = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        List<String> ids = new ArrayList<>();
        List<String> processes = new ArrayList<>();
        // Created in reverse, so the release order (publishAt) is not simply the creation order.
        for (int i = POSTS - 1; i >= 0; i--) {
            ApiClient.Reply created = draft("cardiology", first.plusMillis(200L * i));
            ids.add(0, created.json().get("id").asText());
            processes.add(0, created.json().get("processInstanceId").asText());
        }
        processes.forEach(pi -> approve(pi, "carl", "dept-cardiology"));

        // Their times pass: every one waits at "Publishing resumed", none is published, no job fails.
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                processes.stream().allMatch(this::held));
        assertThat(Instant.now()).isAfter(first.plusMillis(200L * (POSTS - 1)));
        assertThat(publications(ids)).isZero();
        assertThat(runtime.createIncidentQuery().count()).isZero();
        assertThat(jdbc.queryForList("select distinct status from content_item where id::text = any (?)", String.class,
                (Object) ids.toArray(String[]::new))).doesNotContain("WITHDRAWN");
        assertThat(jdbc.queryForObject("select count(*) from publishing_hold where pause_id = ? and content_id::text = any (?)",
                Integer.class, pause, ids.toArray(String[]::new))).isEqualTo(POSTS);

        // Cole paused, so Cole cannot resume (403, the task stays); Pat can.
        String task = tasks.createTaskQuery().processInstanceId(pause).taskDefinitionKey("publishingPaused")
                .singleResult().getId();
        ApiClient.Reply byCole = resume("cole", task);
        assertThat(byCole.status()).as(byCole.body()).isEqualTo(403);
        assertThat(byCole.body()).contains("a second person").doesNotContain("ENGINE-");
        assertThat(publications(ids)).isZero();
        assertThat(resume("bria", task).status()).as("brand is not a pauser's group").isEqualTo(403);
        Instant resumedAfter = Instant.now();
        assertThat(resume("pat", task).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                jdbc.queryForObject("select count(*) from content_item where status = 'PUBLISHED' and id::text = any (?)",
                        Integer.class, (Object) ids.toArray(String[]::new)) == POSTS);
        // Each exactly once, and none before the resume.
        List<Map<String, Object>> rows = jdbc.queryForList("select content_id::text as id, count(*) as n, "
                + "min(published_at) as first from publication where content_id::text = any (?) group by content_id",
                (Object) ids.toArray(String[]::new));
        assertThat(rows).hasSize(POSTS).allSatisfy(row -> {
            assertThat(((Number) row.get("n")).intValue()).isEqualTo(1);
            assertThat(((java.sql.Timestamp) row.get("first")).toInstant()).isAfter(resumedAfter);
        });
        assertThat(jdbc.queryForObject("select count(*) from sandbox_post s join publication p on p.idempotency_key = "
                + "s.idempotency_key where p.content_id::text = any (?)", Integer.class,
                (Object) ids.toArray(String[]::new))).isEqualTo(POSTS);
        assertThat(runtime.createIncidentQuery().count()).isZero();

        // The audit trail: who paused and why, who resumed, and what was held, released in publishAt order.
        await().atMost(Duration.ofSeconds(60)).until(() -> audit(pause, AuditAction.HELD_POSTS_RELEASED).isPresent());
        assertThat(audit(pause, AuditAction.PUBLISHING_PAUSED).orElseThrow())
                .contains("cole", "paused publishing for all departments", "Outage of the patient portal");
        assertThat(audit(pause, AuditAction.PUBLISHING_RESUMED).orElseThrow())
                .contains("pat", "paused by cole", "Outage of the patient portal", POSTS + " posts held");
        String released = audit(pause, AuditAction.HELD_POSTS_RELEASED).orElseThrow();
        List<String> order = Arrays.stream(released.substring(released.indexOf("order: ") + 7).split(", "))
                .map(s -> s.replace(" and ", "")).filter(ids::contains).toList();
        assertThat(order).containsExactlyElementsOf(ids);
        assertThat(jdbc.queryForObject("select actor from audit_event where process_instance_id = ? and action = ?",
                String.class, pause, AuditAction.PUBLISHING_RESUMED.code())).isEqualTo("pat");
        gauge.refresh();
        assertThat(paused("scope=\"all\"")).isEqualTo(0.0);
    }

    @Test
    void aDepartmentsPauseHoldsOnlyThatDepartmentsPosts() {
        String pause = startPause("pat", "department", "oncology").json().get("id").asText();
        assertThat(paused("department=\"oncology\"")).isEqualTo(1.0);
        assertThat(paused("department=\"cardiology\"")).isEqualTo(0.0);
        assertThat(paused("scope=\"all\"")).isEqualTo(0.0);
        Instant at = Instant.now().plusSeconds(8);
        ApiClient.Reply oncology = draft("oncology", at);
        ApiClient.Reply cardiology = draft("cardiology", at);
        approve(oncology.json().get("processInstanceId").asText(), "olga", "dept-oncology");
        approve(cardiology.json().get("processInstanceId").asText(), "carl", "dept-cardiology");
        String oncologyId = oncology.json().get("id").asText();
        String cardiologyId = cardiology.json().get("id").asText();

        await().atMost(Duration.ofSeconds(90)).until(() -> publications(List.of(cardiologyId)) == 1
                && held(oncology.json().get("processInstanceId").asText()));
        assertThat(publications(List.of(oncologyId))).isZero();

        String task = tasks.createTaskQuery().processInstanceId(pause).singleResult().getId();
        assertThat(resume("pat", task).status()).isEqualTo(403);
        assertThat(resume("cole", task).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(90)).until(() -> publications(List.of(oncologyId)) == 1);
        assertThat(publications(List.of(cardiologyId))).isEqualTo(1);
        gauge.refresh();
        assertThat(paused("department=\"oncology\"")).isEqualTo(0.0);
    }

    /**
     * As an attacker would: the author sends the message that wakes held posts through /engine-rest, and the pauser
     * rewrites the task's "paused by" and resumes through the webapps' REST (Tasklist's own client). Neither releases
     * anything: the hold re-checks the pause, and who paused is read from our table, not from a variable.
     */
    @Test
    void neitherAWakeUpMessageNorARewrittenVariableNorTheWebappsRestReleasesAHeldPost() {
        String pause = startPause("cole", "all", null).json().get("id").asText();
        ApiClient.Reply created = draft("cardiology", Instant.now().plusSeconds(5));
        String id = created.json().get("id").asText();
        String process = created.json().get("processInstanceId").asText();
        approve(process, "carl", "dept-cardiology");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> held(process));

        ApiClient.Reply wakeUp = api.post("/engine-rest/message", "alice",
                "{\"messageName\":\"PublishingResumed\",\"businessKey\":\"" + id + "\"}");
        assertThat(wakeUp.status()).as(wakeUp.body()).isIn(400, 403);
        assertThat(wakeUp.body()).doesNotContain("ENGINE-");

        String task = tasks.createTaskQuery().processInstanceId(pause).taskDefinitionKey("publishingPaused")
                .singleResult().getId();
        ApiClient.Reply rewritten = api.send("PUT", "/engine-rest/task/" + task + "/variables/pausedBy", "cole",
                "{\"value\":\"pat\",\"type\":\"String\"}");
        org.carepost.WebappSession tasklist = new org.carepost.WebappSession(port);
        assertThat(tasklist.login("cole").status()).isEqualTo(200);
        ApiClient.Reply viaWebapps = tasklist.webappsSend("POST", org.carepost.WebappSession.ENGINE_API + "/task/" + task
                + "/complete", "{\"variables\":{\"resume\":{\"value\":true}}}");
        assertThat(viaWebapps.status()).as("rewrite " + rewritten.status() + "; " + viaWebapps.body()).isEqualTo(403);

        assertThat(held(process)).isTrue();
        assertThat(publications(List.of(id))).isZero();
        assertThat(tasks.createTaskQuery().taskId(task).count()).as("the pause's task stays open").isEqualTo(1);
    }

    @Test
    void onlyCommunicationsAndPrivacyMayPauseAndBadInputIsASentence() {
        for (String user : List.of("alice", "bria", "lee", "carl", "audrey", "otto")) {
            ApiClient.Reply refused = startPause(user, "all", null);
            assertThat(refused.status()).as(user + ": " + refused.body()).isIn(403, 404);
            assertThat(refused.body()).doesNotContain("ENGINE-");
        }
        ApiClient.Reply noDepartment = startPause("cole", "department", null);
        assertThat(noDepartment.status()).isEqualTo(400);
        assertThat(noDepartment.body()).contains("Department: choose the department");
        ApiClient.Reply unknown = startPause("cole", "department", "radiology");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("not one of CarePost's departments").doesNotContain("radiology\"");
        ApiClient.Reply past = api.post("/engine-rest/process-definition/key/pause-publishing/submit-form", "cole",
                form("Outage", "all", null, Instant.now().minusSeconds(60).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).contains("Expected end: choose a time in the future.");
        ApiClient.Reply noReason = api.post("/engine-rest/process-definition/key/pause-publishing/submit-form", "cole",
                form(" ", "all", null, Instant.now().plusSeconds(3600).toString()));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("Reason: say why publishing is paused");
        ApiClient.Reply tooFar = api.post("/engine-rest/process-definition/key/pause-publishing/submit-form", "cole",
                form("Outage", "all", null, Instant.now().plus(Duration.ofDays(31)).toString()));
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.body()).contains("Expected end: at most 30 days ahead");
        assertThat(jdbc.queryForObject("select count(*) from publishing_pause where resumed_at is null", Integer.class))
                .isZero();
    }

    private ApiClient.Reply startPause(String user, String scope, String department) {
        ApiClient.Reply reply = api.post("/engine-rest/process-definition/key/pause-publishing/submit-form", user,
                form("Outage of the patient portal", scope, department,
                        Instant.now().plus(Duration.ofHours(2)).toString()));
        if (user.equals("cole") || user.equals("pat")) {
            gauge.refresh();
        }
        return reply;
    }

    private static String form(String reason, String scope, String department, String expectedEnd) {
        return "{\"variables\":{\"reason\":{\"value\":\"" + reason + "\"},\"scope\":{\"value\":\"" + scope + "\"}"
                + (department == null ? "" : ",\"department\":{\"value\":\"" + department + "\"}")
                + ",\"expectedEnd\":{\"value\":\"" + expectedEnd + "\"}}}";
    }

    private ApiClient.Reply resume(String user, String task) {
        return api.post("/engine-rest/task/" + task + "/complete", user,
                "{\"variables\":{\"resume\":{\"value\":true},\"resumeNote\":{\"value\":\"Incident command: all clear\"}}}");
    }

    private ApiClient.Reply draft(String department, Instant publishAt) {
        String author = department.equals("oncology") ? "omar" : "alice";
        ApiClient.Reply created = api.post("/api/content", author, "{\"title\":\"Visiting hours\",\"kind\":\"education\","
                + "\"department\":\"" + department + "\",\"text\":\"Visiting hours are 9 to 8 every day.\","
                + "\"platforms\":[\"facebook\"],\"publishAt\":\"" + publishAt + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    /** Privacy, legal and brand approve, then the department's head signs off (in Java: 200 REST calls saved). */
    private void approve(String process, String head, String headGroup) {
        complete(process, "privacyReview", "pat", "privacy");
        complete(process, "legalReview", "lee", "legal");
        complete(process, "brandReview", "bria", "brand");
        complete(process, "departmentSignoff", head, "dept-heads", headGroup);
    }

    private void complete(String process, String taskKey, String user, String... groups) {
        new org.carepost.ReviewApprovals(tasks, identity).approve(process, taskKey, user, groups);
    }

    private boolean held(String process) {
        return runtime.createExecutionQuery().processInstanceId(process).activityId("publishingResumed").count() == 1;
    }

    private int publications(List<String> ids) {
        return jdbc.queryForObject("select count(*) from publication where content_id::text = any (?)", Integer.class,
                (Object) ids.toArray(String[]::new));
    }

    private Optional<String> audit(String pause, AuditAction action) {
        return jdbc.queryForList("select actor || ': ' || comment from audit_event where process_instance_id = ? "
                + "and action = ? order by id", String.class, pause, action.code()).stream().findFirst();
    }

    private double paused(String label) {
        String body = api.get("/actuator/prometheus", "otto").body();
        return body.lines().filter(l -> l.startsWith("carepost_publishing_paused{") && l.contains(label))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no carepost_publishing_paused series with " + label));
    }
}
