package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.audit.AuditEvent;
import org.carepost.audit.AuditEvents;
import org.carepost.publishing.SandboxInbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A draft's whole life over HTTP, as its users would drive it, on real PostgreSQL. */
@PostgresApplicationTest
class ContentJourneyPostgresTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditEvents auditEvents;

    @Autowired
    org.springframework.context.ApplicationContext context;

    SandboxInbox sandboxPosts;

    @Autowired
    IdentityService identityService;

    @Autowired
    HistoryService historyService;

    ApiClient api;

    @BeforeEach
    void setUp() {
        sandboxPosts = new SandboxInbox(context);
        api = new ApiClient(port);
    }

    @Test
    void draftIsReviewedSignedOffAndPublishedOncePerPlatformWithTheApprovedText() {
        String text = "Heart Month: know your numbers. Free blood-pressure checks in the lobby — ask us! 💙";
        ApiClient.Reply created = api.post("/api/content", "alice", draft(text, "[\"facebook\", \"x\"]", Instant.now().plusSeconds(4)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String pid = created.json().get("processInstanceId").asText();

        // The reviewer sees the exact text and, for each platform, the rendering that is part of the approved version.
        JsonNode shown = org.carepost.TasklistForms.draftView(api.get("/engine-rest/task/"
                + taskId("pat", pid, "privacyReview") + "/form-variables?deserializeValues=false", "pat").json());
        assertThat(shown.get("text").asText()).isEqualTo(text);
        assertThat(shown.get("renderings").asText()).contains("--- facebook ---", "--- x ---");
        completeAs("pat", pid, "privacyReview", "approve", "No PHI.");
        completeAs("lee", pid, "legalReview", "approve", "");
        completeAs("bria", pid, "brandReview", "approve", "On brand.");
        // The head of another department may not sign off.
        String signoffId = taskId("carl", pid, "departmentSignoff");
        assertThat(api.post("/engine-rest/task/" + signoffId + "/complete", "olga", decision("approve", "")).status())
                .isEqualTo(403);
        completeAs("carl", pid, "departmentSignoff", "approve", "Signed off.");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                api.get("/api/publications?contentId=" + id, "alice").json().size() == 2
                        && api.get("/api/content/" + id, "alice").json().get("status").asText().equals("PUBLISHED"));

        JsonNode content = api.get("/api/content/" + id, "alice").json();
        String approvedHash = content.get("approvedHash").asText();
        assertThat(approvedHash).isEqualTo(content.get("versions").get(0).get("sha256").asText());
        assertThat(content.get("approvals")).hasSize(4);

        JsonNode publications = api.get("/api/publications?contentId=" + id, "alice").json();
        assertThat(publications).extracting(p -> p.get("platform").asText()).containsExactlyInAnyOrder("facebook", "x");
        for (JsonNode publication : publications) {
            assertThat(publication.get("status").asText()).isEqualTo("PUBLISHED");
            assertThat(publication.get("versionHash").asText()).isEqualTo(approvedHash);
            // The version hash covers the text and every platform's rendering; each publication records the hash
            // of exactly what it sent: the stored rendering (for facebook and x, the text as written).
            assertThat(publication.get("publishedHash").asText()).isEqualTo(org.carepost.content.Hashing.sha256(text));
            // What reached the "network" is byte for byte the approved text.
            String post = sandboxPosts.body(publication.get("externalId").asText());
            assertThat(post.getBytes(StandardCharsets.UTF_8)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }

        List<String> actions = auditEvents.ofContent(UUID.fromString(id)).stream()
                .map(AuditEvent::getAction).toList();
        assertThat(actions).containsExactly("submit", "route", "review", "review", "review", "signoff", "approve", "publish", "publish");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId())
                .isEqualTo("published");
        // Camunda's own user operation log names who completed each task (REST calls run authenticated).
        assertThat(historyService.createUserOperationLogQuery().processInstanceId(pid).operationType("Complete").list())
                .extracting(entry -> entry.getUserId()).contains("pat", "lee", "bria", "carl");
    }

    @Test
    void changesRequestedThenRevisedOverTheApiGoesThroughEveryReviewAgain() {
        ApiClient.Reply created = api.post("/api/content", "alice", draft("Version one", "[\"linkedin\"]", Instant.now().plusSeconds(3600)));
        String id = created.json().get("id").asText();
        String pid = created.json().get("processInstanceId").asText();

        completeAs("lee", pid, "legalReview", "approve", "");
        // Omitting the comment on a change request is refused with a clear 400, and nothing changes.
        String brandTask = taskId("bria", pid, "brandReview");
        ApiClient.Reply noComment = api.post("/engine-rest/task/" + brandTask + "/complete", "bria", decision("changes", ""));
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.body()).contains("comment is required");
        completeAs("bria", pid, "brandReview", "changes", "Say where the lobby is.");
        assertThat(api.get("/api/content/" + id, "alice").json().get("status").asText()).isEqualTo("CHANGES_REQUESTED");

        // Only the author revises.
        assertThat(api.post("/api/content/" + id + "/versions", "omar", "{\"text\":\"x\"}").status()).isEqualTo(403);
        ApiClient.Reply revised = api.post("/api/content/" + id + "/versions", "alice", "{\"text\":\"Version two\"}");
        assertThat(revised.status()).as(revised.body()).isEqualTo(201);
        assertThat(revised.json().get("versionNo").asInt()).isEqualTo(2);
        // Not waiting for a revision any more.
        assertThat(api.post("/api/content/" + id + "/versions", "alice", "{\"text\":\"Version three\"}").status()).isEqualTo(409);

        // Every review runs again, on version 2.
        taskId("pat", pid, "privacyReview");
        taskId("lee", pid, "legalReview");
        taskId("bria", pid, "brandReview");
        JsonNode content = api.get("/api/content/" + id, "pat").json();
        assertThat(content.get("versions")).hasSize(2);
        assertThat(content.get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void anAuthorWhoIsAlsoAReviewerCannotReviewTheirOwnDraft() {
        if (identityService.createUserQuery().userId("paula").count() == 0) {
            var paula = identityService.newUser("paula");
            paula.setPassword("paula");
            identityService.saveUser(paula);
            for (String group : List.of("authors", "privacy", "dept-cardiology")) {
                identityService.createMembership("paula", group);
            }
        }
        ApiClient.Reply created = api.post("/api/content", "paula", draft("Own draft", "[\"x\"]", Instant.now().plusSeconds(3600)));
        String pid = created.json().get("processInstanceId").asText();
        String task = taskId("paula", pid, "privacyReview");

        ApiClient.Reply refused = api.post("/engine-rest/task/" + task + "/complete", "paula", decision("approve", ""));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Segregation of duties");
        // Nothing changed: the task is still open and no decision was recorded.
        assertThat(taskId("pat", pid, "privacyReview")).isEqualTo(task);
        assertThat(api.get("/api/content/" + created.json().get("id").asText(), "pat").json().get("approvals")).isEmpty();
    }

    private void completeAs(String user, String pid, String taskKey, String decision, String comment) {
        String id = taskId(user, pid, taskKey);
        ApiClient.Reply reply = api.post("/engine-rest/task/" + id + "/complete", user, decision(decision, comment));
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }

    private String taskId(String user, String pid, String taskKey) {
        ApiClient.Reply tasks = api.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + taskKey, user);
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.json()).as(user + " sees " + taskKey + " in " + pid + ": " + api.get("/engine-rest/task", user).body()).hasSize(1);
        return tasks.json().get(0).get("id").asText();
    }

    static String decision(String decision, String comment) {
        return "{\"variables\":{\"decision\":{\"value\":\"" + decision + "\"},\"comment\":{\"value\":\"" + comment + "\"}}}";
    }

    static String draft(String text, String platforms, Instant publishAt) {
        return "{\"title\":\"Heart month\",\"kind\":\"education\",\"department\":\"cardiology\",\"text\":\"" + text
                + "\",\"platforms\":" + platforms + ",\"publishAt\":\"" + publishAt + "\"}";
    }
}
