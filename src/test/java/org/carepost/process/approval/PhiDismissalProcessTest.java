package org.carepost.process.approval;

import org.carepost.process.ModelBeans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carepost.audit.AuditTrail;
import org.carepost.consent.ConsentCoverage;
import org.carepost.content.ContentStatus;
import org.carepost.content.ContentVersion;
import org.carepost.phi.FindingDecision;
import org.carepost.phi.InMemoryPhiStore;
import org.carepost.phi.PhiField;
import org.carepost.phi.PhiFinding;
import org.carepost.phi.PhiFindingStatus;
import org.carepost.phi.PhiGateCheck;
import org.carepost.phi.PhiScanService;
import org.carepost.phi.PhiType;
import org.carepost.publishing.PrePublicationGate;
import org.carepost.publishing.PublishingService;
import org.carepost.review.DepartmentHeads;
import org.carepost.review.ReviewDecisions;
import org.carepost.review.ReviewContext;
import org.carepost.review.ReviewRouting;
import org.carepost.review.ReviewService;
import org.carepost.review.RoutingFacts;
import org.carepost.review.RoutingOutcome;
import org.carepost.review.SlaEscalation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.carepost.process.TestUsers;
import org.carepost.process.engine.ProcessVariables;
import org.carepost.process.engine.TaskDue;

/**
 * "Not PHI" and redaction decisions through content-approval on an in-memory engine, with the real PHI detector, scan
 * service and pre-publication gate (drafts and findings in memory): a finding dismissed as not PHI lets the draft
 * through the gate, and a redacted one never comes back, not even after the author's revision.
 */
@Deployment(resources = {"processes/content-approval.bpmn", "processes/review-routing.dmn",
        "processes/consent-capture.bpmn", "processes/takedown.bpmn"})
class PhiDismissalProcessTest {

    /** Coverage is reported, not enforced: ContentApprovalProcessTest walks the model's other paths. */
    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml").build();

    private static final Set<String> PRIVACY = Set.of("privacy");
    private static final String HOSPITAL_LINE = "503-555-0100";

    private final InMemoryPhiStore store = new InMemoryPhiStore();
    private IdentityService identity;
    private PhiScanService scans;
    private PrePublicationGate gate;
    private PublishingService publishing;
    private UUID contentId;

    @BeforeEach
    void setUp() {
        ProcessEngine engine = extension.getProcessEngine();
        init(engine);
        identity = engine.getIdentityService();
        TestUsers.ensure(identity);
        AuditTrail audit = mock(AuditTrail.class);
        scans = new PhiScanService(org.carepost.phi.TestDetector.get(), store.findings(), store.contents(),
                audit, Clock.systemUTC(), new SimpleMeterRegistry());
        gate = new PrePublicationGate(List.of(new PhiGateCheck(scans)), store.contents());
        publishing = mock(PublishingService.class);

        ReviewService reviews = mock(ReviewService.class);
        when(reviews.context(any())).thenAnswer(inv -> {
            ContentVersion v = store.current(inv.getArgument(0));
            return new ReviewContext(inv.getArgument(0), v.getTitle(), "education", "alice", "cardiology",
                    v.getVersionNo(), v.getSha256(), v.getBody());
        });
        ReviewRouting routing = mock(ReviewRouting.class);
        when(routing.facts(any())).thenReturn(new RoutingFacts("education", false, false, false, false, 1));
        when(routing.record(any(), any(), anyString())).thenAnswer(inv ->
                RoutingOutcome.combine(inv.getArgument(1), "cardiology", List.of()));
        ConsentCoverage consent = mock(ConsentCoverage.class);

        // The forms' view is not what this test is about (the decisions are made through the service directly).
        org.carepost.tasklist.DraftViews views = mock(org.carepost.tasklist.DraftViews.class);
        when(views.of(any())).thenAnswer(inv -> new HashMap<>(Map.of("findings", List.of())));
        DraftViewVariable draftView = new DraftViewVariable(views, engine);
        ModelBeans.register(new PhiScanDelegate(scans, draftView));
        ModelBeans.register(new ResolvePhiTaskListener(scans));
        ModelBeans.register(new TaskDue());
        ModelBeans.register(new RewriteAfterRedaction(store.contents()));
        ModelBeans.register(new AuthorizationRequirement(consent));
        ModelBeans.register(new RoutingInputsListener(routing));
        ModelBeans.register(new RoutingOutcomeListener(routing));
        ModelBeans.register(new SlaEscalationDelegate(mock(SlaEscalation.class)));
        ModelBeans.register(new DecisionTaskListener(reviews, new ReviewDecisions(reviews, new DepartmentHeads(identity)), routing,
                draftView));
        ModelBeans.register(new DepartmentHeads(identity));
        ModelBeans.register(new ReviseTaskListener(store.contents(), draftView));
        ModelBeans.register(new FreezeApprovalDelegate(reviews, store.contents()));
        ModelBeans.register(new PrePublicationGateDelegate(gate));
        ModelBeans.register(new PublishDelegate(publishing));
        // No publishing pause here (PausePublishingProcessTest, ContentApprovalProcessTest cover the hold).
        ModelBeans.register(new org.carepost.process.pause.PublishingPauseCheckDelegate(
                org.mockito.Mockito.mock(org.carepost.pause.PublishingPauses.class)));
        ModelBeans.register(new MarkRejectedDelegate(store.contents()));
        ModelBeans.register(new DraftFromStartFormListener(store.contents(),
                new ExistingDraftStart(store.contents(), mock(org.carepost.audit.AuditTrail.class),
                        mock(org.springframework.transaction.PlatformTransactionManager.class))));
        ModelBeans.register(new RestartReviewDelegate(store.contents()));
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        Mocks.reset();
    }

    @Test
    void aFindingDismissedAsNotPhiLetsTheDraftThroughTheGate() {
        contentId = store.draft("Heart month", "Questions about the screenings? Our new main line is " + HOSPITAL_LINE
                + ". Get your blood pressure checked this month.");
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("resolvePhi");
        PhiFinding phone = only(PhiType.PHONE);
        assertThat(gate.refusals(contentId)).containsExactly("unresolved PHI findings " + phone.getId());

        // what the Resolve PHI form does with the reviewer's "not PHI" choice
        scans.resolve(contentId, List.of(FindingDecision.notPhi(phone.getId(), "the hospital's public main line")),
                "pat", PRIVACY);
        complete(pi, "resolvePhi", "pat", List.of("privacy"), Map.of());

        assertThat(pi).hasPassed("scanForPhi", "resolvePhi").isWaitingAt("privacyReview", "legalReview",
                "brandReview");
        approveEverything(pi);
        execute(job()); // the scheduled time: the gate scans the version again
        assertThat(pi).hasPassed("prePublicationGate").isWaitingAt("publishToPlatforms");
        execute(job());
        verify(publishing).publish(contentId, pi.getId());
        assertThat(pi).isEnded().hasPassed("published");
        assertThat(store.status(contentId)).isEqualTo(ContentStatus.APPROVED);
        assertThat(scans.currentFindings(contentId)).singleElement()
                .satisfies(f -> assertThat(f.getStatus()).isEqualTo(PhiFindingStatus.DISMISSED_NOT_PHI));
    }

    @Test
    void aRedactedFindingNeverReappearsAndADismissalOutlivesTheAuthorsRevision() {
        contentId = store.draft("Thank you, Maria Lopez", "Maria Lopez walked out of the cath lab on her own. "
                + "Questions about our heart screenings? Our new main line is " + HOSPITAL_LINE + ".");
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("resolvePhi");
        PhiFinding titleName = scans.currentFindings(contentId).stream().filter(f -> f.getField() == PhiField.TITLE)
                .findFirst().orElseThrow();
        PhiFinding name = only(PhiType.NAME);
        PhiFinding phone = only(PhiType.PHONE);
        scans.resolve(contentId, List.of(FindingDecision.redact(titleName.getId()), FindingDecision.redact(name.getId()),
                FindingDecision.notPhi(phone.getId(), "the hospital's public main line")), "pat", PRIVACY);
        complete(pi, "resolvePhi", "pat", List.of("privacy"), Map.of());
        // "[NAME] walked out" is no post: the redacted text goes back to its author, who rewrites it
        assertThat(pi).hasPassed("requestRewrite").isWaitingAt("reviseDraft");
        String redacted = store.current(contentId).getBody();
        complete(pi, "reviseDraft", "alice", List.of("authors", "dept-cardiology"),
                Map.of(ProcessVariables.REVISED_TEXT, redacted.replace("[NAME]", "Our patient") + " We are so glad."));

        // scanned again: nothing to resolve, so no second Resolve PHI task
        assertThat(pi).isWaitingAt("privacyReview", "legalReview", "brandReview");
        assertThat(extension.getProcessEngine().getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(pi.getId()).taskDefinitionKey("resolvePhi").count()).isEqualTo(1);
        approveEverything(pi);
        execute(job());
        execute(job());
        verify(publishing).publish(contentId, pi.getId());
        assertThat(pi).isEnded().hasPassed("published");

        List<ContentVersion> versions = store.versions(contentId);
        assertThat(versions).hasSize(3);
        assertThat(versions.get(1).getBody()).contains("[NAME] walked out");
        assertThat(versions.get(2).getBody()).startsWith("Our patient walked out");
        assertThat(versions.subList(1, 3)).allSatisfy(v -> {
            assertThat(v.getBody()).doesNotContain("Maria");
            assertThat(v.getTitle()).isEqualTo("Thank you, [NAME]");
        });
        List<PhiFinding> last = scans.currentFindings(contentId);
        assertThat(last).noneMatch(f -> f.getType() == PhiType.NAME);
        assertThat(last).singleElement().satisfies(f -> {
            assertThat(f.getStatus()).isEqualTo(PhiFindingStatus.DISMISSED_NOT_PHI);
            assertThat(f.getCarriedFrom()).isEqualTo(phone.getId());
        });
    }

    /** The staff list is read inside the scan's own engine command: its authorization check must stay as it was. */
    @Test
    void readingTheCamundaStaffInsideACommandLeavesItsAuthorizationCheckAlone() {
        ProcessEngine engine = extension.getProcessEngine();
        var user = identity.newUser("rhea");
        user.setFirstName("Rhea");
        user.setLastName("Castellanos (privacy officer)");
        identity.saveUser(user);
        try {
            var config = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            List<String> staff = new java.util.ArrayList<>();
            boolean checkAfter = config.getCommandExecutorTxRequired().execute(ctx -> {
                ctx.disableAuthorizationCheck();
                staff.addAll(org.carepost.phi.CurrentOrganizationDirectory.camundaUsers(engine).get());
                return ctx.isAuthorizationCheckEnabled();
            });
            assertThat(staff).contains("Rhea Castellanos");
            assertThat(checkAfter).isFalse();
            assertThat(org.carepost.phi.CurrentOrganizationDirectory.camundaUsers(engine).get())
                    .contains("Rhea Castellanos");
        } finally {
            identity.deleteUser("rhea");
        }
    }

    private PhiFinding only(PhiType type) {
        List<PhiFinding> found = scans.currentFindings(contentId).stream()
                .filter(f -> f.getType() == type && f.getField() == PhiField.TEXT).toList();
        assertThat(found).as(type + " findings").hasSize(1);
        return found.get(0);
    }

    private ProcessInstance start() {
        return extension.getProcessEngine().getRuntimeService().startProcessInstanceByKey("content-approval",
                contentId.toString(), Map.of("contentId", contentId.toString(), "author", "alice",
                        "department", "cardiology", "publishAt", new Date(System.currentTimeMillis() + 3_600_000)));
    }

    private void approveEverything(ProcessInstance pi) {
        decide(pi, "privacyReview", "pat", List.of("privacy"), "approve", null);
        decide(pi, "legalReview", "lee", List.of("legal"), "approve", null);
        decide(pi, "brandReview", "bria", List.of("brand"), "approve", null);
        decide(pi, "departmentSignoff", "carl", List.of("dept-heads", "dept-cardiology"), "approve", null);
        assertThat(pi).isWaitingAt("scheduledTimeReached");
        verify(store.contents()).freezeApproval(eq(contentId), eq("carepost"), eq(pi.getId()));
    }

    private void decide(ProcessInstance pi, String taskKey, String user, List<String> groups, String decision,
                        String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", decision);
        variables.put("comment", comment);
        complete(pi, taskKey, user, groups, variables);
    }

    private void complete(ProcessInstance pi, String taskKey, String user, List<String> groups,
                          Map<String, Object> variables) {
        identity.setAuthentication(user, groups);
        try {
            extension.getProcessEngine().getTaskService().complete(task(taskKey, pi).getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
