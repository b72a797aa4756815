package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.audit.AuditVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail on real PostgreSQL: chain after a full approval, tampering, the auditor's read-only views. */
@PostgresApplicationTest
class AuditTrailPostgresTest {

    static final List<String> JOURNEY = List.of("submit", "route", "review", "review", "review", "signoff", "approve", "publish", "publish");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    HistoryService historyService;

    @Autowired
    ProcessEngine engine;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    record Journey(String id, String pid, String text) {
    }

    /** A post driven through every review, the sign-off and publication, as in ContentJourneyPostgresTest. */
    Journey publishedPost(String text) {
        ApiClient.Reply created = api.post("/api/content", "alice",
                ContentJourneyPostgresTest.draft(text, "[\"facebook\", \"x\"]", Instant.now().plusSeconds(3)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String pid = created.json().get("processInstanceId").asText();
        completeAs("pat", pid, "privacyReview", "approve", "No PHI.");
        completeAs("lee", pid, "legalReview", "approve", "");
        completeAs("bria", pid, "brandReview", "approve", "On brand.");
        completeAs("carl", pid, "departmentSignoff", "approve", "Signed off.");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                api.get("/api/content/" + id, "alice").json().get("status").asText().equals("PUBLISHED"));
        return new Journey(id, pid, text);
    }

    @Test
    void chainVerifiesAfterAFullApprovalAndTheAuditorSeesTheWholeHistory() {
        String text = "<b>Heart</b> & lungs: #set($x = 1)$x ${x} checks in the lobby";
        Journey post = publishedPost(text);

        JsonNode verify = api.get("/api/audit/verify", "audrey").json();
        assertThat(verify.get("ok").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("line").asText()).isEqualTo("OK n=" + verify.get("count").asLong());
        assertThat(api.get("/api/audit/verify", "admin").status()).isEqualTo(200);

        ApiClient.Reply reply = api.get("/api/audit/content/" + post.id(), "audrey");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode dossier = reply.json();
        List<String> actions = new ArrayList<>();
        dossier.get("events").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactlyElementsOf(JOURNEY);
        assertThat(dossier.get("chain").get("ok").asBoolean()).isTrue();
        assertThat(dossier.get("approvedText").asText()).isEqualTo(text);
        assertThat(dossier.get("approvedTextMatchesHash").asBoolean()).isTrue();
        assertThat(dossier.get("published")).hasSize(2).allSatisfy(p -> {
            assertThat(p.get("text").asText()).isEqualTo(text);
            assertThat(p.get("matchesApproved").asBoolean()).isTrue();
        });
        // Joined with Camunda's history: task creations and completions, and who completed what.
        List<String> camunda = new ArrayList<>();
        dossier.get("timeline").forEach(t -> {
            if (t.get("source").asText().equals("camunda")) {
                camunda.add(t.get("what").asText() + " by " + t.get("actor").asText());
            }
        });
        assertThat(camunda).contains("task created by null", "operation Complete by pat", "operation Complete by lee",
                "operation Complete by bria", "operation Complete by carl");
        assertThat(camunda.stream().filter(c -> c.startsWith("task completed"))).hasSize(4);

        // The page shows the texts side by side, escaped and never evaluated.
        ApiClient.Reply page = api.get("/audit/content/" + post.id(), "audrey");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;b&gt;Heart&lt;/b&gt; &amp; lungs: #set($x = 1)$x ${x} checks in the lobby")
                .doesNotContain("<b>Heart</b>").contains("matches the approved hash").contains("OK n=")
                .contains("Pat Kim (privacy officer) approved the privacy review").doesNotContain("operation Complete")
                .contains("@media print");
        ApiClient.Reply list = api.get("/audit", "audrey");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("/audit/content/" + post.id());
    }

    @Test
    void anUpdateMadeDirectlyInPostgresqlIsDetectedAtTheRightRow() {
        Journey post = publishedPost("Flu shots every Tuesday.");
        Long signoffSeq = jdbc.queryForObject("select seq from audit_event where content_id = ? and action = 'signoff'",
                Long.class, UUID.fromString(post.id()));
        assertThat(verifier.verify().ok()).isTrue();

        // The trigger refuses changes and removals.
        assertThatThrownBy(() -> jdbc.update("update audit_event set comment = 'Not signed off.' where seq = ?", signoffSeq))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where seq = ?", signoffSeq))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

        // Someone with the power to disable it changes one comment ...
        String original = jdbc.queryForObject("select comment from audit_event where seq = ?", String.class, signoffSeq);
        try {
            tamper(signoffSeq, "Not signed off.");
            AuditVerifier.Result result = verifier.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.brokenSeq()).isEqualTo(signoffSeq);
            assertThat(result.line()).startsWith("BROKEN seq=" + signoffSeq + ": hash mismatch");
            JsonNode verify = api.get("/api/audit/verify", "audrey").json();
            assertThat(verify.get("brokenSeq").asLong()).isEqualTo(signoffSeq);
            JsonNode itemChain = api.get("/api/audit/content/" + post.id(), "audrey").json().get("chain");
            assertThat(itemChain.get("ok").asBoolean()).isFalse();
            assertThat(itemChain.get("brokenSeq").asLong()).isEqualTo(signoffSeq);
        } finally {
            tamper(signoffSeq, original);
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    private void tamper(long seq, String comment) {
        jdbc.execute("alter table audit_event disable trigger audit_event_append_only");
        try {
            jdbc.update("update audit_event set comment = ? where seq = ?", comment, seq);
        } finally {
            jdbc.execute("alter table audit_event enable trigger audit_event_append_only");
        }
    }

    @Test
    void exportsPerPeriodContainEveryDecision() {
        Instant from = Instant.now().minusSeconds(1);
        Journey post = publishedPost("Walk with a doc, Saturday 9am.");
        String to = Instant.now().plusSeconds(1).toString();
        String range = "from=" + from + "&to=" + to;

        ApiClient.Reply json = api.get("/api/audit/export.json?" + range, "audrey");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        List<String> decisions = new ArrayList<>();
        json.json().forEach(e -> {
            if (post.id().equals(e.get("contentId").asText())) {
                actions.add(e.get("action").asText());
                if (!e.get("decision").isNull()) {
                    decisions.add(e.get("actor").asText() + ":" + e.get("decision").asText());
                }
            }
        });
        assertThat(actions).containsExactlyElementsOf(JOURNEY);
        assertThat(decisions).contains("pat:approve", "lee:approve", "bria:approve", "carl:approve");

        ApiClient.Reply csv = api.get("/api/audit/export.csv?" + range, "audrey");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().split("\r?\n");
        assertThat(lines[0]).isEqualTo("seq,occurredAt,actor,action,contentId,versionHash,consentId,decision,comment,"
                + "processInstanceId,taskId,prevHash,hash");
        List<String> csvActions = new ArrayList<>();
        for (String line : lines) {
            if (line.contains(post.id())) {
                csvActions.add(line.split(",")[3]);
            }
        }
        assertThat(csvActions).containsExactlyElementsOf(JOURNEY);
        assertThat(csv.body()).contains("Signed off.");

        // Days are accepted too; a bad period is a 400 naming the field.
        assertThat(api.get("/api/audit/export.json?from=2020-01-01&to=2020-01-02", "audrey").body()).isEqualTo("[]");
        ApiClient.Reply bad = api.get("/api/audit/export.csv?from=yesterday&to=" + to, "audrey");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("from");
    }

    @Test
    void auditorsReadButCannotStartClaimCompleteOrChangeAnything() {
        ApiClient.Reply created = api.post("/api/content", "alice",
                ContentJourneyPostgresTest.draft("Free blood-pressure checks in the lobby.", "[\"x\"]", Instant.now().plusSeconds(3600)));
        String id = created.json().get("id").asText();
        String pid = created.json().get("processInstanceId").asText();

        // Reads: the draft, its tasks, its history.
        assertThat(api.get("/api/content/" + id, "audrey").status()).isEqualTo(200);
        ApiClient.Reply tasks = api.get("/engine-rest/task?processInstanceId=" + pid, "audrey");
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.json()).hasSize(3);
        String task = tasks.json().get(0).get("id").asText();
        assertThat(api.get("/engine-rest/history/task?processInstanceId=" + pid, "audrey").json()).hasSize(3);

        // Every change is refused, by the engine and by our API.
        assertThat(api.post("/engine-rest/process-definition/key/content-approval/start", "audrey", "{}").status()).isEqualTo(403);
        assertThat(api.post("/engine-rest/task/" + task + "/claim", "audrey", "{\"userId\":\"audrey\"}").status()).isEqualTo(403);
        assertThat(api.post("/engine-rest/task/" + task + "/assignee", "audrey", "{\"userId\":\"audrey\"}").status()).isEqualTo(403);
        assertThat(api.post("/engine-rest/task/" + task + "/complete", "audrey",
                ContentJourneyPostgresTest.decision("approve", "")).status()).isEqualTo(403);
        assertThat(api.post("/engine-rest/process-instance/" + pid + "/variables", "audrey",
                "{\"modifications\":{\"decision\":{\"value\":\"approve\"}}}").status()).isEqualTo(403);
        assertThat(api.post("/api/content", "audrey",
                ContentJourneyPostgresTest.draft("x", "[\"x\"]", Instant.now().plusSeconds(3600))).status()).isEqualTo(403);
        assertThat(api.post("/api/content/" + id + "/versions", "audrey", "{\"text\":\"x\"}").status()).isEqualTo(403);
        // Nothing changed: the task is still open, unassigned, and no decision was recorded.
        JsonNode after = api.get("/engine-rest/task/" + task, "audrey").json();
        assertThat(after.get("assignee").isNull()).isTrue();
        assertThat(api.get("/api/content/" + id, "audrey").json().get("approvals")).isEmpty();

        // The auditor's views are for auditors only.
        for (String path : List.of("/api/audit/verify", "/api/audit/content/" + id, "/audit", "/audit/content/" + id,
                "/api/audit/export.json?from=2020-01-01&to=2020-01-02")) {
            assertThat(api.get(path, "alice").status()).as(path).isEqualTo(403);
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
        }
        assertThat(api.get("/api/audit/content/" + id, "audrey").status()).isEqualTo(200);
    }

    @Test
    void engineHistoryIsKeptSixYearsAndCleanedOnlyInTheNightlyWindow() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");

        Journey post = publishedPost("Retention check.");
        await().atMost(Duration.ofSeconds(30)).until(() -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(post.pid()).singleResult().getEndTime() != null);
        var instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(post.pid()).singleResult();
        assertThat(instance.getRemovalTime()).isNotNull();
        assertThat(Duration.between(instance.getEndTime().toInstant(), instance.getRemovalTime().toInstant()))
                .isEqualTo(Duration.ofDays(2192));
    }

    private void completeAs(String user, String pid, String taskKey, String decision, String comment) {
        ApiClient.Reply tasks = api.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + taskKey, user);
        assertThat(tasks.json()).as(user + " sees " + taskKey).hasSize(1);
        String id = tasks.json().get(0).get("id").asText();
        ApiClient.Reply reply = api.post("/engine-rest/task/" + id + "/complete", user,
                ContentJourneyPostgresTest.decision(decision, comment));
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }
}
