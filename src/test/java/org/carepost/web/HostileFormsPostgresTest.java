package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.consent.ConsentFixtures;
import org.carepost.process.forms.FormSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every Camunda Form of the deployed processes, submitted the way Tasklist does (submit-form) and the way a script
 * would (complete), with hostile variables: unknown or read-only variables, a value of the wrong type for each field,
 * a choice the form does not offer, text over the field's limit, a NUL, a serialized Java object. Each is refused with
 * 400 naming the form, and nothing changed: the task is still open, the process variables and our tables are as
 * before. The forms are discovered from the deployed models, so a new form without a case here fails the test.
 */
@PostgresApplicationTest
class HostileFormsPostgresTest {

    static final String INJECTION = "${7*7} #{7*7} #set($x=1)$x $!{x} <script>alert(1)</script> '; drop table content_item;--";
    private static final List<String> TABLES = List.of("content_item", "content_version", "approval", "consent",
            "consent_revocation", "consent_document", "phi_finding", "review_routing", "media", "publication",
            "publishing_pause");

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    /** The pause opened for "publishing-paused" must not hold other tests' posts: cancelling its instance ends it. */
    @org.junit.jupiter.api.AfterEach
    void endThePauseOpenedHere() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey("pause-publishing").list()
                .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "hostile forms test done"));
        // ... and the model change proposed for "approve-model-change" is withdrawn with its proposal deployment.
        runtimeService.createProcessInstanceQuery().processDefinitionKey("model-change").list()
                .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "hostile forms test done", true));
        repositoryService.createDeploymentQuery().tenantIdIn("model-proposal").list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true, true));
    }

    /** Where a form is filled in: a task (its id, the user who may work on it) or a process's start event. */
    record Target(String taskId, String processInstanceId, String user, String startProcessKey) {
    }

    @Test
    void everyDeployedFormRefusesHostileSubmissionsAndNothingChanges() throws Exception {
        Map<String, Supplier<Target>> reach = new LinkedHashMap<>();
        reach.put("new-draft", () -> new Target(null, null, "alice", "content-approval"));
        reach.put("revoke-authorization", () -> new Target(null, null, "pat", "revoke-authorization"));
        reach.put("privacy-review", () -> task(draft("education", "Flu shots all week."), "privacyReview", "pat"));
        reach.put("review-decision", () -> task(draft("education", "Flu shots all week."), "legalReview", "lee"));
        reach.put("medical-review", () -> task(draft("education", "Our new therapy cures migraines in 90% of patients."),
                "medicalReview", "mia"));
        reach.put("signoff-decision", () -> {
            String pid = draft("education", "Flu shots all week.");
            complete(pid, "privacyReview", "pat", "approve", "");
            complete(pid, "legalReview", "lee", "approve", "");
            complete(pid, "brandReview", "bria", "approve", "");
            return task(pid, "departmentSignoff", "carl");
        });
        reach.put("revise-draft", () -> {
            String pid = draft("education", "Flu shots all week.");
            complete(pid, "brandReview", "bria", "changes", "Say where.");
            return task(pid, "reviseDraft", "alice");
        });
        reach.put("resolve-phi", () -> task(draft("testimonial", "Her MRN 48213377 was on every form."), "resolvePhi", "pat"));
        reach.put("record-authorization", () -> {
            // a name: the kind of finding an authorization can cover
            Target phi = task(draft("testimonial", "Maria Lopez and her family thank the whole team."), "resolvePhi", "pat");
            ApiClient.Reply covered = api.post("/engine-rest/task/" + phi.taskId() + "/complete", "pat",
                    org.carepost.TasklistForms.everyOpenFinding(api, runtimeService.createProcessInstanceQuery()
                            .processInstanceId(phi.processInstanceId()).singleResult().getBusinessKey(), "covered"));
            assertThat(covered.status()).as(covered.body()).isEqualTo(204);
            return taskOfSubprocess(phi.processInstanceId(), "recordSignedAuthorization", "pat");
        });
        reach.put("draft-stopped", this::stoppedDraft);
        reach.put("offboard-user", () -> new Target(null, null, "otto", "offboard-user"));
        reach.put("rotate-credentials", () -> {
            // "hana" manages an account (application-itest.yml); her offboarding opens the brand team's checklist.
            org.carepost.offboarding.OffboardingFixtures.staff(identityService, jdbc, "hana", "Hana", "Ito", "authors");
            return task(org.carepost.offboarding.OffboardingFixtures.checklistOpenFor(api, taskService, "hana"),
                    "rotateCredentials", "bria");
        });
        reach.put("pause-publishing", () -> new Target(null, null, "cole", "pause-publishing"));
        reach.put("approve-model-change", () -> {
            // cora proposes the stock routing from Camunda Modeler; pat (privacy) reviews it.
            byte[] routing;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/review-routing.dmn")) {
                routing = in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ApiClient.Reply proposed = api.postMultipart("/engine-rest/deployment/create", "cora",
                    Map.of("deployment-name", "review-routing"), "review-routing.dmn", routing);
            assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
            String pid = runtimeService.createProcessInstanceQuery().processDefinitionKey("model-change")
                    .variableValueEquals("proposalDeploymentId", proposed.json().get("id").asText()).singleResult().getId();
            return task(pid, "approveModelChange", "pat");
        });
        reach.put("publishing-paused", () -> {
            ApiClient.Reply paused = api.post("/engine-rest/process-definition/key/pause-publishing/submit-form", "cole",
                    "{\"variables\":{\"reason\":{\"value\":\"Hostile forms test\"},\"scope\":{\"value\":\"department\"},"
                    + "\"department\":{\"value\":\"oncology\"},\"expectedEnd\":{\"value\":\""
                    + Instant.now().plusSeconds(3600) + "\"}}}");
            assertThat(paused.status()).as(paused.body()).isEqualTo(200);
            return task(paused.json().get("id").asText(), "publishingPaused", "pat");
        });

        Map<String, String> forms = deployedForms();
        assertThat(forms).as("forms used by the deployed processes").isNotEmpty();
        List<String> uncovered = forms.keySet().stream().filter(f -> !reach.containsKey(f)).toList();
        assertThat(uncovered).as("forms without a hostile-input case: add one to this test").isEmpty();

        for (String formKey : forms.keySet()) {
            FormSchema schema = schema(formKey);
            Target target = reach.get(formKey).get();
            List<String> variants = hostileVariants(schema);
            assertThat(variants).as(formKey).hasSizeGreaterThanOrEqualTo(2);
            Map<String, Object> before = state(target);
            for (int i = 0; i < variants.size(); i++) {
                String variables = variants.get(i);
                for (String path : paths(target, i)) {
                    ApiClient.Reply reply = api.post(path, target.user(), "{\"variables\":" + variables + "}");
                    assertThat(reply.status()).as(formKey + " " + path + " " + variables + ": " + reply.body()).isEqualTo(400);
                    assertThat(reply.body()).as(formKey + " " + variables).contains("Form '" + schema.id() + "'")
                            .doesNotContain("rO0AB", "Jordan");
                    assertThat(state(target)).as(formKey + " unchanged after " + path + " " + variables).isEqualTo(before);
                }
            }
        }
    }

    @Test
    void injectionStringsInFormTextAreStoredLiterally() {
        // Start form: title and text as typed.
        String start = "{\"variables\":{\"title\":{\"value\":" + json(INJECTION) + "},\"kind\":{\"value\":\"education\"},"
                + "\"department\":{\"value\":\"cardiology\"},\"text\":{\"value\":" + json(INJECTION) + "},"
                + "\"platforms\":{\"value\":\"[\\\"linkedin\\\"]\",\"type\":\"Json\"},"
                + "\"publishAt\":{\"value\":\"" + Instant.now().plusSeconds(86_400) + "\"}}}";
        ApiClient.Reply started = api.post("/engine-rest/process-definition/key/content-approval/submit-form", "alice", start);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String id = started.json().get("businessKey").asText();
        String pid = started.json().get("id").asText();
        JsonNode content = api.get("/api/content/" + id, "alice").json();
        assertThat(content.get("title").asText()).isEqualTo(INJECTION);
        assertThat(content.get("versions").get(0).get("text").asText()).isEqualTo(INJECTION);

        // A review comment, submitted as Tasklist does.
        Target legal = task(pid, "legalReview", "lee");
        ApiClient.Reply done = api.post("/engine-rest/task/" + legal.taskId() + "/submit-form", "lee",
                "{\"variables\":{\"decision\":{\"value\":\"reject\"},\"comment\":{\"value\":" + json(INJECTION) + "}}}");
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        JsonNode approvals = api.get("/api/content/" + id, "alice").json().get("approvals");
        assertThat(approvals).hasSize(1);
        assertThat(approvals.get(0).get("comment").asText()).isEqualTo(INJECTION);
    }

    /**
     * Someone who may not work on the task is refused (403) whatever they submit, a valid decision or fields the form
     * refuses: the form's verdict is never what an outsider learns first, and nothing changes.
     */
    @Test
    void whoMayNotWorkOnTheTaskGets403BeforeAnyWordAboutTheFormAndNothingChanges() {
        Target review = task(draft("education", "Flu shots all week."), "privacyReview", "pat");
        Map<String, Object> before = state(review);
        String base = "/engine-rest/task/" + review.taskId();
        for (String path : List.of(base + "/complete", base + "/submit-form")) {
            for (String variables : List.of("{\"decision\":{\"value\":\"approve\"}}",
                    "{\"author\":{\"value\":\"mallory\"}}", "{\"decision\":{\"value\":5}}")) {
                ApiClient.Reply reply = api.post(path, "lee", "{\"variables\":" + variables + "}");
                assertThat(reply.status()).as(path + " " + variables + ": " + reply.body()).isEqualTo(403);
                assertThat(reply.body()).doesNotContain("Form '", "read-only", "not a field");
                assertThat(state(review)).as(path + " " + variables).isEqualTo(before);
            }
        }
        // The candidate gets the form's verdict on the same refused fields.
        ApiClient.Reply refused = api.post(base + "/complete", "pat", "{\"variables\":{\"author\":{\"value\":\"mallory\"}}}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("Form '");
    }

    @Test
    void taskVariablesOutsideTheFormCanBeNeitherSetNorRemoved() {
        Target review = task(draft("education", "Flu shots all week."), "privacyReview", "pat");
        String base = "/engine-rest/task/" + review.taskId();
        Map<String, Object> before = state(review);
        List<String[]> refused = List.of(
                new String[] {"PUT", base + "/variables/signoffDepartments", "{\"value\":\"x\"}"},
                new String[] {"PUT", base + "/localVariables/versionHash", "{\"value\":\"0000\"}"},
                new String[] {"PUT", base + "/variables/comment", "{\"value\":5}"},
                // the gateways' values, transient now: no one may store one ahead of the step that computes it
                new String[] {"PUT", base + "/variables/privacyReviewDecision", "{\"value\":\"approve\"}"},
                new String[] {"POST", base + "/variables", "{\"modifications\":{\"legalReviewRequired\":{\"value\":false}}}"},
                new String[] {"POST", base + "/variables", "{\"modifications\":{\"author\":{\"value\":\"mallory\"}}}"},
                new String[] {"POST", base + "/variables", "{\"modifications\":{},\"deletions\":[\"author\"]}"},
                new String[] {"DELETE", base + "/variables/signoffDepartments", null},
                new String[] {"DELETE", base + "/localVariables/versionHash", null});
        for (String[] request : refused) {
            java.net.http.HttpResponse<String> reply = send(request[0], request[1], "pat", request[2]);
            assertThat(reply.statusCode()).as(String.join(" ", request[0], request[1]) + ": " + reply.body()).isEqualTo(400);
            assertThat(state(review)).as(request[0] + " " + request[1]).isEqualTo(before);
        }
        // The form's own field may be saved on the task.
        assertThat(send("PUT", base + "/localVariables/comment", "pat", "{\"value\":\"draft of my comment\"}").statusCode())
                .isEqualTo(204);
    }

    private java.net.http.HttpResponse<String> send(String method, String path, String user, String body) {
        String token = java.util.Base64.getEncoder().encodeToString((user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic " + token)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * For every editable field a value of the wrong type (and text over its limit); once per
     * form an unknown and a read-only variable, a NUL and a serialized Java object.
     */
    static List<String> hostileVariants(FormSchema schema) {
        List<String> variants = new ArrayList<>();
        variants.add("{\"signoffDepartments\":{\"value\":\"x\"},\"author\":{\"value\":\"mallory\"}}"); // the process relies on these
        schema.readOnlyFields().stream().findFirst().ifPresent(readOnly ->
                variants.add("{\"" + readOnly + "\":{\"value\":\"changed\"}}"));
        boolean firstText = true;
        for (FormSchema.Field field : schema.editableFields()) {
            String key = "\"" + field.key() + "\":";
            switch (field.type()) {
                case "checkbox" -> variants.add("{" + key + "{\"value\":\"yes\"}}");
                case "number" -> variants.add("{" + key + "{\"value\":\"seven\"}}");
                case "radio", "select" -> {
                    variants.add("{" + key + "{\"value\":5}}");
                    variants.add("{" + key + "{\"value\":[\"approve\"]}}");
                }
                case "checklist" -> {
                    variants.add("{" + key + "{\"value\":\"[5]\",\"type\":\"Json\"}}");
                    variants.add("{" + key + "{\"value\":true}}");
                }
                default -> {
                    variants.add("{" + key + "{\"value\":5}}");
                    variants.add("{" + key + "{\"value\":" + json("x".repeat(field.textLimit() + 1)) + "}}");
                    if (firstText) {
                        firstText = false;
                        variants.add("{" + key + "{\"value\":{\"nested\":1}}}");
                        variants.add("{" + key + "{\"value\":\"a\\u0000b\"}}");
                        // A serialized Java object: must never be deserialized (it was a 500 before).
                        variants.add("{" + key + "{\"value\":\"rO0ABXQAAXg=\",\"type\":\"Object\",\"valueInfo\":"
                                + "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":"
                                + "\"application/x-java-serialized-object\"}}}");
                    }
                }
            }
        }
        return variants;
    }

    /**
     * Tasklist's way (submit-form) and a script's (complete) take different engine commands: the first variants go
     * both ways, the rest alternate (to keep the suite fast).
     */
    private static List<String> paths(Target target, int variant) {
        if (target.startProcessKey() != null) {
            return List.of("/engine-rest/process-definition/key/" + target.startProcessKey() + "/submit-form");
        }
        String submit = "/engine-rest/task/" + target.taskId() + "/submit-form";
        String complete = "/engine-rest/task/" + target.taskId() + "/complete";
        return variant < 3 ? List.of(submit, complete) : List.of(variant % 2 == 0 ? submit : complete);
    }

    /** Our tables' row counts, and the task and its process's variables (or the processes started from the form). */
    private Map<String, Object> state(Target target) {
        Map<String, Object> state = new TreeMap<>();
        state.put("rows", jdbc.queryForList(TABLES.stream().map(t -> "select '" + t + "' as t, count(*) as n from " + t)
                .collect(java.util.stream.Collectors.joining(" union all "))));
        if (target.startProcessKey() != null) {
            state.put("started", historyService.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(target.startProcessKey()).startedBy(target.user()).count());
        } else {
            state.put("task", taskService.createTaskQuery().taskId(target.taskId()).count());
            Map<String, String> variables = new TreeMap<>();
            runtimeService.getVariables(target.processInstanceId()).forEach((k, v) -> variables.put(k, String.valueOf(v)));
            taskService.getVariablesLocal(target.taskId()).forEach((k, v) -> variables.put("task." + k, String.valueOf(v)));
            state.put("variables", variables);
        }
        return state;
    }

    /** Form key -> one element using it, from the latest deployed process definitions. */
    private Map<String, String> deployedForms() {
        Map<String, String> forms = new TreeMap<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getCamundaFormRef() != null) {
                    forms.putIfAbsent(task.getCamundaFormRef(), definition.getKey() + ":" + task.getId());
                }
                assertThat(task.getCamundaFormKey()).as("a user task without a Camunda Form is not checked: " + task.getId()).isNull();
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    forms.putIfAbsent(start.getCamundaFormRef(), definition.getKey() + ":" + start.getId());
                }
            }
        }
        return forms;
    }

    /** The form as deployed with the processes (the models bind the latest version, deployed together). */
    private FormSchema schema(String formKey) throws Exception {
        String deploymentId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("content-approval")
                .latestVersion().singleResult().getDeploymentId();
        for (String resource : repositoryService.getDeploymentResourceNames(deploymentId)) {
            if (resource.endsWith(".form")) {
                try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource)) {
                    FormSchema schema = FormSchema.parse(in);
                    if (schema.id().equals(formKey)) {
                        return schema;
                    }
                }
            }
        }
        throw new AssertionError("form " + formKey + " is not deployed with the processes");
    }

    private String draft(String kind, String text) {
        ApiClient.Reply created = api.post("/api/content", "alice", "{\"title\":\"Hostile forms\",\"kind\":\"" + kind
                + "\",\"department\":\"cardiology\",\"text\":\"" + text + "\",\"platforms\":[\"linkedin\"],\"publishAt\":\""
                + Instant.now().plusSeconds(86_400) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("processInstanceId").asText();
    }

    private Target task(String pid, String taskKey, String user) {
        ApiClient.Reply tasks = api.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + taskKey, user);
        assertThat(tasks.json()).as(user + " sees " + taskKey).hasSize(1);
        return new Target(tasks.json().get(0).get("id").asText(), pid, user, null);
    }

    private Target taskOfSubprocess(String parentPid, String taskKey, String user) {
        String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(parentPid).singleResult().getBusinessKey();
        ApiClient.Reply tasks = api.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey="
                + taskKey, user);
        assertThat(tasks.json()).as(user + " sees " + taskKey).hasSize(1);
        return new Target(tasks.json().get(0).get("id").asText(), tasks.json().get(0).get("processInstanceId").asText(), user, null);
    }

    private void complete(String pid, String taskKey, String user, String decision, String comment) {
        Target target = task(pid, taskKey, user);
        ApiClient.Reply reply = api.post("/engine-rest/task/" + target.taskId() + "/complete", user,
                ContentJourneyPostgresTest.decision(decision, comment));
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }

    /** A testimonial in review whose authorization is revoked: its author gets "Read why the draft stopped". */
    private Target stoppedDraft() {
        ApiClient.Reply consent = api.post("/api/consents", "pat", ConsentFixtures.completeJson(List.of("linkedin")));
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
        String consentId = consent.json().get("id").asText();
        try {
            ApiClient.Reply upload = api.postFile("/api/consents/" + consentId + "/document", "pat", "signed.png",
                    ConsentFixtures.png());
            assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        ApiClient.Reply created = api.post("/api/content", "alice", "{\"title\":\"Story\",\"kind\":\"testimonial\","
                + "\"department\":\"cardiology\",\"text\":\"After my surgery I walk every day.\",\"platforms\":[\"linkedin\"],"
                + "\"publishAt\":\"" + Instant.now().plusSeconds(86_400) + "\",\"consentId\":\"" + consentId + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String pid = created.json().get("processInstanceId").asText();
        task(pid, "privacyReview", "pat");
        ApiClient.Reply revoked = api.post("/api/consents/" + consentId + "/revocation", "pat", "{\"requestedVia\":\"letter\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        return task(pid, "readWhyStopped", "alice");
    }

    static String json(String value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
