package org.carepost.process.takedown;

import org.carepost.process.ModelBeans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carepost.process.ProcessTestEngine;
import org.carepost.process.consent.ConsentVariables;
import org.carepost.publishing.PlatformException;
import org.carepost.publishing.TakedownService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * takedown.bpmn on its own: planned deletes, one retried job per post, incidents when a network keeps refusing, and
 * the content marked taken down only once every delete was confirmed. TakedownService is a mock; its own rules are
 * tested in publishing.
 */
@Deployment(resources = "processes/takedown.bpmn")
class TakedownProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.withCoverage();

    private final UUID contentId = UUID.randomUUID();
    private final UUID consentId = UUID.randomUUID();
    private TakedownService takedowns;
    private RuntimeService runtime;
    private ManagementService management;

    @BeforeEach
    void setUp() {
        init(extension.getProcessEngine());
        runtime = extension.getProcessEngine().getRuntimeService();
        management = extension.getProcessEngine().getManagementService();
        takedowns = mock(TakedownService.class);
        ModelBeans.register(new PlanTakedownDelegate(takedowns));
        ModelBeans.register(new DeletePostDelegate(takedowns));
        ModelBeans.register(new TakedownCompleteDelegate(takedowns));
        ModelBeans.assertComplete(getClass()); // every delegate the models call has its bean
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void everyPublishedPostIsDeletedInItsOwnJobThenTheContentIsMarkedTakenDown() {
        when(takedowns.plan(eq(contentId), eq(consentId), eq("revoked"), anyString())).thenReturn(List.of(11L, 12L));

        ProcessInstance pi = start(consentId, "revoked");

        verify(takedowns).plan(contentId, consentId, "revoked", pi.getId());
        assertThat(pi).isWaitingAt("deletePostOnPlatform").hasPassed("findPublishedPosts");
        assertThat(runtime.getVariable(pi.getId(), ConsentVariables.TAKEDOWN_IDS)).isEqualTo(List.of(11L, 12L));
        // Asynchronous: one job per post, so one network's failure neither repeats nor blocks another's delete.
        assertThat(jobs(pi)).hasSize(2);
        verify(takedowns, never()).delete(anyLong(), anyString(), anyString());

        jobs(pi).forEach(j -> management.executeJob(j.getId()));

        verify(takedowns).delete(11L, "carepost", pi.getId());
        verify(takedowns).delete(12L, "carepost", pi.getId());
        verify(takedowns).completed(contentId, "carepost", pi.getId());
        assertThat(pi).isEnded().hasPassed("deletePostOnPlatform", "markTakenDown", "postsTakenDown");
    }

    @Test
    void anExpiryIsPlannedAsSuchAndWithoutAnAuthorizationTheReasonIsRevoked() {
        start(consentId, "expired");
        verify(takedowns).plan(eq(contentId), eq(consentId), eq("expired"), anyString());

        UUID other = UUID.randomUUID();
        Map<String, Object> none = new HashMap<>();
        runtime.startProcessInstanceByKey(ConsentVariables.TAKEDOWN_PROCESS_KEY, other.toString(), none);
        verify(takedowns).plan(eq(other), isNull(), eq("revoked"), anyString());
    }

    @Test
    void nothingToTakeDownMarksTheContentAtOnceWithoutADeleteJob() {
        when(takedowns.plan(any(), any(), any(), anyString())).thenReturn(List.of());

        ProcessInstance pi = start(consentId, "revoked");

        // An empty multi-instance completes immediately; completed() itself refuses if a delete were still pending.
        assertThat(pi).isEnded().hasPassed("findPublishedPosts", "markTakenDown", "postsTakenDown");
        verify(takedowns, never()).delete(anyLong(), anyString(), anyString());
        verify(takedowns).completed(contentId, "carepost", pi.getId());
    }

    @Test
    void aFailingPlanStartsNoTakedownAndTheCallerSeesTheError() {
        when(takedowns.plan(any(), any(), any(), anyString())).thenThrow(new IllegalStateException("database down"));

        assertThatThrownBy(() -> start(consentId, "revoked")).hasMessageContaining("database down");

        // The start runs in the caller's transaction (the revocation): nothing half-started is left behind.
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("takedown").count()).isZero();
        verify(takedowns, never()).completed(any(), any(), any());
    }

    @Test
    void aFailedDeleteIsRetriedAndTheTakedownCompletesOnceItGoesThrough() {
        when(takedowns.plan(any(), any(), any(), anyString())).thenReturn(List.of(31L));
        doThrow(new PlatformException(PlatformException.Kind.RETRYABLE, "mastodon: 502")).doReturn(null)
                .when(takedowns).delete(eq(31L), anyString(), anyString());
        ProcessInstance pi = start(consentId, "revoked");
        String jobId = jobs(pi).get(0).getId();

        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("502");
        Job retried = management.createJobQuery().jobId(jobId).singleResult();
        assertThat(retried.getRetries()).isEqualTo(4); // R5/PT5M: five attempts, five minutes apart
        assertThat(retried.getDuedate()).isNotNull();
        assertThat(pi).isNotEnded().hasNotPassed("markTakenDown");
        verify(takedowns, never()).completed(any(), any(), any());

        management.executeJob(jobId);

        verify(takedowns, times(2)).delete(31L, "carepost", pi.getId());
        verify(takedowns).completed(contentId, "carepost", pi.getId());
        assertThat(pi).isEnded().hasPassed("postsTakenDown");
    }

    @Test
    void aDeleteThatKeepsFailingRaisesAnIncidentAndTheTakedownNeverReportsSuccessUntilAnOperatorRetries() {
        when(takedowns.plan(any(), any(), any(), anyString())).thenReturn(List.of(41L, 42L));
        doThrow(new PlatformException(PlatformException.Kind.RETRYABLE, "facebook: 503"))
                .when(takedowns).delete(eq(41L), anyString(), anyString());
        ProcessInstance pi = start(consentId, "revoked");

        jobs(pi).forEach(job -> attempt(job.getId())); // the first attempt of each: 42 goes through, 41 fails
        Job failing = jobs(pi).get(0);
        assertThat(failing.getRetries()).isEqualTo(4);
        for (int retry = 1; retry <= 4; retry++) {
            assertThat(attempt(failing.getId())).as("retry %d", retry)
                    .hasValueSatisfying(message -> assertThat(message).contains("503"));
        }

        // The other post is down; the failing one is an incident on its own job, and the content is not marked.
        verify(takedowns).delete(42L, "carepost", pi.getId());
        verify(takedowns, times(5)).delete(41L, "carepost", pi.getId());
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(pi.getId()).list();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incidents.get(0).getActivityId()).isEqualTo("deletePostOnPlatform");
        assertThat(incidents.get(0).getIncidentMessage()).contains("503");
        Job stuck = jobs(pi).get(0);
        assertThat(stuck.getId()).isEqualTo(failing.getId());
        assertThat(stuck.getRetries()).isZero();
        assertThat(pi).isNotEnded().hasNotPassed("markTakenDown", "postsTakenDown");
        verify(takedowns, never()).completed(any(), any(), any());

        // The network is back; the operator gives the job a retry in Cockpit, and the takedown finishes.
        doReturn(null).when(takedowns).delete(eq(41L), anyString(), anyString());
        management.setJobRetries(stuck.getId(), 1);
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        management.executeJob(stuck.getId());

        verify(takedowns).completed(contentId, "carepost", pi.getId());
        assertThat(pi).isEnded().hasPassed("postsTakenDown");
    }

    private ProcessInstance start(UUID consent, String reason) {
        return runtime.startProcessInstanceByKey(ConsentVariables.TAKEDOWN_PROCESS_KEY, contentId.toString(),
                Map.of(ConsentVariables.CONSENT_ID, consent.toString(), ConsentVariables.STOP_REASON, reason));
    }

    /** Runs the job as the job executor would; the failure's message, or empty if it went through. */
    private java.util.Optional<String> attempt(String jobId) {
        try {
            management.executeJob(jobId);
            return java.util.Optional.empty();
        } catch (RuntimeException failed) {
            return java.util.Optional.of(String.valueOf(failed.getMessage()));
        }
    }

    private List<Job> jobs(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).orderByJobId().asc().list();
    }
}
