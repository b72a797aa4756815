package org.carepost.process.modelchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.WebappSession;
import org.carepost.audit.AuditAction;
import org.carepost.process.engine.AuditComments;
import org.carepost.process.engine.TrustedDeployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A model change as Camunda Modeler sends it (multipart to /engine-rest/deployment/create, HTTP Basic as cora) on
 * real PostgreSQL: the routing stays as it was until a second person approves; then new drafts route by the new
 * rule; the audit trail holds the proposal, the checks, the approval and the activation with the SHA-256 of the exact
 * bytes sent. Who may deploy, what a deployment named "carepost" by cora is, what authors and Tasklist see while a
 * proposal of content-approval is pending. Each test puts the stock routing back: the suite shares this engine.
 */
@PostgresApplicationTest
class ModelChangePostgresTest {

    private static final String RULE = "<outputEntry id=\"Rule_EveryPostPrivacy_out3\"><text>&quot;P2D&quot;</text>";
    private static final String EDITED_RULE = "<outputEntry id=\"Rule_EveryPostPrivacy_out3\"><text>&quot;P3D&quot;</text>";

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    byte[] stockRouting;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        stockRouting = inForceRouting();
        assertThat(new String(stockRouting, StandardCharsets.UTF_8)).as("the stock routing").contains(RULE);
    }

    /** No proposal left behind, and the stock routing in force again, whatever the test did. */
    @AfterEach
    void putTheStockRoutingBack() {
        runtime.createProcessInstanceQuery().processDefinitionKey(ModelChangeSteps.PROCESS_KEY).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup", true));
        repository.createDeploymentQuery().tenantIdIn(ProposalDeployments.PROPOSAL_TENANT).list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true, true));
        if (!java.util.Arrays.equals(inForceRouting(), stockRouting)) {
            TrustedDeployment.run(() -> repository.createDeployment().name(ProposalDeployments.ACTIVATION_NAME)
                    .source("test cleanup").addInputStream("processes/review-routing.dmn",
                            new ByteArrayInputStream(stockRouting)).deploy());
        }
    }

    @Test
    void coraProposesAnEditedRoutingAndNewDraftsRouteByItOnlyAfterASecondPersonApproves() {
        assertThat(slaOfNewDraft()).isEqualTo("P2D");
        byte[] edited = new String(stockRouting, StandardCharsets.UTF_8).replace(RULE, EDITED_RULE)
                .getBytes(StandardCharsets.UTF_8);
        String inForceBefore = latestRouting().getId();

        ApiClient.Reply deployed = deployAsModeler("cora", "review-routing", "Camunda Modeler", "review-routing.dmn",
                edited);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String proposal = deployed.json().get("id").asText();
        Deployment proposalDeployment = repository.createDeploymentQuery().deploymentId(proposal).singleResult();
        assertThat(proposalDeployment.getTenantId()).isEqualTo("model-proposal");
        assertThat(jdbc.queryForObject("select deployed_by || ' ' || status from model_proposal where deployment_id = ?",
                String.class, proposal)).isEqualTo("cora pending");
        String task = approvalTask(proposal);

        // Pending: the routing in force is unchanged, and a new draft routes by it.
        assertThat(latestRouting().getId()).isEqualTo(inForceBefore);
        assertThat(repository.createDecisionDefinitionQuery().deploymentId(proposal).singleResult().getTenantId())
                .isEqualTo("model-proposal");
        assertThat(slaOfNewDraft()).isEqualTo("P2D");

        // Cora deployed it: she cannot approve it (the task's listener, in the engine), not even by rewriting nothing.
        ApiClient.Reply byCora = complete("cora", task, "approve", "My own change looks right");
        assertThat(byCora.status()).as(byCora.body()).isEqualTo(403);
        assertThat(byCora.body()).contains("a second person").doesNotContain("ENGINE-");
        // Bria (brand) is neither compliance nor privacy.
        assertThat(complete("bria", task, "approve", "Fine by brand").status()).isIn(403, 404);
        assertThat(slaOfNewDraft()).isEqualTo("P2D");

        ApiClient.Reply byPat = complete("pat", task, "approve", "Three days for privacy review, as agreed");
        assertThat(byPat.status()).as(byPat.body()).isEqualTo(204);
        assertThat(history.createHistoricProcessInstanceQuery().variableValueEquals(ModelChangeSteps.PROPOSAL, proposal)
                .singleResult()
                .getEndActivityId()).isEqualTo("modelsInForce");
        DecisionDefinition inForce = latestRouting();
        assertThat(inForce.getId()).isNotEqualTo(inForceBefore);
        assertThat(inForce.getTenantId()).isNull();
        assertThat(repository.createDeploymentQuery().deploymentId(inForce.getDeploymentId()).singleResult().getName())
                .isEqualTo("carepost-model-change");
        assertThat(repository.createDeploymentQuery().deploymentId(proposal).count()).as("proposal deleted").isZero();
        assertThat(slaOfNewDraft()).isEqualTo("P3D");

        // The audit trail: the five events of this proposal, with the SHA-256 of the bytes cora sent.
        String hash = "review-routing.dmn sha256 " + AuditComments.sha256(edited);
        assertThat(event(proposal, AuditAction.MODEL_PROPOSED)).hasValueSatisfying(e ->
                assertThat(e).containsEntry("actor", "cora").containsEntry("decision", "proposed")
                        .containsEntry("comment", hash));
        assertThat(event(proposal, AuditAction.MODEL_CHECKED)).hasValueSatisfying(e ->
                assertThat(e).containsEntry("actor", "system (automatic checks)").containsEntry("decision", "passed"));
        assertThat(event(proposal, AuditAction.MODEL_APPROVED)).hasValueSatisfying(e ->
                assertThat(e).containsEntry("actor", "pat").containsEntry("decision", "approved")
                        .containsEntry("comment", "Three days for privacy review, as agreed")
                        .containsEntry("task_id", task));
        assertThat(event(proposal, AuditAction.MODEL_ACTIVATED)).hasValueSatisfying(e -> {
            assertThat(e).containsEntry("actor", "pat").containsEntry("decision", "activated");
            assertThat((String) e.get("comment")).isEqualTo("activated as deployment " + inForce.getDeploymentId()
                    + ": processes/" + hash + "; 0 running instances stay on older versions");
        });
        assertThat(event(proposal, AuditAction.MODEL_REJECTED)).isEmpty();
        assertThat(jdbc.queryForObject("select status || ' ' || decided_by || ' ' || activated_as from model_proposal "
                + "where deployment_id = ?", String.class, proposal))
                .isEqualTo("activated pat " + inForce.getDeploymentId());
    }

    @Test
    void onlyComplianceDeploysAndADeploymentNamedCarepostByCoraIsStillAProposalThatAReviewerMayReject() {
        byte[] edited = new String(stockRouting, StandardCharsets.UTF_8).replace(RULE, EDITED_RULE)
                .getBytes(StandardCharsets.UTF_8);
        for (String user : List.of("pat", "alice", "audrey", "admin")) {
            assertThat(deployAsModeler(user, "review-routing", "Camunda Modeler", "review-routing.dmn", edited).status())
                    .as(user).isEqualTo(403);
        }
        assertThat(repository.createDeploymentQuery().tenantIdIn(ProposalDeployments.PROPOSAL_TENANT).count()).isZero();

        ApiClient.Reply deployed = deployAsModeler("cora", "carepost", "carepost", "processes/review-routing.dmn", edited);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String proposal = deployed.json().get("id").asText();
        assertThat(repository.createDeploymentQuery().deploymentId(proposal).singleResult().getTenantId())
                .isEqualTo("model-proposal");
        String task = approvalTask(proposal);
        assertThat(slaOfNewDraft()).isEqualTo("P2D");

        // Cora may create deployments, nothing more: not delete one, not read a draft's process.
        assertThat(api.send("DELETE", "/engine-rest/deployment/" + latestRouting().getDeploymentId(), "cora", null)
                .status()).isIn(403, 404);
        assertThat(api.get("/engine-rest/process-instance/count?processDefinitionKey=content-approval", "cora").body())
                .isEqualTo("{\"count\":0}");

        ApiClient.Reply rejected = complete("pat", task, "reject", "Not without the board");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(204);
        assertThat(history.createHistoricProcessInstanceQuery().variableValueEquals(ModelChangeSteps.PROPOSAL, proposal)
                .singleResult()
                .getEndActivityId()).isEqualTo("rejected");
        assertThat(repository.createDeploymentQuery().deploymentId(proposal).count()).isZero();
        assertThat(event(proposal, AuditAction.MODEL_REJECTED)).hasValueSatisfying(e ->
                assertThat(e).containsEntry("actor", "pat").containsEntry("comment", "Not without the board"));
        assertThat(event(proposal, AuditAction.MODEL_ACTIVATED)).isEmpty();
        assertThat(slaOfNewDraft()).isEqualTo("P2D");
    }

    @Test
    void theDeployerCannotApproveOrRedeployHerProposalAndAReviewerCannotPointTheTaskAtAnotherProposal() {
        byte[] edited = new String(stockRouting, StandardCharsets.UTF_8).replace(RULE, EDITED_RULE)
                .getBytes(StandardCharsets.UTF_8);
        String proposal = deployAsModeler("cora", "review-routing", "Camunda Modeler", "review-routing.dmn", edited)
                .json().get("id").asText();
        String task = approvalTask(proposal);
        long inForceDeployments = repository.createDeploymentQuery().withoutTenantId().count();

        // Cora through the webapps' REST, as Tasklist would send it: her own approval is refused there too.
        org.carepost.WebappSession cora = new org.carepost.WebappSession(port);
        assertThat(cora.login("cora").status()).isIn(200, 204);
        ApiClient.Reply ownApproval = cora.webappsSend("POST", org.carepost.WebappSession.ENGINE_API + "/task/" + task
                + "/complete", "{\"variables\":{\"decision\":{\"value\":\"approve\",\"type\":\"String\"},"
                + "\"comment\":{\"value\":\"fine\",\"type\":\"String\"}}}");
        assertThat(ownApproval.status()).as(ownApproval.body()).isEqualTo(403);
        // Redeploying her proposal by id (which would skip the upload) is refused on both clients (404: she may not
        // even read a deployment; nothing new is in force, checked below).
        assertThat(api.post("/engine-rest/deployment/" + proposal + "/redeploy", "cora", "{}").status())
                .isIn(400, 403, 404);
        assertThat(cora.webappsSend("POST", org.carepost.WebappSession.ENGINE_API + "/deployment/" + proposal
                + "/redeploy", "{}").status()).isIn(400, 403, 404);

        // A reviewer may not re-point the task at another proposal by its variable (the listener reads it).
        ApiClient.Reply repointed = api.send("PUT", "/engine-rest/task/" + task + "/variables/"
                + ModelChangeSteps.PROPOSAL, "pat", "{\"value\":\"another-deployment\",\"type\":\"String\"}");
        assertThat(repointed.status()).as(repointed.body()).isIn(400, 403);
        assertThat(runtime.getVariable(tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId(),
                ModelChangeSteps.PROPOSAL)).isEqualTo(proposal);

        assertThat(repository.createDeploymentQuery().withoutTenantId().count()).isEqualTo(inForceDeployments);
        assertThat(slaOfNewDraft()).isEqualTo("P2D");
        assertThat(complete("pat", task, "reject", "Tested refusals").status()).isEqualTo(204);
    }

    @Test
    void aProposalThatFailsTheChecksIsDeletedAtOnceAndTheRefusalIsAudited() {
        byte[] shortLived = org.camunda.bpm.model.bpmn.Bpmn.convertToString(org.camunda.bpm.model.bpmn.Bpmn
                .createExecutableProcess("short-lived-change").camundaHistoryTimeToLive(30).startEvent().endEvent()
                .done()).getBytes(StandardCharsets.UTF_8);
        ApiClient.Reply deployed = deployAsModeler("cora", "short-lived", "Camunda Modeler", "short-lived.bpmn",
                shortLived);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String proposal = deployed.json().get("id").asText();
        assertThat(repository.createDeploymentQuery().deploymentId(proposal).count()).as("deleted by the checks").isZero();
        assertThat(history.createHistoricProcessInstanceQuery().variableValueEquals(ModelChangeSteps.PROPOSAL, proposal)
                .singleResult().getEndActivityId()).isEqualTo("refusedByChecks");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("short-lived-change").count()).isZero();
        assertThat(event(proposal, AuditAction.MODEL_CHECKED)).hasValueSatisfying(e ->
                assertThat(e).containsEntry("decision", "failed"));
        assertThat(event(proposal, AuditAction.MODEL_REJECTED)).hasValueSatisfying(e -> {
            assertThat(e).containsEntry("actor", "system (automatic checks)");
            assertThat((String) e.get("comment")).contains("FAILED history-time-to-live");
        });
        assertThat(jdbc.queryForObject("select status || ' ' || decided_by from model_proposal where deployment_id = ?",
                String.class, proposal)).isEqualTo("refused system (automatic checks)");
    }

    @Test
    void whileAProposalOfContentApprovalIsPendingAuthorsStartTheModelInForceAndTasklistListsItOnce() throws Exception {
        byte[] contentApproval;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/content-approval.bpmn")) {
            contentApproval = in.readAllBytes();
        }
        ApiClient.Reply deployed = deployAsModeler("cora", "content-approval", "Camunda Modeler",
                "content-approval.bpmn", contentApproval);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String proposal = deployed.json().get("id").asText();
        var proposed = repository.createProcessDefinitionQuery().deploymentId(proposal).singleResult();
        assertThat(proposed.isSuspended()).as("a proposal never starts").isTrue();
        assertThat(proposed.getTenantId()).isEqualTo("model-proposal");

        // An author's new draft starts the model in force (a start by key would otherwise find two tenants).
        ApiClient.Reply created = draft();
        String process = created.json().get("processInstanceId").asText();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process).singleResult().getProcessDefinitionId())
                .isNotEqualTo(proposed.getId());
        // What alice sees: one content-approval, without tenant, over /engine-rest and in Tasklist's start list.
        ApiClient.Reply latest = api.get("/engine-rest/process-definition?key=content-approval&latestVersion=true", "alice");
        assertThat(latest.json()).hasSize(1);
        assertThat(latest.json().get(0).get("tenantId").isNull()).isTrue();
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login("alice").status()).isIn(200, 204);
        ApiClient.Reply startable = tasklist.get(WebappSession.ENGINE_API
                + "/process-definition?latest=true&active=true&startableInTasklist=true&startablePermissionCheck=true"
                + "&firstResult=0&maxResults=15", "application/json");
        assertThat(startable.status()).as(startable.body()).isEqualTo(200);
        List<String> keys = new java.util.ArrayList<>();
        startable.json().forEach(d -> keys.add(d.get("key").asText()));
        assertThat(keys).containsOnlyOnce("content-approval").doesNotContain("model-change");
        // Starting the proposal itself by its id is refused (suspended).
        assertThat(api.post("/engine-rest/process-definition/" + proposed.getId() + "/submit-form", "alice",
                "{\"variables\":{}}").status()).isIn(400, 403, 404, 500);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(proposed.getId()).count()).isZero();

        complete("pat", approvalTask(proposal), "reject", "Unchanged model, nothing to approve");
        assertThat(repository.createDeploymentQuery().deploymentId(proposal).count()).isZero();
    }

    private String approvalTask(String proposal) {
        var instance = runtime.createProcessInstanceQuery().variableValueEquals(ModelChangeSteps.PROPOSAL, proposal)
                .processDefinitionKey(ModelChangeSteps.PROCESS_KEY).singleResult();
        assertThat(instance).as("model-change waits for a reviewer").isNotNull();
        var task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("approveModelChange")
                .singleResult();
        assertThat(task).as("model-change waits at \"Approve model change\"; checks: "
                + runtime.getVariable(instance.getId(), ModelChangeSteps.FAILED_FINDINGS)).isNotNull();
        return task.getId();
    }

    private ApiClient.Reply complete(String user, String task, String decision, String comment) {
        return api.post("/engine-rest/task/" + task + "/complete", user, "{\"variables\":{"
                + "\"decision\":{\"value\":\"" + decision + "\",\"type\":\"String\"},"
                + "\"comment\":{\"value\":\"" + comment + "\",\"type\":\"String\"}}}");
    }

    private DecisionDefinition latestRouting() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey("review-routing").withoutTenantId()
                .latestVersion().singleResult();
    }

    private byte[] inForceRouting() {
        DecisionDefinition latest = latestRouting();
        try (InputStream in = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApiClient.Reply draft() {
        ApiClient.Reply created = api.post("/api/content", "alice", "{\"title\":\"Visiting hours\",\"kind\":\"education\","
                + "\"department\":\"cardiology\",\"text\":\"Visiting hours are 9 to 8 every day.\","
                + "\"platforms\":[\"facebook\"],\"publishAt\":\"" + Instant.now().plus(3, ChronoUnit.DAYS) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    /** The review SLA the routing decided for a new education draft (the rule the tests edit). */
    private String slaOfNewDraft() {
        String id = draft().json().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from review_routing where content_id = ?::uuid", Integer.class, id) > 0);
        return jdbc.queryForObject("select sla from review_routing where content_id = ?::uuid order by id limit 1",
                String.class, id);
    }

    private Optional<Map<String, Object>> event(String proposal, AuditAction action) {
        return jdbc.queryForList("select actor, decision, comment, task_id from audit_event where process_instance_id = ? "
                + "and action = ? order by id", proposal, action.code()).stream().findFirst();
    }

    /** As Camunda Modeler's "Deploy" sends it: the fields, then the file, HTTP Basic. */
    private ApiClient.Reply deployAsModeler(String user, String name, String source, String file, byte[] bytes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", name);
        fields.put("deployment-source", source);
        fields.put("deploy-changed-only", "true");
        return api.postMultipart("/engine-rest/deployment/create", user, fields, file, bytes);
    }
}
