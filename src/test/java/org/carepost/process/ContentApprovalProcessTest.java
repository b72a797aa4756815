package org.carepost.process;

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
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

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
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStatus;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentVersion;
import org.carepost.phi.PhiFinding;
import org.carepost.phi.PhiFindingStatus;
import org.carepost.phi.PhiForbiddenException;
import org.carepost.phi.PhiGateCheck;
import org.carepost.phi.PhiScanService;
import org.carepost.phi.PhiType;
import org.carepost.publishing.PrePublicationGate;
import org.carepost.publishing.PublishingService;
import org.carepost.review.Decision;
import org.carepost.review.DepartmentHeads;
import org.carepost.review.ReviewContext;
import org.carepost.review.ReviewKind;
import org.carepost.review.ReviewService;
import org.carepost.review.SegregationOfDutiesException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every path of content-approval on an in-memory engine. Domain services are mocks; the engine glue
 * (listeners, delegates, segregation of duties, department heads) is real.
 */
@Deployment(resources = "processes/content-approval.bpmn")
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
    private PhiScanService phi;

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
        when(contents.get(contentId)).thenReturn(item);
        when(reviews.context(contentId)).thenReturn(new ReviewContext(contentId, "Heart month", "education", "alice",
                "cardiology", 1, "hash-1", "Check your blood pressure."));

        Mocks.register("decisionTaskListener", new DecisionTaskListener(reviews, new DepartmentHeads(identity)));
        Mocks.register("reviseTaskListener", new ReviseTaskListener(contents, reviews));
        Mocks.register("departmentHeads", new DepartmentHeads(identity));
        Mocks.register("freezeApproval", new FreezeApprovalDelegate(reviews, contents));
        Mocks.register("publishToPlatforms", new PublishDelegate(publishing));
        gate = mock(PrePublicationGate.class);
        when(gate.pass(any(), any())).thenReturn(List.of());
        Mocks.register("prePublicationGate", new PrePublicationGateDelegate(gate));
        Mocks.register("markRejected", new MarkRejectedDelegate(contents));
        phi = mock(PhiScanService.class);
        when(phi.scan(contentId)).thenReturn(0);
        Mocks.register("phiScan", new PhiScanDelegate(phi));
        Mocks.register("resolvePhiTaskListener", new ResolvePhiTaskListener(phi, reviews));
    }

    private PhiFinding openName() {
        PhiFinding finding = mock(PhiFinding.class);
        when(finding.getId()).thenReturn(7L);
        when(finding.getType()).thenReturn(PhiType.NAME);
        when(finding.getStatus()).thenReturn(PhiFindingStatus.OPEN);
        when(finding.isOpen()).thenReturn(true);
        return finding;
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
    void reviewerShowsTheExactTextAndItsHash() {
        ProcessInstance pi = start();
        Task privacy = task("privacyReview", pi);
        Map<String, Object> local = extension.getProcessEngine().getTaskService().getVariablesLocal(privacy.getId());
        assertThat(local).containsEntry("contentText", "Check your blood pressure.")
                .containsEntry("versionHash", "hash-1").containsEntry("versionNo", 1);
    }

    @Test
    void changesRequestedGoBackToTheAuthorAndTheNewVersionIsReviewedAgain() {
        ProcessInstance pi = start();
        decide(pi, "privacyReview", "pat", List.of("privacy"), "changes", "Remove the patient's first name.");
        verify(reviews).record(eq(contentId), eq("hash-1"), eq(ReviewKind.PRIVACY), eq("pat"), eq(Decision.CHANGES),
                eq("Remove the patient's first name."), eq(pi.getId()), anyString());
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
    void revisionWithoutANewTextIsRefused() {
        ProcessInstance pi = start();
        decide(pi, "brandReview", "bria", List.of("brand"), "changes", "Use our tone of voice.");
        when(item.getStatus()).thenReturn(ContentStatus.CHANGES_REQUESTED);
        identity.setAuthentication("alice", List.of("authors"));
        String reviseId = task("reviseDraft", pi).getId();
        assertThatThrownBy(() -> extension.getProcessEngine().getTaskService().complete(reviseId))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("revised text");
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
        verify(reviews, never()).record(any(), any(), eq(ReviewKind.SIGNOFF), anyString(), any(), any(), any(), any());
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
        when(gate.pass(any(), any())).thenReturn(List.of("version 2 is not the approved version 1 (hash differs)"));
        execute(job()); // the timer, then the gate in the same transaction
        verify(gate).pass(contentId, pi.getId());
        assertThat(pi).isEnded().hasPassed("notPublished").hasNotPassed("publishToPlatforms");
        verify(publishing, never()).publish(any(), any());
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
    void phiFoundIsResolvedByRedactionThenReviewed() {
        PhiFinding name = openName();
        when(phi.scan(contentId)).thenReturn(1, 0);
        when(phi.currentFindingsInContext(contentId))
                .thenReturn(List.of(new PhiScanService.FindingInContext(name, "Thank you, «Emma», for")));
        when(phi.openFindings(contentId)).thenReturn(List.of(name), List.of());
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("resolvePhi").isNotWaitingAt("privacyReview");
        assertThat(task("resolvePhi", pi)).hasCandidateGroup("privacy");
        String taskId = task("resolvePhi", pi).getId();
        Map<String, Object> local = extension.getProcessEngine().getTaskService().getVariablesLocal(taskId);
        assertThat(local).containsEntry("phiFindingCount", 1L);
        assertThat((String) local.get("phiFindings")).contains("#7 NAME (OPEN): Thank you, «Emma», for");
        // the count is the only PHI-related process variable
        assertThat(extension.getProcessEngine().getRuntimeService().getVariables(pi.getId()))
                .containsEntry("openPhiFindings", 1).doesNotContainKey("phiFindings");

        // not the privacy group
        assertThatThrownBy(() -> completeAs(taskId, "lee", List.of("legal"), Map.of("phiAction", "redact")))
                .hasRootCauseInstanceOf(PhiForbiddenException.class);
        // nothing resolved yet: refused, and the message names the finding id, not its text
        assertThatThrownBy(() -> completeAs(taskId, "pat", List.of("privacy"), Map.of()))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("7")
                .hasMessageNotContaining("Emma");
        assertThatThrownBy(() -> completeAs(taskId, "pat", List.of("privacy"), Map.of("phiAction", "shred")))
                .hasRootCauseInstanceOf(BadUserRequestException.class);
        assertThat(pi).isWaitingAt("resolvePhi");
        verify(phi, never()).redactAllOpen(any(), any(), any());

        completeAs(taskId, "pat", List.of("privacy"), Map.of("phiAction", "redact"));
        verify(phi).redactAllOpen(eq(contentId), eq("pat"), eq(java.util.Set.of("privacy")));
        verify(phi, times(2)).scan(contentId); // the redacted version is scanned again
        assertThat(pi).isWaitingAt("privacyReview", "legalReview", "brandReview").hasPassed("resolvePhi");
        assertThat(extension.getProcessEngine().getRuntimeService().getVariable(pi.getId(), "phiAction")).isNull();
    }

    @Test
    void phiCoveredByTheAuthorizationGoesToReview() {
        PhiFinding name = openName();
        when(phi.scan(contentId)).thenReturn(1, 0);
        when(phi.openFindings(contentId)).thenReturn(List.of());
        ProcessInstance pi = start();
        completeAs(task("resolvePhi", pi).getId(), "pat", List.of("privacy"), Map.of("phiAction", "covered"));
        verify(phi).coverAllOpen(eq(contentId), eq("pat"), eq(java.util.Set.of("privacy")));
        verify(phi, never()).redactAllOpen(any(), any(), any());
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
        PrePublicationGate realGate = new PrePublicationGate(List.of(new PhiGateCheck(phi)), contents, audit);
        Mocks.register("prePublicationGate", new PrePublicationGateDelegate(realGate));
        PhiFinding name = openName();
        when(phi.openFindings(contentId)).thenReturn(List.of(name));
        ProcessInstance pi = start();
        approveAllReviews(pi);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        when(phi.scan(contentId)).thenReturn(1);
        execute(job()); // timer, then the gate
        assertThat(pi).isEnded().hasPassed("notPublished").hasNotPassed("publishToPlatforms");
        verify(contents).withdraw(contentId);
        verify(audit).record(any());
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
