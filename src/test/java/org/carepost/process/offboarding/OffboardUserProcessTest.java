package org.carepost.process.offboarding;

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
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.carepost.offboarding.CredentialRotation;
import org.carepost.offboarding.OffboardingRefused;
import org.carepost.offboarding.Offboardings;
import org.carepost.offboarding.WorkHandover;
import org.carepost.process.ProcessTestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

/** offboard-user: the start form's request, the wait for the leaving date, the handover steps, the brand checklist. */
@Deployment(resources = {"processes/offboard-user.bpmn", "forms/offboard-user.form", "forms/rotate-credentials.form"})
class OffboardUserProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.withCoverage();

    private ProcessEngine engine;
    private Offboardings offboardings;
    private WorkHandover handover;
    private CredentialRotation rotation;

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        init(engine);
        offboardings = mock(Offboardings.class);
        handover = mock(WorkHandover.class);
        rotation = mock(CredentialRotation.class);
        ModelBeans.register(new StartOffboardingDelegate(offboardings));
        ModelBeans.register(new LockAccountDelegate(offboardings));
        ModelBeans.register(new HandOverTasksDelegate(handover));
        ModelBeans.register(new HandOverDraftsDelegate(handover));
        ModelBeans.register(new EndMembershipsDelegate(offboardings));
        ModelBeans.register(new ListAccountsDelegate(rotation));
        ModelBeans.register(new CloseOffboardingDelegate(offboardings));
        ModelBeans.register(new RotationCompletedListener(rotation));
        ModelBeans.register(new org.carepost.process.engine.TaskDue());
        when(handover.handOverTasks(anyString())).thenReturn(Map.of("t1", "unclaimed: group privacy"));
        when(handover.handOverDrafts(anyString())).thenReturn(List.of());
        when(offboardings.endMemberships(anyString())).thenReturn(List.of("authors", "dept-cardiology"));
        ModelBeans.assertComplete(getClass()); // every delegate the models call has its bean
    }

    @AfterEach
    void tearDown() {
        engine.getIdentityService().clearAuthentication();
        Mocks.reset();
    }

    @Test
    void todayLocksAtOnceHandsEverythingOverAndTheBrandTeamTicksEachAccount() {
        request(LocalDate.now(ZoneOffset.UTC), null, true);
        when(rotation.accountsToRotate(anyString())).thenReturn(List.of("facebook/default", "linkedin/cardiology"));
        ProcessInstance pi = startAs("otto", "leaver", LocalDate.now(ZoneOffset.UTC).toString(), null);
        // The steps run as the engine's own job, not in the requester's request.
        assertThat(pi).isWaitingAt("lockAccount");
        verify(offboardings, never()).lock(anyString());
        execute(job());
        assertThat(pi).isWaitingAt("rotateCredentials").hasPassed("leavingDateReached", "lockAccount", "handOverTasks",
                "handOverDrafts", "endMemberships", "listAccounts").hasNotPassed("leavingDate");
        // Due within a day: a leaver's accounts are rotated promptly, and the checklist sorts among the brand team's
        // due tasks instead of after every dated one (Tasklist's first page showed only the reviews).
        java.util.Date due = task(pi).getDueDate();
        assertThat(due).isNotNull();
        assertThat(due.toInstant()).isBetween(java.time.Instant.now().plus(java.time.Duration.ofHours(23)),
                java.time.Instant.now().plus(java.time.Duration.ofHours(25)));
        InOrder order = inOrder(offboardings, handover, rotation);
        order.verify(offboardings).lock(pi.getId());
        order.verify(handover).handOverTasks(pi.getId());
        order.verify(handover).handOverDrafts(pi.getId());
        order.verify(offboardings).endMemberships(pi.getId());
        order.verify(rotation).accountsToRotate(pi.getId());
        assertThat(task()).hasCandidateGroup("brand").isNotAssigned();
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "accountOptions").toString())
                .contains("\"label\":\"facebook/default\"", "\"value\":\"linkedin/cardiology\"");

        engine.getIdentityService().setAuthentication("bria", List.of("brand"));
        engine.getTaskService().complete(task().getId(), Map.of("rotated",
                SpinValues.jsonValue("[\"facebook/default\",\"linkedin/cardiology\"]").create()));
        verify(rotation).recordRotation(pi.getId(), "bria", List.of("facebook/default", "linkedin/cardiology"));
        assertThat(pi).isEnded().hasPassed("rotationDone", "closeOffboarding", "userOffboarded");
        verify(offboardings).close(pi.getId());
    }

    @Test
    void aLaterDateWaitsOnTheTimerAndNoAccountsMeansNoChecklist() {
        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(14);
        request(later, "carl", false);
        when(rotation.accountsToRotate(anyString())).thenReturn(List.of());
        ProcessInstance pi = startAs("admin", "leaver", later.toString(), "carl");
        assertThat(pi).isWaitingAt("leavingDate").hasPassed("recordRequest");
        var timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(later.atStartOfDay(ZoneOffset.UTC).toInstant()));
        verify(offboardings, never()).lock(anyString());
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "colleague")).isEqualTo("carl");

        execute(job()); // the leaving date
        assertThat(pi).isWaitingAt("lockAccount");
        execute(job());
        assertThat(pi).isEnded().hasPassed("leavingDate", "lockDue", "lockAccount", "handOverTasks", "handOverDrafts",
                "endMemberships", "listAccounts", "accountsToRotate", "closeOffboarding", "userOffboarded")
                .hasNotPassed("rotateCredentials");
        verify(offboardings).lock(pi.getId());
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("membershipsEnded").singleResult().getValue()).isEqualTo(2);
    }

    @Test
    void aRefusedRequestStartsNothingAndSaysWhy() {
        when(offboardings.request(anyString(), anyString(), any(), any(), any(), any()))
                .thenThrow(new OffboardingRefused("User to offboard: you cannot offboard yourself; ask a colleague in "
                        + "operations."));
        assertThatThrownBy(() -> startAs("otto", "otto", "2030-01-01", null))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("cannot offboard yourself");
        when(offboardings.request(anyString(), eq("alice"), any(), any(), any(), any()))
                .thenThrow(new OffboardingRefused("Only operations or an administrator offboards a user.", true));
        assertThatThrownBy(() -> startAs("alice", "leaver", "2030-01-01", null))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("Only operations");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("offboard-user").count())
                .isZero();
    }

    @Test
    void theChecklistStaysOpenUntilEveryAccountIsTicked() {
        request(LocalDate.now(ZoneOffset.UTC).minusDays(1), null, true);
        when(rotation.accountsToRotate(anyString())).thenReturn(List.of("facebook/default", "x/default"));
        ProcessInstance pi = startAs("otto", "leaver", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(), null);
        assertThat(pi).isWaitingAt("lockAccount");
        execute(job());
        assertThat(pi).isWaitingAt("rotateCredentials");
        doThrow(new OffboardingRefused("Rotated: tick every account once its credentials are rotated (1 of 2 ticked); "
                + "complete the task when all are done.")).when(rotation).recordRotation(anyString(), anyString(), any());
        engine.getIdentityService().setAuthentication("bria", List.of("brand"));
        String taskId = task().getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("rotated",
                SpinValues.jsonValue("[\"facebook/default\"]").create())))
                // In the application RefusalPassThrough hands the refusal itself to the REST layers (400).
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("1 of 2 ticked");
        assertThat(pi).isWaitingAt("rotateCredentials");
        verify(offboardings, never()).close(anyString());
        // Not a list at all: the form's sentence, not a class cast.
        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("rotated", "facebook/default")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Rotated: tick the accounts");
    }

    private void request(LocalDate leavingDate, String colleague, boolean now) {
        when(offboardings.request(anyString(), anyString(), any(), eq("leaver"), eq(leavingDate.toString()),
                colleague == null ? any() : eq(colleague))).thenAnswer(call -> new Offboardings.Request(call.getArgument(0),
                "leaver", leavingDate, colleague, leavingDate.atStartOfDay(ZoneOffset.UTC).toInstant(), now));
    }

    private ProcessInstance startAs(String user, String leaver, String leavingDate, String colleague) {
        engine.getIdentityService().setAuthentication(user, List.of(user.equals("admin") ? "camunda-admin"
                : user.equals("otto") ? "operations" : "authors"));
        Map<String, Object> variables = new HashMap<>();
        variables.put("userId", leaver);
        variables.put("leavingDate", leavingDate);
        variables.put("colleague", colleague);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey("offboard-user", variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @SuppressWarnings("unused")
    private static Instant today() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS);
    }
}
