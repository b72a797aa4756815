package org.carepost.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.audit.AuditEvent;
import org.carepost.audit.AuditEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Routing over HTTP on real PostgreSQL: crisis fast track, medical sources, cross-department, edit after approval. */
@PostgresApplicationTest
class ReviewRoutingPostgresTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditEvents auditEvents;

    @Autowired
    HistoryService historyService;

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void theRoutingDecisionRunsOnTheJavaFeelAsRoutingDecisionBenchmarkMeasured() {
        // ReviewRoutingDmnTest proves both FEELs decide alike; this is the setting the engine runs with.
        assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .isDmnFeelEnableLegacyBehavior()).isTrue();
    }

    @Test
    void crisisUpdateIsReviewedByPrivacyAndCommunicationsAndPublishedAtOnce() {
        ApiClient.Reply created = api.post("/api/content", "alice", draft("crisis-update",
                "Road closure at the north entrance; use the south entrance.", Instant.now().plusSeconds(86_400), ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String pid = created.json().get("processInstanceId").asText();
        assertThat(taskService.createTaskQuery().processInstanceId(pid).list())
                .extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey)
                .containsExactlyInAnyOrder("privacyReview", "communicationsReview");
        completeAs("pat", pid, "privacyReview", "approve", "");
        completeAs("cole", pid, "communicationsReview", "approve", "Matches the incident brief.");

        // Published long before publishAt (tomorrow): no sign-off, no waiting.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                api.get("/api/content/" + id, "alice").json().get("status").asText().equals("PUBLISHED"));
        assertThat(auditEvents.ofContent(UUID.fromString(id))).extracting(AuditEvent::getAction)
                .startsWith("submit", "route").contains("approve", "publish").doesNotContain("signoff");

        // The calendar shows it when it went out, not at the time it had been scheduled for.
        Instant now = Instant.now();
        JsonNode today = api.get("/api/calendar?from=" + now.minus(Duration.ofHours(1)) + "&to=" + now.plusSeconds(60), "bria").json();
        JsonNode entry = null;
        for (JsonNode e : today) {
            if (e.get("contentId").asText().equals(id)) {
                entry = e;
            }
        }
        assertThat(entry).as(today.toString()).isNotNull();
        assertThat(Instant.parse(entry.get("time").asText())).isBetween(now.minus(Duration.ofMinutes(5)), now);
        assertThat(Instant.parse(entry.get("publishAt").asText())).isAfter(now.plus(Duration.ofHours(20)));
        JsonNode tomorrow = api.get("/api/calendar?from=" + now.plus(Duration.ofHours(20)) + "&to="
                + now.plus(Duration.ofHours(30)), "bria").json();
        assertThat(tomorrow.findValuesAsText("contentId")).doesNotContain(id);
        assertThat(api.get("/api/calendar.ics?from=" + now.minus(Duration.ofHours(1)) + "&to=" + now.plusSeconds(60),
                "bria").body()).contains("UID:" + id + "@carepost");
    }

    @Test
    void healthClaimsNeedTheMedicalReviewAndItsSources() {
        ApiClient.Reply created = api.post("/api/content", "alice", draft("education",
                "Our new therapy cures migraines in 90% of patients.", Instant.now().plusSeconds(3600), ""));
        String pid = created.json().get("processInstanceId").asText();
        String task = taskId("mia", pid, "medicalReview");
        JsonNode variables = api.get("/engine-rest/task/" + task + "/form-variables", "mia").json();
        assertThat(variables.get("claimCount").get("value").asInt()).isEqualTo(2);

        ApiClient.Reply noSource = api.post("/engine-rest/task/" + task + "/complete", "mia",
                "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}");
        assertThat(noSource.status()).isEqualTo(400);
        assertThat(noSource.body()).contains("claimSources");
        ApiClient.Reply sourced = api.post("/engine-rest/task/" + task + "/complete", "mia",
                "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"claimSources\":{\"value\":"
                        + "\"https://example.org/trial\\ndoi:10.1000/xyz123\"}}}");
        assertThat(sourced.status()).as(sourced.body()).isEqualTo(204);
    }

    @Test
    void crossDepartmentPostIsSignedOffByEachHead() {
        ApiClient.Reply bad = api.post("/api/content", "alice", draft("education", "Joint clinic.",
                Instant.now().plusSeconds(3600), ",\"coDepartments\":[\"cardiology\"]"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).contains("coDepartments");
        assertThat(api.post("/api/content", "alice", draft("education", "Joint clinic.",
                Instant.now().plusSeconds(3600), ",\"coDepartments\":[\"dentistry\"]")).status()).isEqualTo(400);

        ApiClient.Reply created = api.post("/api/content", "alice", draft("education", "Joint heart and cancer clinic.",
                Instant.now().plusSeconds(3600), ",\"coDepartments\":[\"oncology\"]"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String pid = created.json().get("processInstanceId").asText();
        completeAs("pat", pid, "privacyReview", "approve", "");
        completeAs("lee", pid, "legalReview", "approve", "");
        completeAs("bria", pid, "brandReview", "approve", "");
        completeAs("carl", pid, "departmentSignoff", "approve", "");
        assertThat(api.get("/api/content/" + id, "alice").json().get("status").asText()).isEqualTo("IN_REVIEW");
        completeAs("olga", pid, "departmentSignoff", "approve", "");
        JsonNode content = api.get("/api/content/" + id, "alice").json();
        assertThat(content.get("status").asText()).isEqualTo("APPROVED");
        assertThat(content.get("coDepartments")).extracting(JsonNode::asText).containsExactly("oncology");
    }

    @Test
    void editAfterApprovalVoidsTheApprovalAndGoesBackToReview() {
        ApiClient.Reply created = api.post("/api/content", "alice", draft("education", "Version one.",
                Instant.now().plusSeconds(3600), ""));
        String id = created.json().get("id").asText();
        String pid = created.json().get("processInstanceId").asText();
        completeAs("pat", pid, "privacyReview", "approve", "");
        completeAs("lee", pid, "legalReview", "approve", "");
        completeAs("bria", pid, "brandReview", "approve", "");
        completeAs("carl", pid, "departmentSignoff", "approve", "");
        assertThat(api.get("/api/content/" + id, "alice").json().get("status").asText()).isEqualTo("APPROVED");

        assertThat(api.post("/api/content/" + id + "/versions", "omar", "{\"text\":\"x\"}").status()).isEqualTo(403);
        ApiClient.Reply revised = api.post("/api/content/" + id + "/versions", "alice", "{\"text\":\"Version two.\"}");
        assertThat(revised.status()).as(revised.body()).isEqualTo(201);

        JsonNode content = api.get("/api/content/" + id, "alice").json();
        assertThat(content.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(content.get("approvedHash").isNull()).isTrue();
        String next = content.get("processInstanceId").asText();
        assertThat(next).isNotEqualTo(pid);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult()
                .getEndTime()).isNotNull();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pid)
                .activityId("supersededByRevision").finished().count()).isEqualTo(1);
        // The reviewer sees exactly the new text.
        String task = taskId("pat", next, "privacyReview");
        JsonNode view = org.carepost.TasklistForms.draftView(
                api.get("/engine-rest/task/" + task + "/form-variables?deserializeValues=false", "pat").json());
        assertThat(view.get("text").asText()).isEqualTo("Version two.");
        assertThat(view.get("versionNo").asText()).isEqualTo("2");
    }

    private void completeAs(String user, String pid, String taskKey, String decision, String comment) {
        String id = taskId(user, pid, taskKey);
        ApiClient.Reply reply = api.post("/engine-rest/task/" + id + "/complete", user,
                "{\"variables\":{\"decision\":{\"value\":\"" + decision + "\"},\"comment\":{\"value\":\"" + comment + "\"}}}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }

    private String taskId(String user, String pid, String taskKey) {
        ApiClient.Reply tasks = api.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + taskKey
                + "&candidateUser=" + user, user);
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.json()).as(user + " sees " + taskKey + " in " + pid).hasSize(1);
        return tasks.json().get(0).get("id").asText();
    }

    private static String draft(String kind, String text, Instant publishAt, String extra) {
        return "{\"title\":\"Routing\",\"kind\":\"" + kind + "\",\"department\":\"cardiology\",\"text\":\"" + text
                + "\",\"platforms\":[\"x\"],\"publishAt\":\"" + publishAt + "\"" + extra + "}";
    }
}
