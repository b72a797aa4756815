package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A model change in the browser: cora deploys a changed review-routing.dmn as Camunda Modeler does (REST), opens
 * "Approve model change" in Tasklist and is refused (she deployed it); pat (privacy) reads the summary and the
 * findings and rejects it, so the stock routing stays for the other tests. Screenshots:
 * target/browser-screenshots/model-change-NN-*.png.
 */
@PostgresApplicationTest
class ModelChangeBrowserPostgresTest {

    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Path STEPS = SCREENSHOTS.resolve("model-change-steps");

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    private final Set<String> formsOpened = new LinkedHashSet<>();

    @AfterEach
    void noProposalLeft() {
        runtime.createProcessInstanceQuery().processDefinitionKey("model-change").list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "browser test done", true));
        repository.createDeploymentQuery().tenantIdIn("model-proposal").list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true, true));
    }

    @Test
    void coraIsRefusedHerOwnChangeAndPatRejectsItInTasklist() throws IOException {
        byte[] routing;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/review-routing.dmn")) {
            routing = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(
                    "<outputEntry id=\"Rule_EveryPostPrivacy_out3\"><text>&quot;P2D&quot;",
                    "<outputEntry id=\"Rule_EveryPostPrivacy_out3\"><text>&quot;P3D&quot;").getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", "review-routing");
        fields.put("deployment-source", "Camunda Modeler");
        ApiClient.Reply deployed = new ApiClient(port).postMultipart("/engine-rest/deployment/create", "cora", fields,
                "review-routing.dmn", routing);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String proposal = deployed.json().get("id").asText();
        String instance = runtime.createProcessInstanceQuery()
                .variableValueEquals("proposalDeploymentId", proposal).singleResult().getId();
        try (TasklistBrowser browser = new TasklistBrowser(port, STEPS)) {
            browser.loginAs("cora");
            browser.openTask("My groups' tasks", "Approve model change");
            formsOpened.add(forms().ofTask("approveModelChange"));
            assertThat(browser.value("resources")).isEqualTo("review-routing.dmn");
            browser.choose("decision", "Approve: these models are in force from now on");
            browser.type("comment", "Three days for privacy reviews");
            assertThat(browser.completeRefused()).contains("a second person of compliance or privacy");
            tasks.setAssignee(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(), null);

            browser.loginAs("pat");
            browser.openTask("My groups' tasks", "Approve model change");
            assertThat(browser.value("findings")).contains("passed");
            browser.choose("decision", "Reject: delete the proposal");
            browser.type("comment", "Not before the board has agreed");
            browser.complete();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
                    .getEndActivityId()).isEqualTo("rejected");
            assertThat(repository.createDeploymentQuery().deploymentId(proposal).count()).isZero();
        } finally {
            TasklistBrowser.publishScreenshots(STEPS, SCREENSHOTS, "model-change");
        }
        assertThat(formsOpened).as("every form of model-change is opened in the browser")
                .containsExactlyInAnyOrder(forms().all().toArray(String[]::new));
    }

    private ModelForms forms() {
        return new ModelForms(repository, "model-change");
    }
}
