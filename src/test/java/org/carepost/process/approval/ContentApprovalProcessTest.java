package org.carepost.process.approval;

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
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import java.util.Optional;
import org.carepost.pause.PublishingPauses;
import org.carepost.process.pause.HeldPostsRelease;
import org.carepost.process.pause.PublishingPauseCheckDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStatus;
import org.carepost.publishing.PrePublicationGate;
import org.carepost.publishing.PublishingService;
import org.carepost.review.Decision;
import org.carepost.review.DepartmentHeads;
import org.carepost.review.ReviewDecisions;
import org.carepost.review.ReviewContext;
import org.carepost.review.ReviewKind;
import org.carepost.review.ReviewService;
import org.carepost.review.SegregationOfDutiesException;
import org.carepost.review.ReviewRouting;
import org.carepost.review.ApprovedVersionCheck;
import org.carepost.review.HealthClaim;
import org.carepost.review.HealthClaimRecord;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentVersion;
import org.carepost.review.RoutingFacts;
import org.carepost.review.RoutingOutcome;
import org.carepost.review.SlaEscalation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.carepost.phi.PhiFinding;
import org.carepost.phi.PhiFindingStatus;
import org.carepost.phi.PhiForbiddenException;
import org.carepost.phi.PhiGateCheck;
import org.carepost.phi.PhiScanService;
import org.carepost.phi.PhiType;
import org.carepost.tasklist.DraftViews;
import org.carepost.process.ProcessTestEngine;
import org.carepost.process.TestUsers;
import org.carepost.process.engine.TaskDue;
import org.carepost.process.consent.CheckAuthorizationOnFileDelegate;
import org.carepost.process.consent.ConsentLetterDelegate;
import org.carepost.process.consent.ConsentReminderDelegate;
import org.carepost.process.consent.ConsentRevocationWorkflow;
import org.carepost.process.consent.RecordAuthorizationTaskListener;
import org.carepost.process.consent.ValidateAuthorizationDelegate;
import org.carepost.process.consent.WithdrawUnauthorizedDelegate;
import org.carepost.process.engine.PrivateVariables;
import org.carepost.process.forms.FormRefusal;
import org.carepost.process.takedown.DeletePostDelegate;
import org.carepost.process.takedown.PlanTakedownDelegate;
import org.carepost.process.takedown.TakedownCompleteDelegate;

/**
 * Walks every path of content-approval on an in-memory engine. Domain services are mocks; the engine glue
 * (listeners, delegates, segregation of duties, department heads) is real.
 */
@Deployment(resources = {"processes/content-approval.bpmn", "processes/review-routing.dmn",
        "processes/consent-capture.bpmn", "processes/takedown.bpmn"})
class ContentApprovalProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.withCoverage();

    private final UUID contentId = UUID.randomUUID();
    private ReviewService reviews;
    private ContentService contents;
    private PublishingService publishing;
    private ContentItem item;
    private IdentityService identity;
    private PrePublicationGate gate;
    private PublishingPauses pauses;
    private PhiScanService phi;
    private org.carepost.consent.ConsentCoverage consentCoverage;
    private ReviewRouting routing;
    private SlaEscalation escalation;
    private RoutingFacts facts = new RoutingFacts("education", false, false, false, false, 1);
    private List<String> coDepartments = List.of();
    private DraftViews views;
    private DraftViewVariable draftView;

    /** What DraftViews would build from our tables: here only the parts the tests look at. */
    private static Map<String, Object> view(String text) {
        Map<String, Object> view = new java.util.HashMap<>();
        view.put("title", "Heart month");
        view.put("kindLabel", "Health education");
        view.put("department", "cardiology");
        view.put("text", text);
        view.put("findings", List.of());
        return view;
    }

    @BeforeEach
    void setUp() {
        ProcessEngine engine = extension.getProcessEngine();
        init(engine);
        identity = engine.getIdentityService();
        TestUsers.ensure(identity);

        reviews = mock(ReviewService.class);
        contents = mock(ContentService.class);
        publishing = mock(PublishingService.class);
        item = mock(ContentItem.class);
        when(item.getAuthor()).thenReturn("alice");
        when(item.getStatus()).thenReturn(ContentStatus.IN_REVIEW);
        when(item.getDepartment()).thenReturn("cardiology");
        when(item.getPublishAt()).thenReturn(java.time.Instant.now().plusSeconds(3600));
        when(contents.get(contentId)).thenReturn(item);
        when(reviews.context(contentId)).thenReturn(new ReviewContext(contentId, "Heart month", "education", "alice",
                "cardiology", 1, "hash-1", "Check your blood pressure."));

        routing = mock(ReviewRouting.class);
        when(routing.facts(contentId)).thenAnswer(inv -> facts);
        when(routing.record(eq(contentId), any(), anyString())).thenAnswer(inv ->
                RoutingOutcome.combine(inv.getArgument(1), "cardiology", coDepartments));
        escalation = mock(SlaEscalation.class);
        ModelBeans.register(new RoutingInputsListener(routing));
        ModelBeans.register(new RoutingOutcomeListener(routing));
        ModelBeans.register(new SlaEscalationDelegate(escalation));
        ModelBeans.register(new RestartReviewDelegate(contents));
        views = mock(DraftViews.class);
        when(views.of(contentId)).thenAnswer(inv -> view("Check your blood pressure."));
        when(views.summaryOf(contentId)).thenAnswer(inv -> new java.util.HashMap<>(Map.of("title", "Heart month",
                "kindLabel", "Health education", "department", "cardiology")));
        draftView = new DraftViewVariable(views, engine);
        ModelBeans.register(new DecisionTaskListener(reviews, new ReviewDecisions(reviews, new DepartmentHeads(identity)), routing,
                draftView));
        ModelBeans.register(new ReviseTaskListener(contents, draftView));
        ModelBeans.register(new TaskDue());
        ModelBeans.register(new RewriteAfterRedaction(contents));
        ModelBeans.register(new DraftFromStartFormListener(contents,
                new ExistingDraftStart(contents, mock(org.carepost.audit.AuditTrail.class),
                        mock(org.springframework.transaction.PlatformTransactionManager.class))));
        ModelBeans.register(new DepartmentHeads(identity));
        ModelBeans.register(new FreezeApprovalDelegate(reviews, contents));
        pauses = mock(PublishingPauses.class); // no pause unless a test pauses
        ModelBeans.register(new PublishDelegate(publishing, pauses));
        ModelBeans.register(new PublishingPauseCheckDelegate(pauses));
        gate = mock(PrePublicationGate.class);
        when(gate.pass(any(), any(), any())).thenReturn(List.of());
        ModelBeans.register(new PrePublicationGateDelegate(gate));
        ModelBeans.register(new MarkRejectedDelegate(contents));
        phi = mock(PhiScanService.class);
        when(phi.scan(contentId)).thenReturn(0);
        ModelBeans.register(new PhiScanDelegate(phi, draftView));
        ModelBeans.register(new ResolvePhiTaskListener(phi));
        // Patient authorization: not needed unless a test says so (consent paths at the end of this class).
        consentCoverage = mock(org.carepost.consent.ConsentCoverage.class);
        registerConsentGlue();
        ModelBeans.assertComplete(getClass()); // every delegate the models call has its bean
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        Mocks.reset();
    }

    @Test
    void approvedByEveryoneIsPublishedAtTheScheduledTime() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("privacyReview", "legalReview", "brandReview");
        assertThat(task("privacyReview", pi)).hasCandidateGroup("privacy");

        approveAllReviews(pi);
        assertThat(pi).isWaitingAt("departmentSignoff");
        assertThat(task("departmentSignoff", pi)).hasCandidateUser("carl");
        assertThat(extension.getProcessEngine().getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskCandidateUser("olga").count()).isZero(); // head of another department

        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        verify(reviews).assertFullyApproved(contentId);
        verify(contents).freezeApproval(eq(contentId), eq("carepost"), eq(pi.getId()));
        assertThat(pi).isWaitingAt("scheduledTimeReached");
        verify(publishing, never()).publish(any(), any());

        execute(job()); // the timer
        assertThat(pi).isWaitingAt("publishToPlatforms"); // async: its own transaction and retries
        execute(job());
        verify(publishing).publish(contentId, pi.getId());
        assertThat(pi).isEnded().hasPassed("published");
    }

    @Test
    void onlyCarePostStartsAProcessOnAnExistingDraftAndItsVariablesComeFromTheDraft() {
        var engine = extension.getProcessEngine();
        engine.getIdentityService().setAuthentication("omar", List.of("authors"));
        try {
            assertThatThrownBy(this::start).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        // The engine itself (the restart after a revision) may; what the start says about the draft is replaced.
        Instant publishAt = Instant.parse("2031-05-01T09:00:00Z");
        when(item.getPublishAt()).thenReturn(publishAt);
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("content-approval", contentId.toString(),
                Map.of("contentId", contentId.toString(), "author", "omar", "department", "oncology",
                        "publishAt", new Date(0)));
        assertThat(engine.getRuntimeService().getVariables(pi.getId())).containsEntry("author", "alice")
                .containsEntry("department", "cardiology").containsEntry("publishAt", Date.from(publishAt));
        for (ContentStatus over : List.of(ContentStatus.REJECTED, ContentStatus.WITHDRAWN)) {
            when(item.getStatus()).thenReturn(over);
            assertThatThrownBy(this::start).as(over.name()).isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class);
        }
    }

    @Test
    void reviewerSeesTheTextThroughOneProcessVariableAndTheTaskKeepsOnlyTheHashItIsBoundTo() {
        ProcessInstance pi = start();
        Task privacy = task("privacyReview", pi);
        var taskService = extension.getProcessEngine().getTaskService();
        // As Tasklist loads a form: every variable the task sees.
        assertThat(taskService.getVariables(privacy.getId()).get("draftView").toString())
                .contains("\"text\":\"Check your blood pressure.\"");
        assertThat(taskService.getVariablesLocal(privacy.getId())).containsOnlyKeys("versionHash")
                .containsEntry("versionHash", "hash-1");
        // Due at the routed SLA (P2D).
        assertThat(privacy.getDueDate()).isAfter(new Date(System.currentTimeMillis() + 47L * 3_600_000));
    }

    @Test
    void theDraftViewAndFreeTextFieldsNeverReachTheEngineHistory() {
        ProcessInstance pi = start();
        decide(pi, "legalReview", "lee", List.of("legal"), "changes", "Name the clinic, not the patient Jane Roe.");
        identity.setAuthentication("alice", List.of("authors", "dept-cardiology"));
        extension.getProcessEngine().getTaskService().complete(task("reviseDraft", pi).getId(),
                Map.of("revisedText", "Check your blood pressure at the clinic."));
        identity.clearAuthentication();
        var history = extension.getProcessEngine().getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableNameIn("draftView", "postTitle", "comment", "revisedText").count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).list())
                .noneMatch(d -> d instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate u
                        && PrivateVariables.NAMES.contains(u.getVariableName()));
        // The rest of the history is there: the auditor's view joins it (the review's decision was transient: the
        // approval table and the audit trail keep it).
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("legalReviewDecision").count()).isZero();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("legalReview").finished().count()).isEqualTo(1);
    }

    @Test
    void bookkeepingVariablesKeepTheirHistoricValueButNoDetailRowsWhileDecisionsKeepBoth() {
        ProcessInstance pi = start();
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        var history = extension.getProcessEngine().getHistoryService();
        List<String> detailed = history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list()
                .stream().map(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName()).toList();
        assertThat(detailed).doesNotContainAnyElementsOf(org.carepost.process.engine.BookkeepingVariableDetails.NAMES)
                .contains("decision", "departmentSignoffDecision", "publishAt", "contentId")
                .doesNotContain("privacyReviewDecision"); // transient: read by the gateway right after the review
        // The values themselves are in the history as before.
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableNameIn("reviewSla", "signoffDepartments", "versionHash")
                .list()).extracting(v -> v.getName())
                .contains("reviewSla", "signoffDepartments", "versionHash");
    }

    @Test
    void routingInputsAndRoutedReviewsAreInTheDecisionHistoryNotStoredAsVariables() {
        facts = new RoutingFacts("education", false, true, false, false, 1);
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("privacyReview", "legalReview", "brandReview");
        var history = extension.getProcessEngine().getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                // (contentKind is also a review task's display variable, so it is not asked for here)
                .variableNameIn("phiPresent", "patientMentioned", "mediaAttached", "departmentCount")
                .count()).isZero();
        // The gateway read which reviews are routed (three tasks above) from transient flags: no rows anywhere.
        String[] routed = java.util.Arrays.stream(ReviewKind.values()).filter(k -> k != ReviewKind.SIGNOFF)
                .map(ReviewKind::requiredVariable).toArray(String[]::new);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableNameIn(routed).count()).isZero();
        assertThat(extension.getProcessEngine().getRuntimeService().createVariableInstanceQuery()
                .processInstanceIdIn(pi.getId()).variableNameIn(routed).count()).isZero();
        var decision = history.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
                .decisionDefinitionKey("review-routing").includeInputs().singleResult();
        assertThat(decision.getInputs()).extracting(input -> input.getValue())
                .contains("education", true, 1);
    }

    @Test
    void changesRequestedGoBackToTheAuthorAndTheNewVersionIsReviewedAgain() {
        ProcessInstance pi = start();
        decide(pi, "privacyReview", "pat", List.of("privacy"), "changes", "Remove the patient's first name.");
        verify(reviews).record(eq(contentId), eq("hash-1"), eq(ReviewKind.PRIVACY), eq("pat"), eq(Decision.CHANGES),
                eq("Remove the patient's first name."), eq(pi.getId()), anyString(), isNull());
        // The other reviews are withdrawn: they would review a text that is about to change.
        assertThat(pi).isWaitingAt("reviseDraft").isNotWaitingAt("legalReview", "brandReview");
        assertThat(task("reviseDraft", pi)).isAssignedTo("alice");

        identity.setAuthentication("alice", List.of("authors", "dept-cardiology"));
        extension.getProcessEngine().getTaskService().complete(task("reviseDraft", pi).getId(),
                Map.of("revisedText", "Check your blood pressure every year."));
        verify(contents).addVersion(contentId, "Check your blood pressure every year.", "alice");
        assertThat(pi).isWaitingAt("privacyReview", "legalReview", "brandReview");
        assertThat(extension.getProcessEngine().getRuntimeService().getVariable(pi.getId(), "revisedText")).isNull();

        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        execute(job());
        execute(job());
        assertThat(pi).isEnded().hasPassed("published");
    }

    @Test
    void anInstanceThatStoredTheGatewaysValuesBeforeTheyBecameTransientIsRoutedAgainAfterARevision() {
        ProcessInstance pi = start();
        var runtime = extension.getProcessEngine().getRuntimeService();
        // What an earlier version wrote: stored variables, which a transient value may not simply replace.
        runtime.setVariables(pi.getId(), Map.of("privacyReviewRequired", true, "legalReviewRequired", true,
                "medicalReviewRequired", true, "openPhiFindings", 0, "publishingPaused", false,
                "legalReviewDecision", "approve"));
        decide(pi, "legalReview", "lee", List.of("legal"), "changes", "Cite the guideline.");
        identity.setAuthentication("alice", List.of("authors", "dept-cardiology"));
        extension.getProcessEngine().getTaskService().complete(task("reviseDraft", pi).getId(),
                Map.of("revisedText", "Check your blood pressure every year."));
        // Routed by the new decision (no medical review), not by the values stored before: the instance keeps
        // storing them, rewritten.
        assertThat(pi).isWaitingAt("privacyReview", "legalReview", "brandReview").isNotWaitingAt("medicalReview");
        assertThat(runtime.getVariable(pi.getId(), "medicalReviewRequired")).isEqualTo(false);
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        execute(job());
        execute(job());
        assertThat(pi).isEnded().hasPassed("published");
    }

    @Test
    void revisionWithoutANewTextIsRefused() {
        ProcessInstance pi = start();
        decide(pi, "brandReview", "bria", List.of("brand"), "changes", "Use our tone of voice.");
        when(item.getStatus()).thenReturn(ContentStatus.CHANGES_REQUESTED);
        identity.setAuthentication("alice", List.of("authors"));
        String reviseId = task("reviseDraft", pi).getId();
        assertThatThrownBy(() -> extension.getProcessEngine().getTaskService().complete(reviseId))
                .hasRootCauseInstanceOf(FormRefusal.class).hasMessageContaining("Revised text: write the new version");
        assertThat(pi).isWaitingAt("reviseDraft");
    }

    @Test
    void rejectionInReviewEndsTheDraftAsRejected() {
        ProcessInstance pi = start();
        decide(pi, "legalReview", "lee", List.of("legal"), "reject", "Makes a claim we cannot support.");
        verify(contents).reject(contentId, "carepost", pi.getId());
        assertThat(pi).isEnded().hasPassed("draftRejected").hasNotPassed("publishToPlatforms");
    }

    @Test
    void departmentHeadCanRequestChangesOrReject() {
        ProcessInstance pi = start();
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "changes", "Add the clinic's hours.");
        assertThat(pi).isWaitingAt("reviseDraft");

        identity.setAuthentication("alice", List.of("authors"));
        extension.getProcessEngine().getTaskService().complete(task("reviseDraft", pi).getId(),
                Map.of("revisedText", "v2"));
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "reject", "Not for our page.");
        assertThat(pi).isEnded().hasPassed("draftRejected");
    }

    @Test
    void signOffByTheWrongPersonIsRefusedAndChangesNothing() {
        ProcessInstance pi = start();
        approveAllReviews(pi);
        Task signoff = task("departmentSignoff", pi);

        // olga is a department head, but of oncology.
        assertThatThrownBy(() -> decide(pi, "departmentSignoff", "olga", List.of("dept-heads", "dept-oncology"),
                "approve", null)).hasRootCauseInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("head of department cardiology");
        // alice wrote the draft.
        assertThatThrownBy(() -> decide(pi, "departmentSignoff", "alice", List.of("dept-cardiology"), "approve", null))
                .hasRootCauseInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("author");
        // An administrator is not the head either.
        assertThatThrownBy(() -> decide(pi, "departmentSignoff", "admin", List.of("camunda-admin"), "approve", null))
                .hasRootCauseInstanceOf(SegregationOfDutiesException.class);

        assertThat(pi).isWaitingAt("departmentSignoff");
        assertThat(task("departmentSignoff", pi).getId()).isEqualTo(signoff.getId());
        verify(reviews, never()).record(any(), any(), eq(ReviewKind.SIGNOFF), anyString(), any(), any(), any(), any(), any());
    }

    @Test
    void authorCannotReviewOwnDraftEvenInTheReviewGroup() {
        when(reviews.context(contentId)).thenReturn(new ReviewContext(contentId, "t", "education", "pat",
                "cardiology", 1, "hash-1", "text"));
        ProcessInstance pi = start();
        assertThatThrownBy(() -> decide(pi, "privacyReview", "pat", List.of("privacy"), "approve", null))
                .hasRootCauseInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("author");
        assertThat(pi).isWaitingAt("privacyReview");
    }

    @Test
    void decisionMustBeGivenAndExplained() {
        ProcessInstance pi = start();
        assertThatThrownBy(() -> decide(pi, "legalReview", "lee", List.of("legal"), null, null))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("decision");
        assertThatThrownBy(() -> decide(pi, "legalReview", "lee", List.of("legal"), "changes", "  "))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("comment");
        assertThatThrownBy(() -> decide(pi, "legalReview", "lee", List.of("legal"), "maybe", null))
                .hasRootCauseInstanceOf(BadUserRequestException.class);
        // Someone outside the legal group cannot take the legal decision.
        assertThatThrownBy(() -> decide(pi, "legalReview", "bria", List.of("brand"), "approve", null))
                .hasRootCauseInstanceOf(SegregationOfDutiesException.class);
        assertThat(pi).isWaitingAt("legalReview");
    }

    @Test
    void gateRefusalAtTheScheduledTimePublishesNothing() {
        ProcessInstance pi = start();
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        when(gate.pass(any(), any(), any())).thenReturn(List.of("version 2 is not the approved version 1 (hash differs)"));
        execute(job()); // the timer, then the gate in the same transaction
        verify(gate).pass(contentId, "carepost", pi.getId());
        assertThat(pi).isEnded().hasPassed("notPublished").hasNotPassed("publishToPlatforms");
        verify(publishing, never()).publish(any(), any());
    }

    @Test
    void aPublishingPauseHoldsTheDraftAtItsScheduledTimeUntilResumedThenItIsPublishedOnce() {
        ProcessInstance pi = start();
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        when(pauses.hold(contentId)).thenReturn(Optional.of("paused: publishing is paused for all departments"));
        execute(job()); // the timer: held, not refused, no job left to fail
        assertThat(pi).isWaitingAt("publishingResumed").hasPassed("checkPublishingPause", "publishingPausedGateway")
                .hasNotPassed("prePublicationGate");
        var engine = extension.getProcessEngine();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        verify(gate, never()).pass(any(), any(), any());
        verify(contents, never()).withdraw(any(), any(), any(), any());

        // Resumed, but another pause (say, the department's) still covers it: it waits again.
        engine.getRuntimeService().createMessageCorrelation(HeldPostsRelease.PUBLISHING_RESUMED)
                .processInstanceBusinessKey(contentId.toString()).correlate();
        assertThat(pi).isWaitingAt("publishingResumed");
        when(pauses.hold(contentId)).thenReturn(Optional.empty());
        engine.getRuntimeService().createMessageCorrelation(HeldPostsRelease.PUBLISHING_RESUMED)
                .processInstanceBusinessKey(contentId.toString()).correlate();
        assertThat(pi).isWaitingAt("publishToPlatforms");
        verify(gate).pass(contentId, "carepost", pi.getId());
        execute(job());
        verify(publishing, times(1)).publish(contentId, pi.getId());
        assertThat(pi).isEnded().hasPassed("published");
    }

    @Test
    void aPauseThatBeginsAfterTheGateHoldsThePublishJobWithoutAnIncident() {
        ProcessInstance pi = start();
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        execute(job()); // timer and gate: no pause yet
        assertThat(pi).isWaitingAt("publishToPlatforms");
        when(pauses.hold(contentId)).thenReturn(Optional.of("paused: publishing is paused for department cardiology"));
        execute(job()); // the publish job: paused meanwhile
        assertThat(pi).isWaitingAt("publishingResumed").hasPassed("pausedAtPublish");
        verify(publishing, never()).publish(any(), any());
        var engine = extension.getProcessEngine();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        when(pauses.hold(contentId)).thenReturn(Optional.empty());
        engine.getRuntimeService().createMessageCorrelation(HeldPostsRelease.PUBLISHING_RESUMED)
                .processInstanceBusinessKey(contentId.toString()).correlate();
        execute(job());
        verify(publishing, times(1)).publish(contentId, pi.getId());
        assertThat(pi).isEnded().hasPassed("published");
    }

    @Test
    void failingPublicationRetriesThenRaisesAnIncident() {
        doThrow(new IllegalStateException("network down")).when(publishing).publish(any(), any());
        ProcessInstance pi = start();
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        execute(job()); // timer
        var management = extension.getProcessEngine().getManagementService();
        String jobId = job().getId();
        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("network down");
        assertThat(management.createJobQuery().jobId(jobId).singleResult().getRetries()).isEqualTo(4);
        management.setJobRetries(jobId, 1);
        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("network down");
        assertThat(extension.getProcessEngine().getRuntimeService().createIncidentQuery()
                .processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(pi).isWaitingAt("publishToPlatforms").isNotEnded();
        verify(publishing, times(2)).publish(contentId, pi.getId());
    }

    @Test
    void crisisUpdateGoesToPrivacyAndCommunicationsOnlyAndPublishesRightAfterApproval() {
        facts = new RoutingFacts("crisis-update", false, false, false, false, 1);
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("privacyReview", "communicationsReview")
                .isNotWaitingAt("legalReview", "brandReview", "medicalReview");
        assertThat(task("communicationsReview", pi)).hasCandidateGroup("communications");
        assertThat(extension.getProcessEngine().getRuntimeService().getVariable(pi.getId(), "reviewSla")).isEqualTo("PT1H");
        decide(pi, "privacyReview", "pat", List.of("privacy"), "approve", null);
        decide(pi, "communicationsReview", "cole", List.of("communications"), "approve", null);
        // No department sign-off is routed; the scheduled time became "now".
        verify(reviews).assertFullyApproved(contentId);
        assertThat(pi).isWaitingAt("scheduledTimeReached").hasPassed("freezeApproval").hasNotPassed("departmentSignoff");
        assertThat(job().getDuedate()).isBeforeOrEqualTo(new Date());
        execute(job());
        execute(job());
        verify(publishing).publish(contentId, pi.getId());
        assertThat(pi).isEnded().hasPassed("published");
    }

    @Test
    void healthClaimsNeedAMedicalReviewWithASourceForEachClaim() {
        facts = new RoutingFacts("education", false, false, true, false, 1);
        when(routing.currentClaims(contentId)).thenReturn(List.of(
                new HealthClaimRecord(contentId, 1, new HealthClaim(HealthClaim.Type.CURE, 0, 5, "cures")),
                new HealthClaimRecord(contentId, 1, new HealthClaim(HealthClaim.Type.STATISTIC, 9, 26, "90% of patients"))));
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("privacyReview", "legalReview", "brandReview", "medicalReview");
        Task medical = task("medicalReview", pi);
        assertThat(medical).hasCandidateGroup("medical");
        assertThat(extension.getProcessEngine().getTaskService().getVariablesLocal(medical.getId()))
                .containsEntry("claimCount", 2);
        // The claims were found by "Decide reviews": the view is written again when the medical review starts.
        verify(views, times(2)).of(contentId);

        identity.setAuthentication("mia", List.of("medical"));
        var taskService = extension.getProcessEngine().getTaskService();
        assertThatThrownBy(() -> taskService.complete(medical.getId(), Map.of("decision", "approve",
                "claimSources", "https://www.cdc.gov/bloodpressure/facts.htm")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("claimSources")
                .hasMessageContaining("[2]");
        identity.clearAuthentication();
        assertThat(pi).isWaitingAt("medicalReview");

        approveAllReviews(pi);
        identity.setAuthentication("mia", List.of("medical"));
        taskService.complete(medical.getId(), Map.of("decision", "approve",
                "claimSources", "https://www.cdc.gov/bloodpressure/facts.htm\ndoi:10.1056/NEJMoa2034577"));
        identity.clearAuthentication();
        verify(reviews).record(eq(contentId), eq("hash-1"), eq(ReviewKind.MEDICAL), eq("mia"), eq(Decision.APPROVE),
                org.mockito.ArgumentMatchers.contains("10.1056/NEJMoa2034577"), eq(pi.getId()), anyString(), isNull());
        assertThat(pi).isWaitingAt("departmentSignoff");
    }

    @Test
    void aReviewPastItsSlaIsEscalatedToTheLeadAndStaysOpen() {
        facts = new RoutingFacts("education", false, false, true, false, 1);
        ProcessInstance pi = start();
        var management = extension.getProcessEngine().getManagementService();
        List<org.camunda.bpm.engine.runtime.Job> timers = management.createJobQuery().processInstanceId(pi.getId())
                .timers().list();
        assertThat(timers).hasSize(4); // privacy, legal, medical, brand: one SLA timer each
        for (var timer : timers) {
            // P2D: due two days from now
            assertThat(timer.getDuedate()).isAfter(new Date(System.currentTimeMillis() + 47L * 3_600_000));
            management.executeJob(timer.getId());
        }
        for (ReviewKind kind : List.of(ReviewKind.PRIVACY, ReviewKind.LEGAL, ReviewKind.MEDICAL, ReviewKind.BRAND)) {
            verify(escalation).escalate(contentId, kind, "P2D", pi.getId());
        }
        assertThat(pi).isWaitingAt("privacyReview", "legalReview", "medicalReview", "brandReview")
                .hasPassed("privacyReviewLeadNotified", "legalReviewLeadNotified", "medicalReviewLeadNotified",
                        "brandReviewLeadNotified");

        facts = new RoutingFacts("crisis-update", false, false, false, false, 1);
        ProcessInstance crisis = start();
        String commsTimer = management.createJobQuery().processInstanceId(crisis.getId()).timers()
                .activityId("communicationsReviewSlaBreached").singleResult().getId();
        management.executeJob(commsTimer);
        verify(escalation).escalate(contentId, ReviewKind.COMMUNICATIONS, "PT1H", crisis.getId());
        assertThat(crisis).isWaitingAt("communicationsReview").hasPassed("communicationsReviewLeadNotified");
    }

    @Test
    void crossDepartmentPostNeedsTheSignOffOfEachDepartmentsHead() {
        facts = new RoutingFacts("education", false, false, false, false, 2);
        coDepartments = List.of("oncology");
        ProcessInstance pi = start();
        approveAllReviews(pi);
        var taskService = extension.getProcessEngine().getTaskService();
        List<Task> signoffs = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("departmentSignoff").list();
        assertThat(signoffs).hasSize(2);
        Task cardiology = taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateUser("carl").singleResult();
        Task oncology = taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateUser("olga").singleResult();
        assertThat(taskService.getVariableLocal(oncology.getId(), "department")).isEqualTo("oncology");

        // The head of cardiology cannot sign for oncology.
        identity.setAuthentication("carl", List.of("dept-heads", "dept-cardiology"));
        assertThatThrownBy(() -> taskService.complete(oncology.getId(), Map.of("decision", "approve")))
                .hasRootCauseInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("oncology");
        taskService.complete(cardiology.getId(), Map.of("decision", "approve"));
        assertThat(pi).isWaitingAt("departmentSignoff"); // oncology still to sign
        identity.setAuthentication("olga", List.of("dept-heads", "dept-oncology"));
        taskService.complete(oncology.getId(), Map.of("decision", "approve"));
        identity.clearAuthentication();

        verify(reviews).record(eq(contentId), any(), eq(ReviewKind.SIGNOFF), eq("carl"), eq(Decision.APPROVE), any(),
                any(), any(), eq("cardiology"));
        verify(reviews).record(eq(contentId), any(), eq(ReviewKind.SIGNOFF), eq("olga"), eq(Decision.APPROVE), any(),
                any(), any(), eq("oncology"));
        assertThat(pi).isWaitingAt("scheduledTimeReached");
    }

    @Test
    void editAfterApprovalSendsTheNewVersionBackThroughReview() {
        ProcessInstance pi = start();
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        assertThat(pi).isWaitingAt("scheduledTimeReached");

        extension.getProcessEngine().getRuntimeService().createMessageCorrelation("ContentRevised")
                .processInstanceBusinessKey(contentId.toString()).correlate();
        assertThat(pi).isEnded().hasPassed("restartReview", "supersededByRevision").hasNotPassed("publishToPlatforms");
        ProcessInstance next = extension.getProcessEngine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(contentId.toString()).active().singleResult();
        assertThat(next.getId()).isNotEqualTo(pi.getId());
        verify(contents).attachProcess(contentId, next.getId());
        assertThat(next).isWaitingAt("privacyReview", "legalReview", "brandReview");
        verify(routing, times(2)).facts(contentId); // the new version is routed again
    }

    @Test
    void gateRefusesAVersionWhoseHashDiffersFromTheApprovedOne() {
        AuditTrail audit = mock(AuditTrail.class);
        ModelBeans.register(new PrePublicationGateDelegate(
                new PrePublicationGate(List.of(new ApprovedVersionCheck(contents)), contents)));
        ProcessInstance pi = start();
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        // Approved version 1, but the current text is another one.
        ContentVersion approved = new ContentVersion(contentId, 1, "Check your blood pressure.", "alice", java.time.Instant.now());
        ContentVersion edited = new ContentVersion(contentId, 2, "Check your blood pressure. Guaranteed!", "alice", java.time.Instant.now());
        when(item.getStatus()).thenReturn(ContentStatus.APPROVED);
        when(item.getApprovedHash()).thenReturn(approved.getSha256());
        when(item.getApprovedVersionNo()).thenReturn(1);
        when(item.getCurrentVersionNo()).thenReturn(2);
        when(contents.currentVersion(contentId)).thenReturn(edited);
        execute(job());
        assertThat(pi).isEnded().hasPassed("notPublished").hasNotPassed("publishToPlatforms");
        verify(contents).withdraw(eq(contentId), org.mockito.ArgumentMatchers.argThat(w ->
                w.action() == org.carepost.audit.AuditAction.GATE_REFUSED && w.comment().contains("hash differs")),
                eq("carepost"), eq(pi.getId()));
        verify(audit, never()).record(any());
        verify(publishing, never()).publish(any(), any());
    }

    @Test
    void everyRoutedReviewCanRequestChangesOrReject() {
        facts = new RoutingFacts("education", false, false, true, false, 1);
        for (String[] review : new String[][] {{"legalReview", "lee", "legal"}, {"medicalReview", "mia", "medical"},
                {"privacyReview", "pat", "privacy"}}) {
            ProcessInstance pi = start();
            decide(pi, review[0], review[1], List.of(review[2]), "changes", "Please rewrite.");
            assertThat(pi).isWaitingAt("reviseDraft");
            ProcessInstance rejected = start();
            decide(rejected, review[0], review[1], List.of(review[2]), "reject", "No.");
            assertThat(rejected).isEnded().hasPassed("draftRejected");
        }
        facts = new RoutingFacts("crisis-update", false, false, false, false, 1);
        ProcessInstance crisis = start();
        decide(crisis, "communicationsReview", "cole", List.of("communications"), "changes", "Add the hotline.");
        assertThat(crisis).isWaitingAt("reviseDraft");
        ProcessInstance crisisRejected = start();
        decide(crisisRejected, "communicationsReview", "cole", List.of("communications"), "reject", "Not now.");
        assertThat(crisisRejected).isEnded().hasPassed("draftRejected");
        facts = new RoutingFacts("education", false, false, false, false, 1);
        ProcessInstance brandRejected = start();
        decide(brandRejected, "brandReview", "bria", List.of("brand"), "reject", "Off brand.");
        assertThat(brandRejected).isEnded().hasPassed("draftRejected");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Patient authorization (issue 4): consent capture, revocation, expiry, takedown.
    // ---------------------------------------------------------------------------------------------------------

    private final UUID consentId = UUID.randomUUID();
    private org.carepost.consent.ConsentLetters consentLetters;
    private org.carepost.consent.ConsentService consentService;
    private org.carepost.publishing.TakedownService takedowns;
    private org.carepost.audit.AuditTrail audit;
    private ConsentRevocationWorkflow revocations;

    private void registerConsentGlue() {
        consentLetters = mock(org.carepost.consent.ConsentLetters.class);
        consentService = mock(org.carepost.consent.ConsentService.class);
        takedowns = mock(org.carepost.publishing.TakedownService.class);
        audit = mock(org.carepost.audit.AuditTrail.class);
        when(item.getId()).thenReturn(contentId);
        when(item.getTitle()).thenReturn("My new heart");
        when(item.getKind()).thenReturn(org.carepost.content.ContentKind.TESTIMONIAL);
        when(item.getPlatforms()).thenReturn(new java.util.LinkedHashSet<>(List.of(
                org.carepost.content.Platform.FACEBOOK, org.carepost.content.Platform.X)));
        when(contents.currentVersion(contentId)).thenReturn(new org.carepost.content.ContentVersion(contentId, 1,
                "Check your blood pressure.", "alice", java.time.Instant.now()));
        when(consentCoverage.gapsOfLinked(contentId)).thenReturn(List.of("content needs a patient authorization and has none"));
        ModelBeans.register(new AuthorizationRequirement(consentCoverage));
        ModelBeans.register(new org.carepost.consent.ConsentSettings("P30D", "R/P7D", 1024));
        ModelBeans.register(new CheckAuthorizationOnFileDelegate(consentCoverage, contents));
        ModelBeans.register(new ConsentLetterDelegate(consentLetters));
        ModelBeans.register(new ConsentReminderDelegate(consentLetters));
        ModelBeans.register(new RecordAuthorizationTaskListener(draftView, consentCoverage, contents));
        ModelBeans.register(new ValidateAuthorizationDelegate(
                new org.carepost.consent.LinkedAuthorizationCheck(consentCoverage, contents, audit)));
        ModelBeans.register(new WithdrawUnauthorizedDelegate(contents));
        ModelBeans.register(new StopDraftDelegate(contents));
        ModelBeans.register(new PlanTakedownDelegate(takedowns));
        ModelBeans.register(new DeletePostDelegate(takedowns));
        ModelBeans.register(new TakedownCompleteDelegate(takedowns));
        revocations = new ConsentRevocationWorkflow(consentService, contents,
                extension.getProcessEngine().getRuntimeService(), identity);
        when(contents.underConsent(consentId)).thenReturn(List.of(item));
    }

    @Test
    void testimonialWithAValidAuthorizationOnFileIsReviewedAndPublished() {
        when(consentCoverage.needed(contentId)).thenReturn(true);
        when(consentCoverage.gapsOfLinked(contentId)).thenReturn(List.of());
        ProcessInstance pi = start();
        assertThat(pi).hasPassed("captureAuthorization").isWaitingAt("privacyReview", "legalReview", "brandReview");
        verify(consentLetters, never()).render(any(), any(), any()); // nothing to ask the patient
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        execute(job());
        execute(job());
        verify(publishing).publish(contentId, pi.getId());
        assertThat(pi).isEnded().hasPassed("published");
    }

    @Test
    void testimonialWithoutAuthorizationAsksThePatientAndRefusesWhatIsMissingUntilValid() {
        when(consentCoverage.needed(contentId)).thenReturn(true);
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("captureAuthorization").isNotWaitingAt("privacyReview");
        ProcessInstance capture = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
                .calledProcessInstance("consent-capture").getActual();
        assertThat(capture.getBusinessKey()).isEqualTo(contentId.toString());
        verify(consentLetters).render(contentId, "request", capture.getId());
        assertThat(capture).isWaitingAt("recordSignedAuthorization");
        assertThat(task("recordSignedAuthorization", capture)).hasCandidateGroup("privacy");

        assertThat(task("recordSignedAuthorization", capture).getDueDate())
                .isAfter(new Date(System.currentTimeMillis() + 29L * 24 * 3_600_000)); // the capture timeout, P30D
        // The first visit reports nothing missing: nothing was chosen yet.
        assertThat(runtimeVariable(capture, "authorizationProblems")).isEqualTo("");
        assertThat(runtimeVariable(capture, "draftView").toString()).contains("Heart month").doesNotContain("\"text\"");

        // Nothing chosen on the authorization page: the task stays open with a sentence, nothing is validated.
        assertThatThrownBy(() -> recordAuthorization(capture)).hasRootCauseInstanceOf(FormRefusal.class)
                .hasRootCauseMessage("Patient authorization: none chosen yet. Open the authorization page (link above), "
                        + "pick the patient's authorization or record the signed form there; choosing it completes "
                        + "this task.");
        // Chosen, but it does not cover every platform: refused with what is missing.
        when(item.getConsentId()).thenReturn(consentId);
        when(consentCoverage.gapsOfLinked(contentId)).thenReturn(List.of(
                "platform x is not in the scope of authorization " + consentId));
        assertThatThrownBy(() -> recordAuthorization(capture)).hasRootCauseInstanceOf(FormRefusal.class)
                .hasMessageContaining("platform x");
        assertThat(capture).isWaitingAt("recordSignedAuthorization");
        verify(audit, never()).record(org.mockito.ArgumentMatchers.argThat(e ->
                e.action() == org.carepost.audit.AuditAction.CONSENT_CAPTURED));

        // It covers the post when the task completes, but was revoked before validation (same transaction in real
        // life, a race here): "Validate authorization" sends the task back with what is missing, audited.
        when(consentCoverage.gapsOfLinked(contentId)).thenReturn(List.of(),
                List.of("authorization " + consentId + " was revoked"));
        recordAuthorization(capture);
        assertThat(capture).isWaitingAt("recordSignedAuthorization").hasPassed("validateAuthorization");
        assertThat(runtimeVariable(capture, "authorizationProblems")).asString().contains("revoked");
        verify(audit).record(org.mockito.ArgumentMatchers.argThat(e ->
                e.action() == org.carepost.audit.AuditAction.CONSENT_INVALID));

        when(consentCoverage.gapsOfLinked(contentId)).thenReturn(List.of());
        recordAuthorization(capture);
        assertThat(capture).isEnded().hasPassed("authorizationRecorded");
        verify(audit).record(org.mockito.ArgumentMatchers.argThat(e ->
                e.action() == org.carepost.audit.AuditAction.CONSENT_CAPTURED && e.actor().equals("pat")
                        && consentId.toString().equals(e.consentId())));
        assertThat(pi).isWaitingAt("privacyReview", "legalReview", "brandReview");
    }

    @Test
    void remindersGoOutWhileWaitingAndNoValidAuthorizationInTimeWithdrawsTheDraft() {
        when(consentCoverage.needed(contentId)).thenReturn(true);
        ProcessInstance pi = start();
        ProcessInstance capture = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
                .calledProcessInstance("consent-capture").getActual();
        var management = extension.getProcessEngine().getManagementService();

        management.executeJob(management.createJobQuery().activityId("reminderDue").singleResult().getId());
        verify(consentLetters).render(contentId, "reminder", capture.getId());
        assertThat(capture).isWaitingAt("recordSignedAuthorization"); // non-interrupting
        assertThat(management.createJobQuery().activityId("reminderDue").count()).isEqualTo(1); // every 7 days

        management.executeJob(management.createJobQuery().activityId("captureTimedOut").singleResult().getId());
        verify(contents).withdraw(eq(contentId), org.mockito.ArgumentMatchers.argThat(w ->
                w.action() == org.carepost.audit.AuditAction.CONSENT_TIMEOUT), eq("carepost"), eq(capture.getId()));
        assertThat(capture).isEnded().hasPassed("draftWithdrawn");
        assertThat(pi).isEnded().hasPassed("withdrawnNoAuthorization").hasNotPassed("privacyReview");
        verify(publishing, never()).publish(any(), any());
    }

    @Test
    void revocationDuringReviewStopsTheDraftAndTellsTheAuthorWhy() {
        ProcessInstance pi = start();
        decide(pi, "legalReview", "lee", List.of("legal"), "approve", null);

        ConsentRevocationWorkflow.Enforcement done = revocations.revoke(consentId,
                org.carepost.consent.Revocation.Channel.LETTER, null, null, "pat");

        verify(consentService).revoke(consentId, org.carepost.consent.Revocation.Channel.LETTER, null, null, "pat");
        assertThat(done.stopped()).containsExactly(contentId);
        assertThat(done.takenDown()).isEmpty();
        assertThat(pi).isWaitingAt("readWhyStopped").isNotWaitingAt("privacyReview", "brandReview");
        assertThat(task("readWhyStopped", pi)).isAssignedTo("alice");
        assertThat(runtimeVariable(pi, "stopNotice")).asString().contains(consentId.toString()).contains("revoked");
        verify(contents).withdraw(eq(contentId), org.mockito.ArgumentMatchers.argThat(w ->
                w.action() == org.carepost.audit.AuditAction.DRAFT_STOPPED && consentId.equals(w.consentId())
                        && w.comment().contains("revoked")), eq("carepost"), eq(pi.getId()));

        identity.setAuthentication("alice", List.of("authors"));
        extension.getProcessEngine().getTaskService().complete(task("readWhyStopped", pi).getId());
        assertThat(pi).isEnded().hasPassed("draftStopped").hasNotPassed("departmentSignoff", "publishToPlatforms");
    }

    @Test
    void revocationAfterApprovalBeforeTheScheduledTimePublishesNothing() {
        ProcessInstance pi = start();
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        assertThat(pi).isWaitingAt("scheduledTimeReached");

        revocations.revoke(consentId, org.carepost.consent.Revocation.Channel.EMAIL, null, null, "pat");

        assertThat(pi).isWaitingAt("readWhyStopped").isNotWaitingAt("scheduledTimeReached");
        assertThat(extension.getProcessEngine().getManagementService().createJobQuery()
                .processInstanceId(pi.getId()).count()).isZero(); // the publication timer is gone
        verify(publishing, never()).publish(any(), any());
    }

    @Test
    void consentGateRefusesAtTheScheduledTimeWhenTheAuthorizationEndedMeanwhile() {
        // The message is the first line of defence; the gate is the second: the authorization is re-checked
        // right before publishing, whatever the process was told.
        PrePublicationGate realGate = new PrePublicationGate(
                List.of(new org.carepost.consent.ConsentGateCheck(consentCoverage)), contents);
        ModelBeans.register(new PrePublicationGateDelegate(realGate));
        when(consentCoverage.gapsOfLinked(contentId)).thenReturn(List.of());
        ProcessInstance pi = start();
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        when(consentCoverage.gapsOfLinked(contentId)).thenReturn(List.of("authorization " + consentId + " was revoked"));
        execute(job());
        assertThat(pi).isEnded().hasPassed("notPublished").hasNotPassed("publishToPlatforms");
        verify(contents).withdraw(eq(contentId), org.mockito.ArgumentMatchers.argThat(w ->
                w.action() == org.carepost.audit.AuditAction.GATE_REFUSED && w.comment().contains("revoked")),
                eq("carepost"), eq(pi.getId()));
        verify(publishing, never()).publish(any(), any());
    }

    @Test
    void revocationAfterPublicationTakesThePostDownOnEveryPlatform() {
        ProcessInstance pi = start();
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        execute(job());
        execute(job());
        assertThat(pi).isEnded().hasPassed("published");
        when(item.getStatus()).thenReturn(ContentStatus.PUBLISHED);
        when(takedowns.plan(eq(contentId), eq(consentId), eq("revoked"), anyString())).thenReturn(List.of(11L, 12L));

        ConsentRevocationWorkflow.Enforcement done = revocations.revoke(consentId,
                org.carepost.consent.Revocation.Channel.WRITING, null, null, "pat");

        assertThat(done.takenDown()).containsExactly(contentId);
        assertThat(done.takedownProcessInstanceIds()).hasSize(1);
        ProcessInstance takedown = extension.getProcessEngine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(done.takedownProcessInstanceIds().get(0)).singleResult();
        assertThat(takedown.getBusinessKey()).isEqualTo(contentId.toString());
        var management = extension.getProcessEngine().getManagementService();
        // One async, retried delete job per published post.
        assertThat(management.createJobQuery().processInstanceId(takedown.getId()).count()).isEqualTo(2);
        management.createJobQuery().processInstanceId(takedown.getId()).list()
                .forEach(j -> management.executeJob(j.getId()));
        verify(takedowns).delete(11L, "carepost", takedown.getId());
        verify(takedowns).delete(12L, "carepost", takedown.getId());
        verify(takedowns).completed(contentId, "carepost", takedown.getId());
        assertThat(takedown).isEnded().hasPassed("postsTakenDown");
    }

    @Test
    void failingDeleteRetriesThenRaisesAnIncidentAndNeverReportsSuccess() {
        when(item.getStatus()).thenReturn(ContentStatus.PUBLISHED);
        when(takedowns.plan(eq(contentId), eq(consentId), eq("revoked"), anyString())).thenReturn(List.of(21L));
        doThrow(new org.carepost.publishing.PlatformException(org.carepost.publishing.PlatformException.Kind.RETRYABLE,
                "facebook: 503")).when(takedowns).delete(eq(21L), anyString(), anyString());

        String takedownId = revocations.revoke(consentId, org.carepost.consent.Revocation.Channel.LETTER, null, null,
                "pat").takedownProcessInstanceIds().get(0);

        var management = extension.getProcessEngine().getManagementService();
        String jobId = management.createJobQuery().processInstanceId(takedownId).singleResult().getId();
        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("503");
        assertThat(management.createJobQuery().jobId(jobId).singleResult().getRetries()).isEqualTo(4); // R5/PT5M
        management.setJobRetries(jobId, 1);
        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("503");
        assertThat(extension.getProcessEngine().getRuntimeService().createIncidentQuery()
                .processInstanceId(takedownId).count()).isEqualTo(1);
        ProcessInstance takedown = extension.getProcessEngine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(takedownId).singleResult();
        assertThat(takedown).isNotEnded().hasNotPassed("markTakenDown", "postsTakenDown");
        assertThat(management.createJobQuery().jobId(jobId).singleResult().getRetries()).isZero();
        verify(takedowns, never()).completed(any(), any(), any());
    }

    @Test
    void expiryStopsInFlightContentLikeARevocation() {
        ProcessInstance pi = start();
        ConsentRevocationWorkflow.Enforcement done = revocations.expire(consentId);
        verify(consentService).expire(consentId, "carepost");
        assertThat(done.kind()).isEqualTo("expired");
        assertThat(done.stopped()).containsExactly(contentId);
        assertThat(pi).isWaitingAt("readWhyStopped");
        assertThat(runtimeVariable(pi, "stopNotice")).asString().contains("expired");
        verify(contents).withdraw(eq(contentId), org.mockito.ArgumentMatchers.argThat(w ->
                w.action() == org.carepost.audit.AuditAction.DRAFT_STOPPED && w.comment().contains("expired")),
                eq("carepost"), eq(pi.getId()));
        // A second end of the same authorization finds nothing left to stop.
        assertThat(revocations.expire(consentId).stopped()).isEmpty();
    }

    /** As the authorization page does once it linked the chosen authorization: complete, without variables. */
    private void recordAuthorization(ProcessInstance capture) {
        identity.setAuthentication("pat", List.of("privacy"));
        try {
            extension.getProcessEngine().getTaskService().complete(task("recordSignedAuthorization", capture).getId());
        } finally {
            identity.clearAuthentication();
        }
    }

    private Object runtimeVariable(ProcessInstance pi, String name) {
        return extension.getProcessEngine().getRuntimeService().getVariable(pi.getId(), name);
    }

    private PhiFinding openName() {
        PhiFinding finding = mock(PhiFinding.class);
        when(finding.getId()).thenReturn(7L);
        when(finding.getType()).thenReturn(PhiType.NAME);
        when(finding.getStatus()).thenReturn(PhiFindingStatus.OPEN);
        when(finding.isOpen()).thenReturn(true);
        return finding;
    }

    /** What Tasklist submits from the Resolve PHI form for its first slot: the finding shown, the decision, a reason. */
    private static Map<String, Object> decided(String id, String decision, String reason) {
        return Map.of("phiFinding1", id, "phiDecision1", decision, "phiReason1", reason);
    }

    @Test
    void eachFindingIsDecidedInTheFormAndARedactionGoesBackToTheAuthorForARewrite() {
        PhiFinding name = openName();
        when(phi.scan(contentId)).thenReturn(1, 0);
        when(phi.openFindings(contentId)).thenReturn(List.of(name));
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("resolvePhi").isNotWaitingAt("privacyReview");
        assertThat(task("resolvePhi", pi)).hasCandidateGroup("privacy");
        String taskId = task("resolvePhi", pi).getId();
        assertThat(extension.getProcessEngine().getTaskService().getVariablesLocal(taskId)).isEmpty();
        // no PHI-related process variable besides the forms' view (kept out of history); the count was transient
        assertThat(extension.getProcessEngine().getRuntimeService().getVariables(pi.getId()))
                .containsKey("draftView").doesNotContainKeys("openPhiFindings", "phiFindings", "phiAction");

        // not the privacy group
        assertThatThrownBy(() -> completeAs(taskId, "lee", List.of("legal"), decided("7", "redact", "")))
                .hasRootCauseInstanceOf(PhiForbiddenException.class);
        // nothing chosen: a sentence for the form, never an engine code
        assertThatThrownBy(() -> completeAs(taskId, "pat", List.of("privacy"), Map.of()))
                .hasRootCauseInstanceOf(FormRefusal.class).hasRootCauseMessage("Your decision: choose one for every "
                        + "detail listed before you complete the task (1 without a decision).");
        assertThatThrownBy(() -> completeAs(taskId, "pat", List.of("privacy"), decided("7", "", "")))
                .hasRootCauseInstanceOf(FormRefusal.class).hasRootCauseMessage("Your decision for detail 1: choose one.");
        assertThatThrownBy(() -> completeAs(taskId, "pat", List.of("privacy"), decided("7", "shred", "")))
                .hasRootCauseInstanceOf(FormRefusal.class);
        // the service refuses a decision (say "covered" for a town): its sentence reaches the form
        when(phi.resolve(eq(contentId), any(), eq("pat"), any())).thenThrow(new org.carepost.phi.PhiDecisionException(
                List.of("Finding 7 is a place or address in the text, which a patient's authorization cannot cover."),
                false));
        assertThatThrownBy(() -> completeAs(taskId, "pat", List.of("privacy"), decided("7", "covered", "")))
                .hasRootCauseInstanceOf(FormRefusal.class).hasMessageContaining("cannot cover");
        assertThat(pi).isWaitingAt("resolvePhi");

        // Redact: the decisions go to the service together; the redacted text goes back to its author.
        org.mockito.Mockito.reset(phi);
        when(phi.resolve(eq(contentId), any(), eq("pat"), any())).thenReturn(new PhiScanService.Resolution(2, true, 0));
        when(contents.currentVersion(contentId)).thenReturn(new ContentVersion(contentId, 2, "Thank you, [NAME], for",
                "pat", java.time.Instant.now()));
        completeAs(taskId, "pat", List.of("privacy"), decided("7", "redact", ""));
        verify(phi).resolve(contentId, List.of(org.carepost.phi.FindingDecision.redact(7)), "pat",
                java.util.Set.of("privacy"));
        verify(phi).scan(contentId); // the redacted version is scanned again
        assertThat(pi).hasPassed("resolvePhi", "requestRewrite").isWaitingAt("reviseDraft")
                .isNotWaitingAt("privacyReview");
        verify(contents).changesRequested(contentId);
        assertThat(task("reviseDraft", pi)).isAssignedTo("alice");

        // The author may not keep a placeholder; a rewrite without it is scanned and reviewed.
        identity.setAuthentication("alice", List.of("authors", "dept-cardiology"));
        String reviseId = task("reviseDraft", pi).getId();
        var taskService = extension.getProcessEngine().getTaskService();
        assertThatThrownBy(() -> taskService.complete(reviseId, Map.of("revisedText", "Thank you, [NAME], for all.")))
                .hasRootCauseInstanceOf(FormRefusal.class).hasMessageContaining("replace [NAME] with your own words");
        verify(contents, never()).addVersion(any(), any(), any());
        when(contents.currentVersion(contentId)).thenReturn(new ContentVersion(contentId, 3, "Thank you for the care.",
                "alice", java.time.Instant.now()));
        taskService.complete(reviseId, Map.of("revisedText", "Thank you for the care."));
        identity.clearAuthentication();
        verify(contents).addVersion(contentId, "Thank you for the care.", "alice");
        assertThat(pi).isWaitingAt("privacyReview", "legalReview", "brandReview");
    }

    @Test
    void phiCoveredByTheAuthorizationOrDismissedGoesToReview() {
        PhiFinding name = openName();
        when(phi.scan(contentId)).thenReturn(1, 0);
        when(phi.openFindings(contentId)).thenReturn(List.of(name));
        when(phi.resolve(eq(contentId), any(), eq("pat"), any())).thenReturn(new PhiScanService.Resolution(1, false, 0));
        ProcessInstance pi = start();
        completeAs(task("resolvePhi", pi).getId(), "pat", List.of("privacy"), decided("7", "covered", ""));
        verify(phi).resolve(contentId, List.of(org.carepost.phi.FindingDecision.covered(7)), "pat",
                java.util.Set.of("privacy"));
        assertThat(pi).isWaitingAt("privacyReview", "legalReview", "brandReview").hasNotPassed("requestRewrite");

        when(phi.scan(contentId)).thenReturn(1, 0);
        ProcessInstance dismissed = start();
        completeAs(task("resolvePhi", dismissed).getId(), "pat", List.of("privacy"),
                decided("7", "not-phi", "the surgeon who operated, named with her consent"));
        verify(phi).resolve(contentId, List.of(org.carepost.phi.FindingDecision.notPhi(7,
                "the surgeon who operated, named with her consent")), "pat", java.util.Set.of("privacy"));
        assertThat(dismissed).isWaitingAt("privacyReview", "legalReview", "brandReview");
    }

    @Test
    void findingsBeyondTheFormsSlotsComeBackInANewTaskAndTheFormFieldsDoNotStay() {
        PhiFinding name = openName();
        when(phi.scan(contentId)).thenReturn(25, 5, 0); // 25 open: 20 decided in the first task, 5 in the second
        when(phi.openFindings(contentId)).thenReturn(List.of(name));
        when(phi.resolve(eq(contentId), any(), eq("pat"), any())).thenReturn(new PhiScanService.Resolution(1, false, 5),
                new PhiScanService.Resolution(1, false, 0));
        ProcessInstance pi = start();
        String first = task("resolvePhi", pi).getId();
        completeAs(first, "pat", List.of("privacy"), decided("7", "covered", ""));
        String second = task("resolvePhi", pi).getId();
        assertThat(second).isNotEqualTo(first);
        assertThat(extension.getProcessEngine().getRuntimeService().getVariables(pi.getId()))
                .doesNotContainKeys("phiFinding1", "phiDecision1", "phiReason1");
        completeAs(second, "pat", List.of("privacy"), decided("8", "redact", ""));
        assertThat(pi).isWaitingAt("privacyReview", "legalReview", "brandReview");
    }

    @Test
    void everyRevisedVersionIsScannedAgain() {
        ProcessInstance pi = start();
        verify(phi).scan(contentId);
        decide(pi, "legalReview", "lee", List.of("legal"), "changes", "Shorter, please.");
        when(phi.scan(contentId)).thenReturn(2);
        identity.setAuthentication("alice", List.of("authors", "dept-cardiology"));
        extension.getProcessEngine().getTaskService().complete(task("reviseDraft", pi).getId(),
                Map.of("revisedText", "Emma's story, shorter."));
        identity.clearAuthentication();
        verify(phi, times(2)).scan(contentId);
        assertThat(pi).isWaitingAt("resolvePhi").isNotWaitingAt("privacyReview", "legalReview", "brandReview");
    }

    @Test
    void phiFoundAtTheGateIsNotPublished() {
        // the real gate with the PHI check: a finding appears between approval and publication
        AuditTrail audit = mock(AuditTrail.class);
        when(contents.currentVersion(contentId)).thenReturn(new ContentVersion(contentId, 1, "text", "alice",
                java.time.Instant.now()));
        PrePublicationGate realGate = new PrePublicationGate(List.of(new PhiGateCheck(phi)), contents);
        ModelBeans.register(new PrePublicationGateDelegate(realGate));
        PhiFinding name = openName();
        when(phi.openFindings(contentId)).thenReturn(List.of(name));
        ProcessInstance pi = start();
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        when(phi.scan(contentId)).thenReturn(1);
        execute(job()); // timer, then the gate
        assertThat(pi).isEnded().hasPassed("notPublished").hasNotPassed("publishToPlatforms");
        verify(contents).withdraw(eq(contentId), org.mockito.ArgumentMatchers.argThat(w ->
                w.action() == org.carepost.audit.AuditAction.GATE_REFUSED), eq("carepost"), eq(pi.getId()));
        verify(audit, never()).record(any());
        verify(publishing, never()).publish(any(), any());
        assertThat(extension.getProcessEngine().getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName("gateRefusals").singleResult().getValue()).isEqualTo(1);
    }

    private void completeAs(String taskId, String user, List<String> groups, Map<String, Object> variables) {
        identity.setAuthentication(user, groups);
        try {
            extension.getProcessEngine().getTaskService().complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private ProcessInstance start() {
        return extension.getProcessEngine().getRuntimeService().startProcessInstanceByKey("content-approval",
                contentId.toString(), Map.of("contentId", contentId.toString(), "author", "alice",
                        "department", "cardiology", "publishAt", new Date(System.currentTimeMillis() + 3_600_000)));
    }

    private void approveAllReviews(ProcessInstance pi) {
        decide(pi, "privacyReview", "pat", List.of("privacy"), "approve", null);
        decide(pi, "legalReview", "lee", List.of("legal"), "approve", null);
        decide(pi, "brandReview", "bria", List.of("brand"), "approve", "Nice.");
    }

    private void decide(ProcessInstance pi, String taskKey, String user, List<String> groups, String decision,
                        String comment) {
        identity.setAuthentication(user, groups);
        try {
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("decision", decision);
            variables.put("comment", comment);
            extension.getProcessEngine().getTaskService().complete(task(taskKey, pi).getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
