package org.carepost.process.pause;

import org.carepost.process.ModelBeans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carepost.pause.PauseRefused;
import org.carepost.pause.PublishingPauses;
import org.carepost.process.ProcessTestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * pause-publishing: the start form's pause, the open task, the resume by a second person (and its refusals), the
 * release of what was held in publishAt order, the reminder at the expected end, the cancelled instance.
 */
@Deployment(resources = {"processes/pause-publishing.bpmn", "forms/pause-publishing.form",
        "forms/publishing-paused.form"})
class PausePublishingProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.withCoverage();

    private static final Instant EXPECTED_END = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    private ProcessEngine engine;
    private PublishingPauses pauses;

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        init(engine);
        pauses = mock(PublishingPauses.class);
        HeldPostsRelease release = new HeldPostsRelease(pauses);
        ModelBeans.register(new StartPauseDelegate(pauses));
        ModelBeans.register(new ResumeTaskListener(pauses));
        ModelBeans.register(new PauseCancelledListener(pauses, release));
        ModelBeans.register(new PauseOverdueDelegate(pauses));
        ModelBeans.register(new ReleaseHeldPostsDelegate(release));
        when(pauses.pause(anyString(), anyString(), any(), any(), any(), any(), any())).thenAnswer(call -> {
            String scope = call.getArgument(4);
            return new PublishingPauses.Pause(call.getArgument(0), scope,
                    "department".equals(scope) ? call.getArgument(5) : null, call.getArgument(3), EXPECTED_END,
                    call.getArgument(1), Instant.now());
        });
        ModelBeans.assertComplete(getClass()); // every delegate the models call has its bean
    }

    @AfterEach
    void tearDown() {
        engine.getIdentityService().clearAuthentication();
        Mocks.reset();
    }

    @Test
    void colePausesAllAndPatResumesThenTheHeldPostsAreReleasedInPublishAtOrder() {
        UUID earlier = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        ProcessInstance heldLater = waitingForResume(later);
        ProcessInstance heldEarlier = waitingForResume(earlier);
        ProcessInstance pi = startAs("cole", "communications", "all", null);
        verify(pauses).pause(eq(pi.getId()), eq("cole"), eq(List.of("communications")),
                eq("Shooting downtown, all posts on hold"), eq("all"), eq(null), eq(EXPECTED_END.toString()));
        assertThat(pi).isWaitingAt("publishingPaused").hasPassed("recordPause");
        assertThat(task()).hasName("Publishing paused").hasCandidateGroup("communications")
                .hasCandidateGroup("privacy").isNotAssigned().hasDueDate(Date.from(EXPECTED_END));
        // Due at the expected end: first in the groups' lists (sorted by due date), "Overdue" once it passes.
        assertThat(task().getPriority()).isEqualTo(100);
        Map<String, Object> variables = engine.getRuntimeService().getVariables(pi.getId());
        assertThat(variables).containsEntry("scopeText", "all departments").containsEntry("pausedBy", "cole")
                .containsEntry("expectedEndText", EXPECTED_END.toString())
                .containsEntry("expectedEnd", Date.from(EXPECTED_END));

        when(pauses.release(pi.getId())).thenReturn(List.of(new PublishingPauses.HeldPost(earlier, Instant.now()),
                new PublishingPauses.HeldPost(later, Instant.now().plusSeconds(60))));
        completeAs("pat", "privacy", Map.of("resume", true, "resumeNote", "All clear from the incident command"));
        verify(pauses).resume(pi.getId(), "pat", List.of("privacy"), "All clear from the incident command");
        // The release is the engine's own job, not part of pat's form.
        assertThat(pi).isWaitingAt("releaseHeldPosts");
        verify(pauses, never()).release(anyString());
        assertThat(heldEarlier).isWaitingAt("publishingResumed");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("releaseHeldPosts", "publishingResumed").hasNotPassed("remindOverdue");
        assertThat(heldEarlier).isEnded();
        assertThat(heldLater).isEnded();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("releasedCount").singleResult().getValue()).isEqualTo(2);
        // Released in the order the pause service gives (publishAt): the earlier post's instance ended first.
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("released")
                .orderPartiallyByOccurrence().asc().list()).extracting(a -> a.getProcessInstanceId())
                .containsExactly(heldEarlier.getId(), heldLater.getId());
        verify(pauses, never()).cancelled(anyString(), any());
    }

    @Test
    void thePersonWhoPausedCannotResumeAndTheTaskStaysOpen() {
        ProcessInstance pi = startAs("cole", "communications", "all", null);
        when(pauses.resume(pi.getId(), "cole", List.of("communications"), null)).thenThrow(new PauseRefused(
                "You paused publishing; a second person of communications or privacy resumes it.", true));
        assertThatThrownBy(() -> completeAs("cole", "communications", Map.of("resume", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("a second person");
        assertThat(pi).isWaitingAt("publishingPaused");
        // A member of another group is refused the same way (the engine's check, whatever the client).
        when(pauses.resume(pi.getId(), "bria", List.of("brand"), null)).thenThrow(new PauseRefused(
                "Only communications or privacy resume publishing.", true));
        assertThatThrownBy(() -> completeAs("bria", "brand", Map.of("resume", true)))
                .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("Only communications");
        // Without the box ticked nobody resumes.
        assertThatThrownBy(() -> completeAs("pat", "privacy", Map.of("resume", false)))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("tick the box");
        assertThat(pi).isWaitingAt("publishingPaused").hasNotPassed("releaseHeldPosts");
        verify(pauses, never()).release(anyString());
    }

    @Test
    void aRefusedPauseStartsNothingAndSaysWhy() {
        when(pauses.pause(anyString(), eq("cole"), any(), any(), any(), any(), any()))
                .thenThrow(new PauseRefused("Expected end: choose a time in the future."));
        assertThatThrownBy(() -> startAs("cole", "communications", "all", null))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("Expected end");
        when(pauses.pause(anyString(), eq("alice"), any(), any(), any(), any(), any()))
                .thenThrow(new PauseRefused("Only communications or privacy pause publishing.", true));
        assertThatThrownBy(() -> startAs("alice", "authors", "all", null))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("Only communications");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("pause-publishing")
                .count()).isZero();
    }

    @Test
    void theExpectedEndPassingRemindsTheGroupsAndPublishingStaysPaused() {
        ProcessInstance pi = startAs("pat", "privacy", "department", "cardiology");
        verify(pauses).pause(anyString(), eq("pat"), any(), any(), eq("department"), eq("cardiology"), any());
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "scopeText")).isEqualTo("department cardiology");
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(EXPECTED_END));
        execute(timer);
        verify(pauses).overdue(pi.getId());
        assertThat(pi).hasPassed("expectedEndPassed", "remindOverdue", "stillPaused").isWaitingAt("publishingPaused");
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "overdue")).isEqualTo(true);
        verify(pauses, never()).resume(anyString(), anyString(), any(), any());

        completeAs("cole", "communications", Map.of("resume", true));
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("publishingResumed");
    }

    @Test
    void cancellingThePausesInstanceEndsThePauseAndReleasesWhatItHeld() {
        UUID held = UUID.randomUUID();
        ProcessInstance heldPost = waitingForResume(held);
        ProcessInstance pi = startAs("cole", "communications", "all", null);
        when(pauses.isActive(pi.getId())).thenReturn(true);
        when(pauses.release(pi.getId())).thenReturn(List.of(new PublishingPauses.HeldPost(held, Instant.now())));
        engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "started by mistake");
        verify(pauses).cancelled(pi.getId(), "admin");
        assertThat(heldPost).isEnded();
        verify(pauses, never()).resume(anyString(), anyString(), any(), any());
    }

    @Test
    void aResumedPauseIsNotCancelledAgainWhenItsInstanceIsDeletedLater() {
        ProcessInstance pi = startAs("cole", "communications", "all", null);
        when(pauses.isActive(pi.getId())).thenReturn(false);
        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "cleanup");
        verify(pauses, never()).cancelled(anyString(), any());
        verify(pauses, never()).release(anyString());
    }

    @Test
    void aDraftOnAModelWithoutTheHoldFailsItsPublishJobWhilePausedInsteadOfEndingUnpublished() {
        // content-approval before the hold had no boundary event for PUBLISHING_PAUSED: an uncaught BPMN error would
        // end the instance as if it were published. Its job fails instead, keeps the draft, and publishes later.
        org.carepost.publishing.PublishingService publishing = mock(org.carepost.publishing.PublishingService.class);
        ModelBeans.register(new org.carepost.process.approval.PublishDelegate(publishing, pauses));
        engine.getRepositoryService().createDeployment().addModelInstance("old-approval.bpmn",
                Bpmn.createExecutableProcess("old-approval").camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("publishToPlatforms").camundaAsyncBefore()
                        .camundaDelegateExpression("${publishDelegate}").endEvent("oldPublished").done()).deploy();
        UUID contentId = UUID.randomUUID();
        ProcessInstance old = engine.getRuntimeService().startProcessInstanceByKey("old-approval", contentId.toString());
        when(pauses.hold(contentId)).thenReturn(java.util.Optional.of("paused: publishing is paused for all departments"));
        String jobId = job(old).getId();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId))
                .hasMessageContaining("paused").hasMessageContaining("migrate it");
        assertThat(old).isWaitingAt("publishToPlatforms").isNotEnded();
        verify(publishing, never()).publish(any(), any());
        when(pauses.hold(contentId)).thenReturn(java.util.Optional.empty());
        engine.getManagementService().executeJob(jobId);
        verify(publishing).publish(contentId, old.getId());
        assertThat(old).isEnded().hasPassed("oldPublished");
    }

    /** A stand-in for a draft held at content-approval's "Publishing resumed" (its business key is the content id). */
    private ProcessInstance waitingForResume(UUID contentId) {
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("held-post").count() == 0) {
            engine.getRepositoryService().createDeployment().addModelInstance("held-post.bpmn",
                    Bpmn.createExecutableProcess("held-post").camundaHistoryTimeToLive(1).startEvent()
                            .intermediateCatchEvent("publishingResumed").message(HeldPostsRelease.PUBLISHING_RESUMED)
                            .endEvent("released").done()).deploy();
        }
        return engine.getRuntimeService().startProcessInstanceByKey("held-post", contentId.toString());
    }

    private ProcessInstance startAs(String user, String group, String scope, String department) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        Map<String, Object> variables = new HashMap<>();
        variables.put("reason", "Shooting downtown, all posts on hold");
        variables.put("scope", scope);
        variables.put("department", department);
        variables.put("expectedEnd", EXPECTED_END.toString());
        try {
            return engine.getRuntimeService().startProcessInstanceByKey("pause-publishing", variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void completeAs(String user, String group, Map<String, Object> variables) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            String taskId = engine.getTaskService().createTaskQuery().processDefinitionKey("pause-publishing")
                    .taskDefinitionKey("publishingPaused").singleResult().getId();
            engine.getTaskService().complete(taskId, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
