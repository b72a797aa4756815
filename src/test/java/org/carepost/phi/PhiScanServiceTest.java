package org.carepost.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.carepost.audit.AuditAction;
import org.carepost.audit.AuditEntry;
import org.carepost.audit.AuditTrail;
import org.carepost.content.ContentStatus;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Decisions on findings with the real detector and service; drafts and findings live in memory. */
class PhiScanServiceTest {

    private static final Set<String> PRIVACY = Set.of("privacy");
    private static final String TEXT = "Our new main line is 503-555-0100 and Maria Lopez (MRN 48213377) lives at "
            + "12 Elm Street. We are proud of the whole cardiology team and of every volunteer who helped.";

    private final InMemoryPhiStore store = new InMemoryPhiStore();
    private final AuditTrail audit = mock(AuditTrail.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PhiScanService scans = new PhiScanService(TestDetector.get(), store.findings(), store.contents(),
            audit, Clock.systemUTC(), meters);

    @Test
    void notPhiIsStoredWithItsReasonAuditedWithoutTheTextAndCountedPerType() {
        UUID id = store.draft("Heart month", TEXT);
        int open = scans.scan(id);
        PhiFinding phone = finding(id, PhiType.PHONE);

        PhiScanService.Resolution done = scans.resolve(id,
                List.of(FindingDecision.notPhi(phone.getId(), " The hospital's public main line ")), "pat", PRIVACY);

        assertThat(done.newVersion()).isFalse();
        assertThat(done.currentVersionNo()).isEqualTo(1);
        assertThat(done.openFindings()).isEqualTo(open - 1);
        assertThat(phone.getStatus()).isEqualTo(PhiFindingStatus.DISMISSED_NOT_PHI);
        assertThat(phone.getReason()).isEqualTo("The hospital's public main line");
        assertThat(phone.getResolvedBy()).isEqualTo("pat");
        assertThat(phone.getResolvedAt()).isNotNull();
        ArgumentCaptor<AuditEntry> entry = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit).record(entry.capture());
        assertThat(entry.getValue().action()).isEqualTo(AuditAction.PHI_DISMISSED);
        assertThat(entry.getValue().actor()).isEqualTo("pat");
        assertThat(entry.getValue().comment()).contains("finding " + phone.getId(), "PHONE", "text",
                "The hospital's public main line").doesNotContain("503-555-0100");
        assertThat(meters.counter("carepost.phi.findings.dismissed", "type", "PHONE").count()).isEqualTo(1.0);
        assertThat(meters.counter("carepost.phi.findings.dismissed", "type", "NAME").count()).isZero();
        // the gate's re-scan keeps the decision
        assertThat(scans.scan(id)).isEqualTo(open - 1);
    }

    @Test
    void aDismissalStaysWithTheSameSpanInLaterVersionsButNotWhenItsContextChanged() {
        UUID id = store.draft("Heart month", TEXT);
        scans.scan(id);
        PhiFinding phone = finding(id, PhiType.PHONE);
        scans.resolve(id, List.of(FindingDecision.notPhi(phone.getId(), "public main line")), "pat", PRIVACY);

        // the author changes a sentence far from the number: the same span, still dismissed
        store.revise(id, TEXT.replace("whole cardiology team", "entire heart team"));
        scans.scan(id);
        PhiFinding carried = finding(id, PhiType.PHONE);
        assertThat(carried.getVersionNo()).isEqualTo(2);
        assertThat(carried.getStatus()).isEqualTo(PhiFindingStatus.DISMISSED_NOT_PHI);
        assertThat(carried.getCarriedFrom()).isEqualTo(phone.getId());
        assertThat(carried.getReason()).isEqualTo("public main line");
        assertThat(finding(id, PhiType.NAME).isOpen()).isTrue(); // nothing else was decided

        // and on to version 3, still pointing at the first decision
        store.revise(id, store.current(id).getBody() + " Thank you!");
        scans.scan(id);
        assertThat(finding(id, PhiType.PHONE).getCarriedFrom()).isEqualTo(phone.getId());

        // the same digits are now her own phone number: a new context, a new open finding
        store.revise(id, store.current(id).getBody().replace("Our new main line is", "Her own cell phone is"));
        scans.scan(id);
        PhiFinding changed = finding(id, PhiType.PHONE);
        assertThat(changed.isOpen()).isTrue();
        assertThat(changed.getCarriedFrom()).isNull();
        // only the explicit dismissal was counted, not its carried copies
        assertThat(meters.counter("carepost.phi.findings.dismissed", "type", "PHONE").count()).isEqualTo(1.0);
    }

    @Test
    void allRedactionsMakeOneVersionAndOtherDecisionsMoveIntoIt() {
        UUID id = store.draft("Thank you Maria Lopez", TEXT);
        scans.scan(id);
        PhiFinding titleName = store.all().stream().filter(f -> f.getField() == PhiField.TITLE).findFirst()
                .orElseThrow();
        assertThat(titleName.getType()).isEqualTo(PhiType.NAME);
        PhiFinding name = finding(id, PhiType.NAME);
        PhiFinding mrn = finding(id, PhiType.MRN);
        PhiFinding phone = finding(id, PhiType.PHONE);
        PhiFinding street = store.all().stream().filter(f -> f.getField() == PhiField.TEXT
                && TEXT.substring(f.getStart(), f.getEnd()).equals("12 Elm Street")).findFirst().orElseThrow();

        PhiScanService.Resolution done = scans.resolve(id, List.of(FindingDecision.redact(titleName.getId()),
                FindingDecision.redact(mrn.getId()), FindingDecision.redact(street.getId()),
                FindingDecision.covered(name.getId()), FindingDecision.notPhi(phone.getId(), "our main line")),
                "pat", PRIVACY);

        assertThat(done.newVersion()).isTrue();
        assertThat(done.currentVersionNo()).isEqualTo(2);
        verify(store.contents(), times(1)).addRedactedVersion(any(), any(), any(), any(), any());
        assertThat(store.current(id).getTitle()).isEqualTo("Thank you [NAME]");
        String v2 = store.current(id).getBody();
        assertThat(v2).contains("(MRN [MRN]) lives at [GEO].").doesNotContain("48213377", "Elm");
        assertThat(store.current(id).getAuthor()).isEqualTo("pat");
        List<PhiFinding> moved = scans.currentFindings(id);
        assertThat(moved).noneMatch(f -> f.getType() == PhiType.MRN || f.getField() == PhiField.TITLE);
        PhiFinding movedName = moved.stream().filter(f -> f.getType() == PhiType.NAME).findFirst().orElseThrow();
        assertThat(v2.substring(movedName.getStart(), movedName.getEnd())).isEqualTo("Maria Lopez");
        assertThat(movedName.getStatus()).isEqualTo(PhiFindingStatus.COVERED_BY_AUTHORIZATION);
        PhiFinding movedPhone = moved.stream().filter(f -> f.getType() == PhiType.PHONE).findFirst().orElseThrow();
        assertThat(movedPhone.getStatus()).isEqualTo(PhiFindingStatus.DISMISSED_NOT_PHI);
        assertThat(movedPhone.getReason()).isEqualTo("our main line");
        assertThat(movedPhone.getCarriedFrom()).isEqualTo(phone.getId());
        assertThat(titleName.getStatus()).isEqualTo(PhiFindingStatus.REDACTED);
        // the re-scan of the redacted version finds nothing new: placeholders are not PHI
        assertThat(scans.scan(id)).isEqualTo(done.openFindings());
        assertThat(scans.currentFindings(id)).hasSize(moved.size());
    }

    @Test
    void aRedactedSpanNeverComesBackAndTypingItAgainIsANewOpenFinding() {
        UUID id = store.draft("Heart month", TEXT);
        scans.scan(id);
        PhiFinding name = finding(id, PhiType.NAME);
        scans.resolve(id, List.of(FindingDecision.redact(name.getId())), "pat", PRIVACY);
        scans.scan(id);
        store.revise(id, store.current(id).getBody() + " See you soon.");
        scans.scan(id);
        assertThat(scans.currentFindings(id)).noneMatch(f -> f.getType() == PhiType.NAME);
        assertThat(store.current(id).getBody()).doesNotContain("Maria");

        store.revise(id, store.current(id).getBody().replace("[NAME]", "Maria Lopez"));
        scans.scan(id);
        assertThat(finding(id, PhiType.NAME).isOpen()).isTrue();
    }

    @Test
    void everyProblemIsReportedAtOnceByIdAndNothingIsWritten() {
        UUID id = store.draft("Heart month", TEXT);
        scans.scan(id);
        PhiFinding phone = finding(id, PhiType.PHONE);
        PhiFinding name = finding(id, PhiType.NAME);
        PhiFinding mrn = finding(id, PhiType.MRN);
        PhiFinding street = store.all().stream().filter(f -> f.getType() == PhiType.GEO).findFirst().orElseThrow();
        int rows = store.all().size();

        assertThatThrownBy(() -> scans.resolve(id, List.of(
                FindingDecision.redact(name.getId()),
                FindingDecision.covered(street.getId()),
                FindingDecision.notPhi(phone.getId(), "  "),
                FindingDecision.notPhi(mrn.getId(), "Maria Lopez is a staff member"),
                FindingDecision.redact(name.getId()),
                FindingDecision.redact(987654L)), "pat", PRIVACY))
                .isInstanceOfSatisfying(PhiDecisionException.class, e -> {
                    assertThat(e.problems()).containsExactly(
                            "Finding " + street.getId() + " is a place or address in the text, which a patient's "
                                    + "authorization cannot cover: redact it, or mark it not PHI if it does not "
                                    + "identify a patient.",
                            "Finding " + phone.getId() + " (a phone number in the text): give a short reason why it "
                                    + "is not PHI, for example \"the hospital's public phone number\".",
                            "The reason for finding " + mrn.getId() + " repeats the text of a finding; say why it is "
                                    + "not PHI without quoting it.",
                            "Finding " + name.getId() + " has more than one decision; choose one.",
                            "Finding 987654 is not a finding of this draft.");
                    assertThat(e.stateConflict()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("Maria", "Lopez", "503-555", "48213377", "Elm");
                });
        assertThat(store.all()).hasSize(rows).allMatch(PhiFinding::isOpen);
        assertThat(store.current(id).getVersionNo()).isEqualTo(1);
        verify(audit, never()).record(any());
        assertThat(meters.find("carepost.phi.findings.dismissed").counters()).isEmpty();
    }

    @Test
    void decisionsThatNoLongerFitTheDraftAreStateConflicts() {
        UUID id = store.draft("Heart month", TEXT);
        scans.scan(id);
        PhiFinding name = finding(id, PhiType.NAME);
        PhiFinding phone = finding(id, PhiType.PHONE);
        scans.resolve(id, List.of(FindingDecision.notPhi(phone.getId(), "main line")), "pat", PRIVACY);
        PhiDecisionException again = catchDecision(() -> scans.resolve(id,
                List.of(FindingDecision.redact(phone.getId())), "pat", PRIVACY));
        assertThat(again.problems()).containsExactly("Finding " + phone.getId() + " was already dismissed as not PHI.");
        assertThat(again.stateConflict()).isTrue();

        scans.resolve(id, List.of(FindingDecision.redact(name.getId())), "pat", PRIVACY);
        PhiDecisionException earlier = catchDecision(() -> scans.resolve(id,
                List.of(FindingDecision.covered(name.getId())), "pat", PRIVACY));
        assertThat(earlier.problems()).containsExactly("Finding " + name.getId() + " belongs to an earlier version of "
                + "this draft; reload the findings and decide on those of version 2.");

        store.status(id, ContentStatus.APPROVED);
        PhiFinding mrn = finding(id, PhiType.MRN);
        PhiDecisionException approved = catchDecision(() -> scans.resolve(id,
                List.of(FindingDecision.redact(mrn.getId())), "pat", PRIVACY));
        assertThat(approved.problems()).containsExactly("This draft is no longer in review (it is approved), so "
                + "nothing in it can be redacted now.");
        assertThat(mrn.isOpen()).isTrue();
    }

    @Test
    void incompleteDecisionsAreNotStateConflicts() {
        UUID id = store.draft("Heart month", TEXT);
        scans.scan(id);
        PhiFinding phone = finding(id, PhiType.PHONE);
        PhiDecisionException e = catchDecision(() -> scans.resolve(id, List.of(new FindingDecision(phone.getId(),
                FindingDecision.Action.NOT_PHI, "x".repeat(201))), "pat", PRIVACY));
        assertThat(e.problems()).containsExactly("The reason for finding " + phone.getId() + " is longer than 200 "
                + "characters; keep it short.");
        assertThat(e.stateConflict()).isFalse();
        assertThat(catchDecision(() -> scans.resolve(id, List.of(), "pat", PRIVACY)).problems())
                .containsExactly("Choose a decision for at least one finding.");
        assertThat(catchDecision(() -> scans.resolve(id, List.of(new FindingDecision(phone.getId(), null, null)),
                "pat", PRIVACY)).problems()).singleElement().asString().startsWith("Finding " + phone.getId()
                + " has no decision");
    }

    @Test
    void onlyThePrivacyGroupDecides() {
        UUID id = store.draft("Heart month", TEXT);
        scans.scan(id);
        PhiFinding phone = finding(id, PhiType.PHONE);
        assertThatThrownBy(() -> scans.resolve(id, List.of(FindingDecision.notPhi(phone.getId(), "main line")),
                "lee", Set.of("legal"))).isInstanceOf(PhiForbiddenException.class);
        assertThat(phone.isOpen()).isTrue();
    }

    @Test
    void coveredIsOfferedOnlyForTypesAnAuthorizationCanCover() {
        assertThat(PhiScanService.coverableTypes()).containsExactlyInAnyOrder(PhiType.NAME, PhiType.DATE,
                PhiType.AGE_OVER_89, PhiType.BIOMETRIC);
        UUID id = store.draft("Heart month", TEXT);
        scans.scan(id);
        PhiFinding mrn = finding(id, PhiType.MRN);
        // the form's old "all covered" shortcut used to accept an MRN, which no authorization could then cover
        assertThatThrownBy(() -> scans.coverAllOpen(id, "pat", PRIVACY)).isInstanceOf(PhiDecisionException.class)
                .hasMessageContaining("Finding " + mrn.getId() + " is a medical record number in the text");
        assertThat(store.all()).allMatch(PhiFinding::isOpen);
    }

    @Test
    void titlesAreScannedAndShownFirstWithTheirOwnContext() {
        UUID id = store.draft("Thank you Maria Lopez", "We are proud of the whole cardiology team.");
        assertThat(scans.scan(id)).isEqualTo(1);
        List<PhiScanService.FindingInContext> found = scans.currentFindingsInContext(id);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.finding().getField()).isEqualTo(PhiField.TITLE);
            assertThat(f.context()).isEqualTo("Thank you «Maria Lopez»");
        });
    }

    private PhiFinding finding(UUID id, PhiType type) {
        return scans.currentFindings(id).stream().filter(f -> f.getType() == type && f.getField() == PhiField.TEXT)
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " finding"));
    }

    private static PhiDecisionException catchDecision(Runnable call) {
        try {
            call.run();
        } catch (PhiDecisionException e) {
            return e;
        }
        throw new AssertionError("no PhiDecisionException");
    }
}
