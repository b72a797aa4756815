package org.carepost.modelchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.carepost.identity.IdentitySetup;
import org.junit.jupiter.api.Test;

/** The automatic checks on the real models, and on models edited the ways a proposal could go wrong. */
class ModelChecksTest {

    private static final Set<String> GROUPS = IdentitySetup.GROUPS.stream().map(IdentitySetup.GroupDef::id)
            .collect(Collectors.toSet());
    private static final String APPROVAL = "content-approval.bpmn";

    private final ModelChecks checks = new ModelChecks();

    /** Every model and form of processes/ and forms/, as they are deployed. */
    static ModelResources real() throws IOException {
        Map<String, byte[]> all = new HashMap<>();
        for (String folder : List.of("processes", "forms")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    all.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        }
        return new ModelResources(all);
    }

    static ModelResources one(String name, byte[] bytes) {
        return new ModelResources(Map.of(name, bytes));
    }

    /** content-approval.bpmn edited through the BPMN model API. */
    static byte[] approvalEdited(Consumer<BpmnModelInstance> edit) {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", APPROVAL).toFile());
        edit.accept(model);
        return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
    }

    private CheckFinding finding(ModelResources proposed, String check) throws IOException {
        CheckReport report = checks.check(proposed, real(), GROUPS);
        return report.findings().stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow();
    }

    private static void retarget(BpmnModelInstance model, String flowId, String targetId) {
        SequenceFlow flow = model.getModelElementById(flowId);
        FlowNode oldTarget = flow.getTarget();
        FlowNode target = model.getModelElementById(targetId);
        oldTarget.getIncoming().remove(flow);
        flow.setTarget(target);
        target.getIncoming().add(flow);
    }

    @Test
    void theRealModelsPassEveryCheck() throws IOException {
        CheckReport report = checks.check(new ModelResources(Map.of()), real(), GROUPS);

        assertThat(report.findings()).extracting(CheckFinding::check).containsExactly("parses", "history-time-to-live",
                "form-refs", "candidate-groups", "phi-scan-on-every-path", "privacy-review-for-patients");
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.passed()).as(f.detail()).isTrue());
        assertThat(report.passed()).isTrue();
        assertThat(report.findings().get(4).detail()).contains("Publish to platforms (publishToPlatforms)");
        // 7 kinds x 16 yes/no combinations x 1-3 departments; a patient is concerned in 2 x 48 + 5 x 36 of them.
        assertThat(report.findings().get(5).detail()).isEqualTo("review-routing.dmn: all 276 combinations of the inputs "
                + "in which a patient is concerned route to the privacy review");
    }

    @Test
    void aFlowThatSkipsThePhiScanIsRefusedAndThePathIsNamed() throws IOException {
        // The submitted draft goes straight to "Placeholders in the text?" instead of the scan.
        byte[] edited = approvalEdited(m -> retarget(m, "Flow_ToPhiScan", "placeholdersLeft"));

        CheckReport report = checks.check(one(APPROVAL, edited), real(), GROUPS);

        assertThat(report.passed()).isFalse();
        CheckFinding paths = report.findings().stream().filter(f -> f.check().equals("phi-scan-on-every-path"))
                .findFirst().orElseThrow();
        assertThat(paths.passed()).isFalse();
        assertThat(paths.detail()).startsWith("content-approval.bpmn: path Draft submitted (draftSubmitted) -> "
                + "Placeholders in the text? (placeholdersLeft) -> ")
                .contains("-> Publish to platforms (publishToPlatforms) skips the PHI scan")
                .doesNotContain("skips the PHI scan, the authorization check");
        // The other checks are not affected by a rerouted flow.
        assertThat(report.findings()).filteredOn(f -> !f.check().equals("phi-scan-on-every-path"))
                .allSatisfy(f -> assertThat(f.passed()).as(f.detail()).isTrue());
    }

    @Test
    void theProposalReplacesTheModelInForceWhateverTheFoldersInTheirNames() throws IOException {
        // The start-up deployment names its resources with their folder; Camunda Modeler deploys bare file names.
        Map<String, byte[]> deployed = new HashMap<>();
        real().byName().forEach((name, bytes) -> deployed.put((name.endsWith(".form") ? "forms/" : "processes/") + name, bytes));
        byte[] edited = approvalEdited(m -> retarget(m, "Flow_ToPhiScan", "placeholdersLeft"));

        CheckReport report = checks.check(one(APPROVAL, edited), new ModelResources(deployed), GROUPS);

        // Counted once each: the proposal's bare name replaced the deployed one with its folder.
        assertThat(report.findings().get(0).detail())
                .isEqualTo("every model and form parses (" + real().byName().size() + " resources)");
        assertThat(report.findings().get(4).passed()).isFalse();
        assertThat(report.findings().get(4).detail()).contains("skips the PHI scan");
    }

    @Test
    void aRevisedVersionThatSkipsTheScanIsRefusedThoughTheFirstVersionWasScanned() throws IOException {
        byte[] edited = approvalEdited(m -> retarget(m, "Flow_RevisedToReviews", "authorizationNeeded"));

        CheckFinding paths = finding(one(APPROVAL, edited), "phi-scan-on-every-path");

        assertThat(paths.passed()).isFalse();
        assertThat(paths.detail()).contains("Revise your draft (reviseDraft) -> Authorization needed? (authorizationNeeded)")
                .contains("skips the PHI scan after the new version written in Revise your draft (reviseDraft)");
    }

    @Test
    void renamingThePhiScanChangesNothingButRemovingItsDelegateDoes() throws IOException {
        byte[] renamed = approvalEdited(m -> m.<ServiceTask>getModelElementById("scanForPhi").setName("Quick look"));
        assertThat(finding(one(APPROVAL, renamed), "phi-scan-on-every-path").passed()).isTrue();

        byte[] renamedAndBypassed = approvalEdited(m -> {
            m.<ServiceTask>getModelElementById("scanForPhi").setName("Quick look");
            retarget(m, "Flow_ToPhiScan", "placeholdersLeft");
        });
        CheckFinding bypassed = finding(one(APPROVAL, renamedAndBypassed), "phi-scan-on-every-path");
        assertThat(bypassed.passed()).isFalse();
        assertThat(bypassed.detail()).contains("skips the PHI scan");

        // Named "Scan for PHI" but running another bean: not a scan.
        byte[] impostor = approvalEdited(m -> m.<ServiceTask>getModelElementById("scanForPhi")
                .setCamundaDelegateExpression("${markRejectedDelegate}"));
        CheckFinding fooled = finding(one(APPROVAL, impostor), "phi-scan-on-every-path");
        assertThat(fooled.passed()).isFalse();
        assertThat(fooled.detail()).contains("Scan for PHI (scanForPhi)").contains("skips the PHI scan");
    }

    @Test
    void leavingTheScanThroughABoundaryEventIsNotPassingIt() throws IOException {
        byte[] edited = approvalEdited(m -> {
            ServiceTask scan = m.getModelElementById("scanForPhi");
            BoundaryEvent failed = m.newInstance(BoundaryEvent.class);
            failed.setId("scanFailed");
            failed.setName("Scanner unavailable");
            failed.setAttachedTo(scan);
            failed.getEventDefinitions().add(m.newInstance(ErrorEventDefinition.class));
            scan.getParentElement().addChildElement(failed);
            SequenceFlow flow = m.newInstance(SequenceFlow.class);
            flow.setId("Flow_ScanFailed");
            scan.getParentElement().addChildElement(flow);
            flow.setSource(failed);
            flow.setTarget(m.getModelElementById("authorizationNeeded"));
            failed.getOutgoing().add(flow);
        });

        CheckFinding paths = finding(one(APPROVAL, edited), "phi-scan-on-every-path");

        assertThat(paths.passed()).isFalse();
        assertThat(paths.detail()).contains("Scan for PHI (scanForPhi) -> Scanner unavailable (scanFailed) -> "
                + "Authorization needed? (authorizationNeeded)").contains("skips the PHI scan");
    }

    @Test
    void anEventSubprocessThatPublishesIsAPathThatSkipsEverything() throws IOException {
        String xml = Files.readString(Path.of("processes", APPROVAL));
        String end = "</bpmn:process>";
        assertThat(xml).containsOnlyOnce(end);
        String edited = xml.replace(end, """
                <bpmn:subProcess id="urgentRepost" name="Urgent repost" triggeredByEvent="true">
                  <bpmn:startEvent id="repostRequested" name="Repost requested">
                    <bpmn:outgoing>Flow_ToRepost</bpmn:outgoing>
                    <bpmn:messageEventDefinition id="MessageDef_Repost" messageRef="Message_ContentRevised" />
                  </bpmn:startEvent>
                  <bpmn:sequenceFlow id="Flow_ToRepost" sourceRef="repostRequested" targetRef="repost" />
                  <bpmn:serviceTask id="repost" name="Post again" camunda:delegateExpression="${publishDelegate}">
                    <bpmn:incoming>Flow_ToRepost</bpmn:incoming>
                  </bpmn:serviceTask>
                </bpmn:subProcess>
                """ + end);

        CheckFinding paths = finding(one(APPROVAL, edited.getBytes(StandardCharsets.UTF_8)), "phi-scan-on-every-path");

        assertThat(paths.passed()).isFalse();
        assertThat(paths.detail()).contains("path Repost requested (repostRequested) -> Post again (repost) skips the PHI "
                + "scan, the authorization check, the reviews (the routing decision review-routing) and the pre-publication gate");
    }

    @Test
    void skippingTheReviewsSubprocessOrTheGateIsRefused() throws IOException {
        byte[] noReviews = approvalEdited(m -> retarget(m, "Flow_ToReviews", "departmentSignoff"));
        CheckFinding reviews = finding(one(APPROVAL, noReviews), "phi-scan-on-every-path");
        assertThat(reviews.passed()).isFalse();
        assertThat(reviews.detail()).contains("Authorization needed? (authorizationNeeded) -> Sign off for your department")
                .contains("skips the reviews");

        byte[] noGate = approvalEdited(m -> retarget(m, "Flow_ToGate", "publishToPlatforms"));
        CheckFinding gate = finding(one(APPROVAL, noGate), "phi-scan-on-every-path");
        assertThat(gate.passed()).isFalse();
        assertThat(gate.detail()).contains("Publishing paused? (publishingPausedGateway) -> Publish to platforms "
                + "(publishToPlatforms) skips the pre-publication gate");
    }

    @Test
    void aBrokenXmlIsAFailedParsesFindingNotAnException() throws IOException {
        byte[] broken = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process"
                .getBytes(StandardCharsets.UTF_8);

        CheckReport report = checks.check(one("models/" + APPROVAL, broken), real(), GROUPS);

        CheckFinding parses = report.findings().get(0);
        assertThat(parses.check()).isEqualTo("parses");
        assertThat(parses.passed()).isFalse();
        assertThat(parses.detail()).startsWith("content-approval.bpmn does not parse: ");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void aShortHistoryTimeToLiveIsRefusedAndCamundasFormsAreAccepted() throws IOException {
        byte[] short30 = approvalEdited(m -> m.<Process>getModelElementById("content-approval")
                .setCamundaHistoryTimeToLiveString("P30D"));
        CheckFinding ttl = finding(one(APPROVAL, short30), "history-time-to-live");
        assertThat(ttl.passed()).isFalse();
        assertThat(ttl.detail()).isEqualTo("content-approval.bpmn: process content-approval keeps its history for "
                + "\"P30D\", less than the 2192 days (P2192D) required");

        byte[] iso = approvalEdited(m -> m.<Process>getModelElementById("content-approval")
                .setCamundaHistoryTimeToLiveString("P2192D"));
        assertThat(finding(one(APPROVAL, iso), "history-time-to-live").passed()).isTrue();

        assertThat(ModelChecks.days("2192")).isEqualTo(2192);
        assertThat(ModelChecks.days("p3000d")).isEqualTo(3000);
        assertThat(ModelChecks.days("P6Y")).isEqualTo(-1);
        assertThat(ModelChecks.days(null)).isEqualTo(-1);
    }

    @Test
    void aFormRefThatResolvesToNoFormIsRefused() throws IOException {
        byte[] edited = approvalEdited(m -> m.<UserTask>getModelElementById("privacyReview").setCamundaFormRef("privacy-reveiw"));

        CheckFinding forms = finding(one(APPROVAL, edited), "form-refs");

        assertThat(forms.passed()).isFalse();
        assertThat(forms.detail()).startsWith("content-approval.bpmn: Review privacy (HIPAA) (privacyReview) refers to "
                + "form \"privacy-reveiw\", which is not among the forms (");
    }

    @Test
    void aTaskForAGroupThatDoesNotExistOrForNobodyIsRefused() throws IOException {
        byte[] unknownGroup = approvalEdited(m -> m.<UserTask>getModelElementById("legalReview")
                .setCamundaCandidateGroups("legal,marketing"));
        CheckFinding groups = finding(one(APPROVAL, unknownGroup), "candidate-groups");
        assertThat(groups.passed()).isFalse();
        assertThat(groups.detail()).contains("user task Review legal risk (legalReview) goes to group "
                + "\"marketing\", which does not exist").doesNotContain("\"legal\"");

        byte[] nobody = approvalEdited(m -> m.<UserTask>getModelElementById("reviseDraft").setCamundaAssignee(null));
        CheckFinding orphan = finding(one(APPROVAL, nobody), "candidate-groups");
        assertThat(orphan.passed()).isFalse();
        assertThat(orphan.detail()).contains("Revise your draft (reviseDraft) has no candidate groups, assignee or "
                + "candidate users");
    }

    @Test
    void aRoutingTableThatReadsAnInputTheAppDoesNotSetFailsWithoutAnException() throws IOException {
        String xml = Files.readString(Path.of("processes/review-routing.dmn"));
        String input = "<text>patientMentioned</text>";
        assertThat(xml).containsOnlyOnce(input);

        CheckFinding privacy = finding(one("review-routing.dmn", xml.replace(input, "<text>patientNamed</text>")
                .getBytes(StandardCharsets.UTF_8)), "privacy-review-for-patients");

        assertThat(privacy.passed()).isFalse();
        assertThat(privacy.detail()).startsWith("review-routing.dmn: 276 of 276 combinations")
                .contains("kind education, PHI yes, patient mentioned no, health claims no, media no, 1 department "
                        + "(the decision fails: ");
    }

    @Test
    void aRoutingEditThatDropsPrivacyForTestimonialsIsRefused() throws IOException {
        String xml = Files.readString(Path.of("processes/review-routing.dmn"));
        String rule = "<inputEntry id=\"Rule_EveryPostPrivacy_in1\"><text>not(&quot;crisis-update&quot;)</text></inputEntry>";
        assertThat(xml).contains(rule);
        String edited = xml.replace(rule, "<inputEntry id=\"Rule_EveryPostPrivacy_in1\"><text>not(&quot;crisis-update&quot;,"
                + " &quot;testimonial&quot;)</text></inputEntry>");

        CheckReport report = checks.check(one("review-routing.dmn", edited.getBytes(StandardCharsets.UTF_8)), real(), GROUPS);

        CheckFinding privacy = report.findings().stream().filter(f -> f.check().equals("privacy-review-for-patients"))
                .findFirst().orElseThrow();
        assertThat(privacy.passed()).isFalse();
        // Testimonials without PHI: 8 yes/no combinations of the other inputs times 3 department counts.
        assertThat(privacy.detail()).startsWith("review-routing.dmn: 24 of ")
                .contains("kind testimonial, PHI no, patient mentioned no, health claims no, media no, 1 department "
                        + "(routed to [brand, legal])")
                .doesNotContain("kind education");
        assertThat(report.findings().get(0).passed()).isTrue();
    }

    @Test
    void aRoutingTableThatCallsAMethodIsNotRunBeforeApproval() throws IOException {
        // contentKind.toString() routes exactly as contentKind would: run as the engine runs it, the check would pass.
        // The proposal is evaluated before anybody approved it, so no method call runs: the decision fails instead.
        String xml = Files.readString(Path.of("processes/review-routing.dmn"));
        String input = "<text>contentKind</text></inputExpression>";
        assertThat(xml).contains(input);
        byte[] edited = xml.replace(input, "<text>contentKind.toString()</text></inputExpression>")
                .getBytes(StandardCharsets.UTF_8);

        CheckFinding privacy = finding(one("review-routing.dmn", edited), "privacy-review-for-patients");

        assertThat(privacy.passed()).isFalse();
        assertThat(privacy.detail()).contains("(the decision fails: ");
    }
}
