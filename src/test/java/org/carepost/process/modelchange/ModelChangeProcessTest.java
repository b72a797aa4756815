package org.carepost.process.modelchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carepost.modelchange.ChangeSummary;
import org.carepost.modelchange.CheckFinding;
import org.carepost.modelchange.CheckReport;
import org.carepost.modelchange.ModelChecks;
import org.carepost.modelchange.ModelResources;
import org.carepost.process.ModelBeans;
import org.carepost.process.ProcessTestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * model-change on its own: a proposal deployment (tenant model-proposal) checked, approved by a second person and
 * activated (deployed again without tenant, the proposal deleted, running instances left on their version);
 * rejected; refused by the checks; refused to the person who deployed it and to other groups. The checks, the
 * summary and the proposals table are mocked; the engine steps are real.
 */
@Deployment(resources = {"processes/model-change.bpmn", "forms/approve-model-change.form"})
class ModelChangeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.withCoverage();

    private static final String TINY = "tiny-change";

    private ProcessEngine engine;
    private RepositoryService repository;
    private ModelChecks checks;
    private ChangeSummary summary;
    private ModelProposals proposals;

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        init(engine);
        repository = engine.getRepositoryService();
        checks = mock(ModelChecks.class);
        summary = mock(ChangeSummary.class);
        proposals = mock(ModelProposals.class);
        ModelBeans.register(new RunModelChecksDelegate(checks, summary, proposals));
        ModelBeans.register(new ApproveModelChangeListener(proposals));
        ModelBeans.register(new ActivateModelsDelegate(proposals));
        ModelBeans.register(new DeleteProposalDelegate(proposals));
        when(summary.between(any(), any())).thenReturn(List.of("tiny.bpmn: task \"Review\" renamed to \"Check\""));
        ModelBeans.assertComplete(getClass());
    }

    @AfterEach
    void tearDown() {
        engine.getIdentityService().clearAuthentication();
        for (var deployment : repository.createDeploymentQuery().list()) {
            if (!repository.getDeploymentResourceNames(deployment.getId()).contains("processes/model-change.bpmn")) {
                repository.deleteDeployment(deployment.getId(), true, true);
            }
        }
        Mocks.reset();
    }

    @Test
    void aSecondPersonApprovesAndTheModelIsInForceWhileRunningInstancesFinishOnTheirVersion() {
        repository.createDeployment().name("carepost").addString("processes/tiny.bpmn", tiny("Review")).deploy();
        ProcessInstance running = engine.getRuntimeService().startProcessInstanceByKey(TINY);
        String proposal = propose("Check");
        when(checks.check(any(), any(), any())).thenReturn(passed());

        ProcessInstance pi = start(proposal);
        assertThat(pi).isWaitingAt("approveModelChange").hasPassed("runChecks");
        // The checks saw the proposal (by file name) over the models in force, and the engine's groups.
        ArgumentCaptor<ModelResources> proposed = ArgumentCaptor.forClass(ModelResources.class);
        ArgumentCaptor<ModelResources> inForce = ArgumentCaptor.forClass(ModelResources.class);
        verify(checks).check(proposed.capture(), inForce.capture(), any());
        assertThat(proposed.getValue().byName()).containsOnlyKeys("tiny.bpmn");
        assertThat(new String(proposed.getValue().byName().get("tiny.bpmn"), StandardCharsets.UTF_8)).contains("Check");
        assertThat(new String(inForce.getValue().byName().get("tiny.bpmn"), StandardCharsets.UTF_8)).contains("Review");
        verify(proposals).checked(eq(proposal), any());
        assertThat(task()).hasName("Approve model change").hasCandidateGroup("compliance").hasCandidateGroup("privacy");
        String view = engine.getRuntimeService().getVariable(pi.getId(), "modelChangeView").toString();
        assertThat(view).contains("renamed to \\\"Check\\\"", "passed parses", "tiny.bpmn");
        // The proposal is not in force: "latest" without tenant is still the running instance's version.
        String oldVersion = running.getProcessDefinitionId();
        assertThat(latestWithoutTenant().getId()).isEqualTo(oldVersion);

        String taskId = task().getId();
        when(proposals.decide(proposal, taskId, "pat", List.of("privacy"), "approve", "Renamed as agreed"))
                .thenReturn(true);
        completeAs("pat", "privacy", Map.of("decision", "approve", "comment", "Renamed as agreed"));
        assertThat(pi).isEnded().hasPassed("approveModelChange", "activateModels", "modelsInForce")
                .hasNotPassed("deleteRejectedProposal", "deleteRefusedProposal");

        // In force: a new version without tenant, from CarePost's own deployment; the proposal is gone.
        ProcessDefinition latest = latestWithoutTenant();
        assertThat(latest.getId()).isNotEqualTo(oldVersion);
        assertThat(latest.getVersion()).isEqualTo(2);
        var activation = repository.createDeploymentQuery().deploymentId(latest.getDeploymentId()).singleResult();
        assertThat(activation.getName()).isEqualTo("carepost-model-change");
        assertThat(activation.getSource()).isEqualTo("model-change");
        assertThat(activation.getTenantId()).isNull();
        // Deployed under the name its model in force has, so one name per model.
        assertThat(repository.getDeploymentResourceNames(activation.getId())).containsExactly("processes/tiny.bpmn");
        assertThat(repository.createDeploymentQuery().deploymentId(proposal).count()).isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceByKey(TINY).processDefinitionWithoutTenantId()
                .execute().getProcessDefinitionId()).isEqualTo(latest.getId());
        // The running instance finishes on its version, and is counted.
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(running.getId())
                .singleResult().getProcessDefinitionId()).isEqualTo(oldVersion);
        ArgumentCaptor<Map<String, byte[]>> resources = ArgumentCaptor.forClass(Map.class);
        verify(proposals).activated(eq(proposal), eq(activation.getId()), resources.capture(), eq(1L));
        assertThat(resources.getValue()).containsOnlyKeys("processes/tiny.bpmn");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("runningOnOlderVersions").singleResult().getValue()).isEqualTo(1L);
        verify(proposals, never()).refusedByChecks(anyString(), any());
    }

    @Test
    void theReviewerRejectsAndTheProposalIsDeletedWhileTheModelInForceStays() {
        repository.createDeployment().name("carepost").addString("processes/tiny.bpmn", tiny("Review")).deploy();
        String inForce = latestWithoutTenant().getId();
        String proposal = propose("Check");
        when(checks.check(any(), any(), any())).thenReturn(passed());
        ProcessInstance pi = start(proposal);
        assertThat(pi).isWaitingAt("approveModelChange");
        String taskId = task().getId();
        when(proposals.decide(proposal, taskId, "cora2", List.of("compliance"), "reject", "Not this quarter"))
                .thenReturn(false);
        completeAs("cora2", "compliance", Map.of("decision", "reject", "comment", "Not this quarter"));
        assertThat(pi).isEnded().hasPassed("deleteRejectedProposal", "rejected").hasNotPassed("activateModels");
        assertThat(repository.createDeploymentQuery().deploymentId(proposal).count()).isZero();
        assertThat(latestWithoutTenant().getId()).isEqualTo(inForce);
        // The reviewer's rejection was audited when they decided; the system adds no refusal.
        verify(proposals, never()).refusedByChecks(anyString(), any());
        verify(proposals, never()).activated(anyString(), anyString(), any(), anyLong());
    }

    @Test
    void aFailedCheckRefusesTheProposalWithoutAReviewer() {
        String proposal = propose("Check");
        when(checks.check(any(), any(), any())).thenReturn(new CheckReport(List.of(
                new CheckFinding("parses", true, "every model parses"),
                new CheckFinding("history-time-to-live", false, "tiny.bpmn: historyTimeToLive below 2192 days"))));
        ProcessInstance pi = start(proposal);
        assertThat(pi).isEnded().hasPassed("runChecks", "deleteRefusedProposal", "refusedByChecks")
                .hasNotPassed("approveModelChange");
        verify(proposals).checked(eq(proposal), any());
        verify(proposals).refusedByChecks(proposal,
                "FAILED history-time-to-live: tiny.bpmn: historyTimeToLive below 2192 days");
        assertThat(repository.createDeploymentQuery().deploymentId(proposal).count()).isZero();
        verify(summary, never()).between(any(), any());
        verify(proposals, never()).decide(any(), any(), any(), any(), any(), any());
    }

    @Test
    void thePersonWhoDeployedCannotApproveNorCanAnotherGroupAndTheTaskStaysOpen() {
        String proposal = propose("Check");
        when(checks.check(any(), any(), any())).thenReturn(passed());
        ProcessInstance pi = start(proposal);
        assertThat(pi).isWaitingAt("approveModelChange");
        String taskId = task().getId();
        when(proposals.decide(proposal, taskId, "cora", List.of("compliance"), "approve", "mine")).thenThrow(
                new ModelChangeRefused("You deployed this model change; a second person of compliance or privacy "
                        + "approves it.", true));
        assertThatThrownBy(() -> completeAs("cora", "compliance", Map.of("decision", "approve", "comment", "mine")))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("a second person");
        when(proposals.decide(proposal, taskId, "bria", List.of("brand"), "approve", "looks fine")).thenThrow(
                new ModelChangeRefused("Only compliance or privacy approve a model change.", true));
        assertThatThrownBy(() -> completeAs("bria", "brand", Map.of("decision", "approve", "comment", "looks fine")))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("Only compliance or privacy");
        when(proposals.decide(proposal, taskId, "pat", List.of("privacy"), "approve", " ")).thenThrow(
                new ModelChangeRefused("Comment: say why (it is recorded with your decision).", false));
        assertThatThrownBy(() -> completeAs("pat", "privacy", Map.of("decision", "approve", "comment", " ")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Comment");
        assertThat(pi).isWaitingAt("approveModelChange");
        assertThat(repository.createDeploymentQuery().deploymentId(proposal).count()).isEqualTo(1);
        verify(proposals, never()).activated(anyString(), anyString(), any(), anyLong());
    }

    @Test
    void aProposalsTimerAndMessageStartsNeverFire() {
        String proposal = repository.createDeployment().tenantId(ProposalDeployments.PROPOSAL_TENANT)
                .addModelInstance("timed.bpmn", Bpmn.createExecutableProcess("timed-change").camundaHistoryTimeToLive(2192)
                        .startEvent().timerWithDuration("PT1M").endEvent().done())
                .addModelInstance("poked.bpmn", Bpmn.createExecutableProcess("poked-change").camundaHistoryTimeToLive(2192)
                        .startEvent().message("ProposalPoke").endEvent().done())
                .deploy().getId();
        var jobs = engine.getManagementService().createJobQuery().processDefinitionKey("timed-change");
        assertThat(jobs.active().count()).as("the timer start's job before").isEqualTo(1);

        new ProposalDeployments(engine).suspend(proposal);
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey("timed-change").active().count())
                .isZero();
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey("timed-change").suspended().count())
                .isEqualTo(1);
        assertThat(repository.createProcessDefinitionQuery().deploymentId(proposal).active().count()).isZero();
        assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation("ProposalPoke")
                .tenantId(ProposalDeployments.PROPOSAL_TENANT).correlateStartMessage())
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().deploymentId(proposal).count()).isZero();
    }

    private static CheckReport passed() {
        return new CheckReport(List.of(new CheckFinding("parses", true, "every model parses")));
    }

    private ProcessDefinition latestWithoutTenant() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(TINY).withoutTenantId().latestVersion()
                .singleResult();
    }

    private String propose(String taskName) {
        return repository.createDeployment().name("diagram").source("Camunda Modeler")
                .tenantId(ProposalDeployments.PROPOSAL_TENANT).addString("tiny.bpmn", tiny(taskName)).deploy().getId();
    }

    private ProcessInstance start(String proposal) {
        return engine.getRuntimeService().createProcessInstanceByKey("model-change")
                .setVariable("proposalDeploymentId", proposal).execute();
    }

    private void completeAs(String user, String group, Map<String, Object> variables) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            engine.getTaskService().complete(task().getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static String tiny(String taskName) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(TINY).camundaHistoryTimeToLive(2192).startEvent()
                .userTask("work").name(taskName).endEvent().done());
    }
}
