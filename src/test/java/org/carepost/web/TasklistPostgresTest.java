package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.content.StoredContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What Tasklist does over Camunda's REST API: start a draft from the start form, and the shared filters. */
@PostgresApplicationTest
class TasklistPostgresTest {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    org.springframework.context.ApplicationContext context;

    StoredContent items;

    ApiClient api;

    @BeforeEach
    void setUp() {
        items = new StoredContent(context);
        api = new ApiClient(port);
    }

    @Test
    void aDraftStartedFromTheStartFormIsStoredAndTheProcessKeepsOnlyIds() {
        ApiClient.Reply started = api.post("/engine-rest/process-definition/key/content-approval/submit-form", "alice",
                startForm("education", "Flu shots are free this week.", Instant.now().plusSeconds(3600).toString()));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String pid = started.json().get("id").asText();
        String businessKey = started.json().get("businessKey").asText();

        var item = items.get(UUID.fromString(businessKey));
        assertThat(item.getAuthor()).isEqualTo("alice");
        assertThat(item.getProcessInstanceId()).isEqualTo(pid);
        assertThat(item.getPlatforms()).extracting(Enum::name).containsExactly("FACEBOOK", "X");
        assertThat(runtimeService.getVariables(pid)).containsKeys("contentId", "author", "department", "publishAt")
                .doesNotContainKeys("text", "title", "platforms", "kind");
        assertThat(api.get("/engine-rest/task?processInstanceId=" + pid, "pat").json()).hasSize(1);
    }

    @Test
    void anInvalidStartFormIsRefusedWithTheFieldsAndCreatesNothing() {
        long before = items.count();
        ApiClient.Reply refused = api.post("/engine-rest/process-definition/key/content-approval/submit-form", "alice",
                startForm("gossip", "t", "2020-01-01T00:00:00Z"));
        assertThat(refused.status()).isEqualTo(400);
        // A sentence per field, with the form's labels (Tasklist shows it as it is).
        assertThat(refused.json().get("message").asText()).contains("Kind: unknown kind", "Publish at: must be in the future.")
                .doesNotContain("ENGINE-");
        assertThat(items.count()).isEqualTo(before);
        // Only authors may start drafts.
        assertThat(api.post("/engine-rest/process-definition/key/content-approval/submit-form", "pat",
                startForm("education", "t", Instant.now().plusSeconds(60).toString())).status()).isEqualTo(403);
    }

    @Test
    void theBareStartEndpointIsClosedSoNoProcessCanBeAttachedToSomebodyElsesDraft() {
        String id = api.post("/api/content", "alice", ContentJourneyPostgresTest.draft("Bare start", "[\"x\"]",
                Instant.now().plusSeconds(3600))).json().get("id").asText();
        long before = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count();
        String hijack = "{\"businessKey\":\"" + id + "\",\"variables\":{\"contentId\":{\"value\":\"" + id
                + "\"},\"author\":{\"value\":\"omar\"},\"department\":{\"value\":\"cardiology\"}}}";
        String definitionId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult()
                .getProcessDefinitionId();
        for (String path : List.of("/engine-rest/process-definition/key/content-approval/start",
                "/engine-rest/process-definition/" + definitionId + "/start")) {
            ApiClient.Reply refused = api.post(path, "omar", hijack);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().get("title").asText()).isEqualTo("Start with the start form");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(before);
    }

    @Test
    void sharedFiltersShowEachGroupItsOwnTasks() {
        String pid = api.post("/api/content", "alice", ContentJourneyPostgresTest.draft("Filters", "[\"x\"]",
                Instant.now().plusSeconds(3600))).json().get("processInstanceId").asText();
        JsonNode filters = api.get("/engine-rest/filter", "pat").json();
        List<String> names = new java.util.ArrayList<>();
        filters.forEach(f -> names.add(f.get("name").asText()));
        assertThat(names).contains("My tasks", "My groups' tasks", "Privacy reviews", "Due today", "Overdue")
                .doesNotContain("Legal reviews", "My department's sign-offs");

        String privacy = filterId(filters, "Privacy reviews");
        JsonNode privacyTasks = api.post("/engine-rest/filter/" + privacy + "/list", "pat", "{}").json();
        assertThat(privacyTasks.findValuesAsText("processInstanceId")).contains(pid);
        // Only the privacy office's own kinds of task: reviews, PHI to resolve, authorizations to record.
        assertThat(privacyTasks.findValuesAsText("taskDefinitionKey"))
                .isSubsetOf("privacyReview", "resolvePhi", "recordSignedAuthorization");
        // Each filter is for its groups: lee (legal) does not even see the privacy office's.
        assertThat(api.post("/engine-rest/filter/" + privacy + "/list", "lee", "{}").status()).isEqualTo(403);
    }

    private static String filterId(JsonNode filters, String name) {
        for (JsonNode filter : filters) {
            if (filter.get("name").asText().equals(name)) {
                return filter.get("id").asText();
            }
        }
        throw new AssertionError("no filter " + name);
    }

    private static String startForm(String kind, String text, String publishAt) {
        return "{\"variables\":{"
                + "\"title\":{\"value\":\"Flu\"},\"kind\":{\"value\":\"" + kind + "\"},"
                + "\"department\":{\"value\":\"cardiology\"},\"text\":{\"value\":\"" + text + "\"},"
                + "\"platforms\":{\"value\":\"[\\\"facebook\\\",\\\"x\\\"]\",\"type\":\"Json\"},"
                + "\"publishAt\":{\"value\":\"" + publishAt + "\"}}}";
    }
}
