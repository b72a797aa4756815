package org.carepost.process.engine;

import org.carepost.process.ModelBeans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.carepost.process.approval.AuthorizationRequirement;
import org.carepost.process.approval.RewriteAfterRedaction;

/** What a compliance lead relies on: unchanged models make no new version, edited ones do, running ones keep theirs. */
class ProcessDeployerTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml").build(); // no coverage goal: nothing is walked here

    @TempDir
    Path leadsFolder;

    @AfterEach
    void cleanUp() {
        RepositoryService repository = engine.getRepositoryService();
        repository.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME).list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
        Mocks.reset();
    }

    @Test
    void packagedModelsAndFormsAreDeployedOnceAndEditedModelsBecomeNewVersions() throws Exception {
        ProcessDeployer deployer = new ProcessDeployer(engine.getRepositoryService());
        deployer.deploy(null);
        assertThat(latest().getVersion()).isEqualTo(1);
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("carepost").count()).isEqualTo(1);
        // Every form the models reference is deployed too (.form is not in Camunda's default pattern).
        assertThat(engine.getRepositoryService().getDeploymentResourceNames(latest().getDeploymentId()))
                .contains("forms/review-decision.form", "forms/signoff-decision.form", "forms/revise-draft.form",
                        "forms/medical-review.form", "processes/review-routing.dmn",
                        "forms/resolve-phi.form", "forms/privacy-review.form");

        deployer.deploy(null);
        assertThat(latest().getVersion()).as("unchanged model, no new version").isEqualTo(1);

        Mocks.register("decisionTaskListener", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
        Mocks.register("draftFromStartFormListener", (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> { });
        // "Decide reviews" evaluates the deployed DMN on these inputs; the glue around it is not under test here.
        org.camunda.bpm.engine.delegate.ExecutionListener noGlue = execution -> { };
        Mocks.register("routingInputsListener", noGlue);
        Mocks.register("routingOutcomeListener", noGlue);
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("author", "alice", "department", "cardiology",
                "privacyReviewRequired", true, "legalReviewRequired", false, "medicalReviewRequired", false,
                "brandReviewRequired", false, "communicationsReviewRequired", false, "reviewSla", "P2D"));
        variables.putAll(new org.carepost.review.RoutingFacts("education", false, false, false, false, 1).toVariables());
        ModelBeans.register(new AuthorizationRequirement(
                org.mockito.Mockito.mock(org.carepost.consent.ConsentCoverage.class))); // not a testimonial
        Mocks.register("phiScanDelegate", (org.camunda.bpm.engine.delegate.JavaDelegate) e -> e.setVariable("openPhiFindings", 0));
        org.carepost.content.ContentService contents = org.mockito.Mockito.mock(org.carepost.content.ContentService.class);
        org.mockito.Mockito.when(contents.currentVersion(org.mockito.ArgumentMatchers.any())).thenReturn(
                new org.carepost.content.ContentVersion(java.util.UUID.randomUUID(), 1, "no placeholder", "alice",
                        java.time.Instant.now()));
        ModelBeans.register(new RewriteAfterRedaction(contents));
        ModelBeans.register(new TaskDue());
        ProcessInstance running = engine.getRuntimeService().startProcessInstanceByKey("content-approval",
                "00000000-0000-0000-0000-000000000001", variables);

        String packaged = new String(getClass().getResourceAsStream("/processes/content-approval.bpmn").readAllBytes(),
                StandardCharsets.UTF_8);
        Files.writeString(leadsFolder.resolve("content-approval.bpmn"),
                packaged.replace("name=\"Review legal risk\"", "name=\"Review legal and HIPAA risk\""));
        deployer.deploy(leadsFolder.toString());
        assertThat(latest().getVersion()).as("edited model, new version").isEqualTo(2);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(running.getId())
                .singleResult().getProcessDefinitionId()).as("running instance keeps its version")
                .isNotEqualTo(latest().getId());

        deployer.deploy(leadsFolder.toString());
        assertThat(latest().getVersion()).as("same edit again, no new version").isEqualTo(2);
        engine.getRuntimeService().deleteProcessInstance(running.getId(), "test over");
    }

    @Test
    void aMissingFolderIsAClearError() {
        ProcessDeployer deployer = new ProcessDeployer(engine.getRepositoryService());
        assertThatThrownBy(() -> deployer.deploy(leadsFolder.resolve("nope").toString()))
                .hasMessageContaining("is not a folder");
    }

    private ProcessDefinition latest() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("content-approval")
                .latestVersion().singleResult();
    }
}
