package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Operations in Cockpit with enforceSpecificVariablePermission on (docs/security.md, "Who reads which variables"):
 * otto sees a draft's content-approval instance, its failed-job incident and its job, and sets the job's retries, on
 * /engine-rest, on the webapps' engine REST and on Cockpit's own plugin REST, and reads none of its variables
 * (draftView holds the draft's text). A review group still reads the variables of its own task, and only those; the
 * auditor and the administrator read every instance's.
 */
@PostgresApplicationTest
class OperationsCockpitPostgresTest {

    private static final String TEXT = "Flu shots all week.";
    /** As Tasklist and Cockpit ask: JSON variables as their text, so the draft's text would show in the reply. */
    private static final String RAW = "?deserializeValues=false";
    private static final String COCKPIT_API = WebappSession.WEBAPPS + "/api/cockpit/plugin/base/default";

    @LocalServerPort
    int port;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    private String draft(ApiClient api) {
        ApiClient.Reply draft = api.post("/api/content", "alice", ContentJourneyPostgresTest.draft(TEXT, "[\"linkedin\"]",
                Instant.now().plusSeconds(86_400)));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String pid = draft.json().get("processInstanceId").asText();
        assertThat(String.valueOf(runtimeService.getVariable(pid, "draftView"))).as("the draft's text is in draftView")
                .contains(TEXT);
        return pid;
    }

    @Test
    void operationsSeeTheInstanceItsIncidentAndItsJobAndRetryItButReadNoVariableOnAnyClient() {
        ApiClient api = new ApiClient(port);
        String pid = draft(api);
        Job job = managementService.createJobQuery().processInstanceId(pid).list().get(0);
        managementService.setJobRetries(job.getId(), 0); // as the engine: a failedJob incident, deterministically
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pid).count()).isEqualTo(1);
        String definitionId = runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult()
                .getProcessDefinitionId();
        WebappSession otto = new WebappSession(port);
        assertThat(otto.login("otto").status()).isEqualTo(200);
        try {
            // Seen: the instance, its incident and its job, on both engine REST APIs.
            for (String prefix : List.of("/engine-rest", WebappSession.ENGINE_API)) {
                ApiClient.Reply instances = get(api, otto, prefix, "/process-instance?processInstanceIds=" + pid);
                assertThat(instances.json().size()).as(prefix + " instances").isEqualTo(1);
                assertThat(get(api, otto, prefix, "/process-instance/" + pid).json().get("id").asText()).isEqualTo(pid);
                ApiClient.Reply incidents = get(api, otto, prefix, "/incident?processInstanceId=" + pid);
                assertThat(incidents.json().size()).as(prefix + " incidents").isEqualTo(1);
                assertThat(incidents.json().get(0).get("incidentType").asText()).isEqualTo("failedJob");
                assertThat(incidents.json().get(0).get("configuration").asText()).isEqualTo(job.getId());
                ApiClient.Reply jobs = get(api, otto, prefix, "/job?processInstanceId=" + pid);
                assertThat(jobs.json().findValuesAsText("id")).as(prefix + " jobs").contains(job.getId());
                // ...and no task: operations read no review task of the draft.
                assertThat(get(api, otto, prefix, "/task?processInstanceId=" + pid).json().size()).isZero();
            }
            // Cockpit's own plugin REST: the definition's instances (with their incidents) and the incident list.
            ApiClient.Reply cockpitInstances = otto.webappsSend("POST", COCKPIT_API + "/process-instance",
                    "{\"processDefinitionId\":\"" + definitionId + "\"}");
            assertThat(cockpitInstances.status()).as(cockpitInstances.body()).isEqualTo(200);
            assertThat(cockpitInstances.json().findValuesAsText("id")).contains(pid);
            assertThat(cockpitInstances.body()).doesNotContain(TEXT);
            ApiClient.Reply cockpitIncidents = otto.webappsSend("POST", COCKPIT_API + "/incident",
                    "{\"processInstanceIdIn\":[\"" + pid + "\"]}");
            assertThat(cockpitIncidents.status()).as(cockpitIncidents.body()).isEqualTo(200);
            assertThat(cockpitIncidents.json().size()).isEqualTo(1);
            assertThat(cockpitIncidents.json().get(0).get("incidentType").asText()).isEqualTo("failedJob");

            // Not read: any variable of the instance, on any path Cockpit or a script would use.
            for (String prefix : List.of("/engine-rest", WebappSession.ENGINE_API)) {
                for (String refused : List.of("/process-instance/" + pid + "/variables" + RAW,
                        "/process-instance/" + pid + "/variables/draftView" + RAW, "/execution/" + pid + "/localVariables" + RAW)) {
                    ApiClient.Reply reply = get(otto, api, prefix + refused);
                    assertThat(reply.status()).as(prefix + refused + ": " + reply.body()).isEqualTo(403);
                    assertThat(reply.body()).doesNotContain(TEXT);
                }
                for (String empty : List.of("/variable-instance?processInstanceIdIn=" + pid + "&deserializeValues=false",
                        "/history/variable-instance?processInstanceId=" + pid + "&deserializeValues=false",
                        "/history/detail?processInstanceId=" + pid + "&deserializeValues=false")) {
                    ApiClient.Reply reply = get(api, otto, prefix, empty);
                    assertThat(reply.json().size()).as(prefix + empty + ": " + reply.body()).isZero();
                }
            }
            // Instance queries filter by variable value with READ on the instance alone (the flag does not cover
            // them): a probe of the draft's text finds nothing, because draftView is JSON in a byte array that value
            // filters never match, and the forms' free-text fields are removed when submitted.
            assertThat(get(api, otto, "/engine-rest", "/process-instance?processInstanceIds=" + pid
                    + "&variables=department_eq_cardiology").json().size()).as("value filters work for otto").isEqualTo(1);
            assertThat(get(api, otto, "/engine-rest", "/process-instance?processInstanceIds=" + pid
                    + "&variables=draftView_like_%25Flu%25").json().size()).as("draftView probed by value").isZero();
            // Cockpit's Variables tab asks the engine's variable-instance query by POST.
            ApiClient.Reply tab = otto.webappsSend("POST", WebappSession.ENGINE_API + "/variable-instance" + RAW,
                    "{\"processInstanceIdIn\":[\"" + pid + "\"]}");
            assertThat(tab.status()).as(tab.body()).isEqualTo(200);
            assertThat(tab.json().size()).as(tab.body()).isZero();
            // The administrator, the same query: the draft's text is there (the check above is not vacuous).
            assertThat(api.get("/engine-rest/variable-instance?processInstanceIdIn=" + pid + "&deserializeValues=false",
                    "admin").body()).contains(TEXT);

            // Retry, on /engine-rest: Camunda's check is RETRY_JOB (ReservedOperations lets operations too).
            ApiClient.Reply retry = api.send("PUT", "/engine-rest/job/" + job.getId() + "/retries", "otto", "{\"retries\":1}");
            assertThat(retry.status()).as(retry.body()).isEqualTo(204);
            assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(1);
            assertThat(runtimeService.createIncidentQuery().processInstanceId(pid).count()).isZero();
            // ...and as Cockpit does it, on the webapps' REST with the session's CSRF token.
            managementService.setJobRetries(job.getId(), 0);
            ApiClient.Reply cockpitRetry = otto.webappsSend("PUT", WebappSession.ENGINE_API + "/job/" + job.getId()
                    + "/retries", "{\"retries\":1}");
            assertThat(cockpitRetry.status()).as(cockpitRetry.body()).isEqualTo(204);
            assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(1);
            // Retrying is all: operations may not change the instance or its variables.
            ApiClient.Reply write = api.send("PUT", "/engine-rest/process-instance/" + pid + "/variables/draftView", "otto",
                    "{\"value\":\"x\",\"type\":\"String\"}");
            assertThat(write.status()).as(write.body()).isEqualTo(403);
            ApiClient.Reply delete = api.send("DELETE", "/engine-rest/process-instance/" + pid, "otto", null);
            assertThat(delete.status()).as(delete.body()).isEqualTo(403);
            ApiClient.Reply execute = api.send("POST", "/engine-rest/job/" + job.getId() + "/execute", "otto", null);
            assertThat(execute.status()).as("executing a job stays reserved to administrators: " + execute.body())
                    .isEqualTo(403);
        } finally {
            managementService.setJobRetries(job.getId(), 1); // other tests of this database see no incident of ours
        }
    }

    @Test
    void aReviewGroupReadsItsOwnTasksVariablesOnlyTheAuditorAndTheAdministratorReadTheInstances() {
        ApiClient api = new ApiClient(port);
        String pid = draft(api);
        String task = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("privacyReview")
                .singleResult().getId();

        // The privacy officer, a candidate of the task, reads its form's variables in Tasklist: draftView with the text.
        WebappSession pat = new WebappSession(port);
        assertThat(pat.login("pat").status()).isEqualTo(200);
        for (String path : List.of("/task/" + task + "/form-variables" + RAW, "/task/" + task + "/variables" + RAW)) {
            ApiClient.Reply reply = pat.get(WebappSession.ENGINE_API + path);
            assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
            assertThat(reply.json().has("draftView")).as(path).isTrue();
            assertThat(reply.body()).contains(TEXT);
        }
        assertThat(pat.get(WebappSession.ENGINE_API + "/task/" + task + "/form").status()).isEqualTo(200);
        // ...but not the instance's variables directly (no READ_INSTANCE_VARIABLE for review groups).
        assertThat(api.get("/engine-rest/process-instance/" + pid + "/variables", "pat").status()).isEqualTo(403);

        // Legal, another review group, reads nothing of the privacy review's task: not its variables, nor its form.
        WebappSession lee = new WebappSession(port);
        assertThat(lee.login("lee").status()).isEqualTo(200);
        for (String path : List.of("/task/" + task + "/form-variables" + RAW, "/task/" + task + "/variables" + RAW,
                "/task/" + task + "/variables/draftView" + RAW, "/process-instance/" + pid + "/variables" + RAW)) {
            ApiClient.Reply reply = lee.get(WebappSession.ENGINE_API + path);
            assertThat(reply.status()).as("lee " + path + ": " + reply.body()).isIn(403, 404);
            assertThat(reply.body()).doesNotContain(TEXT);
        }
        // The variable query gives him his own legal review's task variables (the draft goes to legal too), none of
        // the privacy review's and none of the process's: not draftView (he reads that through his own task's form).
        String legalTask = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("legalReview")
                .singleResult().getId();
        ApiClient.Reply query = api.get("/engine-rest/variable-instance?processInstanceIdIn=" + pid
                + "&deserializeValues=false", "lee");
        assertThat(query.json().size()).as(query.body()).isPositive();
        assertThat(query.json().findValuesAsText("taskId")).as(query.body()).containsOnly(legalTask);
        assertThat(query.json().findValuesAsText("name")).doesNotContain("draftView");
        assertThat(api.get("/engine-rest/variable-instance?taskIdIn=" + task, "lee").json().size()).isZero();
        assertThat(api.get("/engine-rest/variable-instance?taskIdIn=" + task, "pat").json().size()).isPositive();

        // The auditor (as before the flag) and the administrator read the instance's variables.
        for (String reader : List.of("audrey", "admin")) {
            ApiClient.Reply reply = api.get("/engine-rest/process-instance/" + pid + "/variables" + RAW, reader);
            assertThat(reply.status()).as(reader + ": " + reply.body()).isEqualTo(200);
            assertThat(reply.body()).as(reader).contains(TEXT);
        }
    }

    /** A GET as otto, on /engine-rest with HTTP Basic or on the webapps' REST with his session; it must succeed. */
    private static ApiClient.Reply get(ApiClient api, WebappSession session, String prefix, String query) {
        ApiClient.Reply reply = get(session, api, prefix + query);
        assertThat(reply.status()).as(prefix + query + ": " + reply.body()).isEqualTo(200);
        assertThat(reply.body()).as(prefix + query).doesNotContain(TEXT);
        return reply;
    }

    private static ApiClient.Reply get(WebappSession session, ApiClient api, String path) {
        return path.startsWith(WebappSession.WEBAPPS) ? session.get(path) : api.get(path, "otto");
    }
}
