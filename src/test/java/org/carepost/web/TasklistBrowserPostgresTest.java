package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.carepost.PostgresApplicationTest;
import org.carepost.consent.ConsentFixtures;
import org.carepost.content.ContentItem;
import org.carepost.content.StoredContent;
import org.carepost.content.ContentService;
import org.carepost.content.ContentStatus;
import org.carepost.phi.RedactionPlaceholders;
import org.carepost.publishing.Publication;
import org.carepost.publishing.PublicationRecords;
import org.carepost.publishing.SandboxInbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whole journeys through Camunda Tasklist in a real browser, only by what a person clicks and types: a post from the
 * start form through every review form, a change request and revision, the medical review, sign-off and publication;
 * then a patient testimonial from the start form to publication (per-finding PHI decisions including "not PHI", a
 * rewrite after redaction, the authorization recorded with its scan on CarePost's page, every review and sign-off), a
 * second one under the same authorization picked from the patient's list, and the revocation that stops it. Screenshots
 * of every step land in target/browser-screenshots.
 */
@PostgresApplicationTest
class TasklistBrowserPostgresTest {

    private static final String TESTIMONIAL = "My name is Rosalind Whitfield. I drive in from Hollis Creek to the heart "
            + "center in Port Ansel. On March 3, 2026 I had my bypass. Thank you, cardiology team!";
    private static final String REWRITTEN = "My name is Rosalind Whitfield. I drive in to the heart center in Port "
            + "Ansel. On March 3, 2026 I had my bypass. Thank you, cardiology team!";
    private static final String NOT_PHI_REASON = "the town of our heart center, not where she lives";
    /** The patient as her authorization names her: unique to this run (the database keeps earlier runs' records). */
    private static final String PATIENT = "Rosalind Whitfield-" + Long.toString(System.nanoTime() % 1_000_000, 36);

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.context.ApplicationContext context;

    StoredContent items;

    @Autowired
    ContentService contents;

    @Autowired
    PublicationRecords publications;

    SandboxInbox sandboxPosts;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    private final Set<String> formsOpened = new LinkedHashSet<>();

    /**
     * Processes whose forms another browser test class opens (and asserts it opened); every other deployed
     * process's forms must be opened here, so a new model cannot ship a form nobody has seen in a browser.
     */
    static final Set<String> JOURNEYS_IN_OTHER_BROWSER_TESTS = Set.of(
            "offboard-user", // OffboardingBrowserPostgresTest
            "pause-publishing", // PauseBrowserPostgresTest
            "model-change" // ModelChangeBrowserPostgresTest
    );

    @BeforeEach
    void tasklistShowsOnlyThisTestsDraft() {
        items = new StoredContent(context);
        sandboxPosts = new SandboxInbox(context);
        // Other test classes leave drafts in review in the shared database; a person would see only theirs.
        for (String key : List.of("content-approval", "consent-capture")) {
            List<String> others = runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
                    .stream().map(ProcessInstance::getId).toList();
            if (!others.isEmpty()) {
                runtime.deleteProcessInstances(others, "browser test starts from an empty Tasklist", true, true);
            }
        }
    }

    @Test
    void aPostAndAPatientTestimonialGoFromTheStartFormToPublicationInTasklist() throws Exception {
        try (TasklistBrowser browser = new TasklistBrowser(port, Path.of("target", "browser-screenshots"))) {
            aPostGoesThroughEveryReviewForm(browser);
            aTestimonialGoesFromDraftToPublication(browser);
        }
        assertThat(formsOpened).as("every form of every deployed process is opened by this test")
                .containsAll(allDeployedForms());
    }

    private void aPostGoesThroughEveryReviewForm(TasklistBrowser browser) throws Exception {
        // The revision makes a health claim, so the DMN routes a medical accuracy review for version 2.
        String revised = "Flu shots are free all week in the main lobby, 8 a.m. to 6 p.m. Proven to cut your risk of flu.";
        Instant testStarted = Instant.now();
        browser.loginAs("alice");
        // An author sees only their own filter, and no "Create task".
        assertThat(browser.filterNames()).containsExactly("My tasks");
        assertThat(browser.driver().findElements(By.cssSelector(".create-task-action")))
                .noneMatch(org.openqa.selenium.WebElement::isDisplayed);
        browser.openStartForm("Content approval");
        formsOpened.add(startFormOf("content-approval"));
        browser.type("title", "Flu shots (browser test)");
        browser.select("kind", "Health education");
        browser.select("department", "Cardiology");
        browser.type("text", "Flu shots are free this week.");
        browser.check("platforms", 0); // Facebook
        browser.check("platforms", 3); // X
        // A time in the past: refused with a sentence on the form, not an engine code or a 500. Today at midnight:
        // the picker refuses past days itself (Start stays disabled), so "two hours ago" failed from 00:00 to 02:00.
        browser.dateTime("publishAt", java.time.LocalDate.now(ZoneOffset.UTC).atStartOfDay());
        assertThat(browser.startRefused()).isEqualTo("Publish at: must be in the future.");
        browser.dateTime("publishAt", nextSlot());
        browser.startProcess();

        ContentItem draft = items.all().stream().filter(i -> i.getTitle().equals("Flu shots (browser test)"))
                .filter(i -> i.getCreatedAt().isAfter(testStarted)).findFirst().orElseThrow();

        decide(browser, "pat", "Privacy reviews", "Review privacy (HIPAA)", 0, null);
        browser.loginAs("lee");
        browser.openTask("Legal reviews", "Review legal risk");
        formsOpened.add(formOfTaskNamed("Review legal risk"));
        // The task list says which post a task is about (a shared filter's columns) and when it is due.
        assertThat(browser.text(By.cssSelector(".tasks-list"))).contains("Flu shots (browser test)", "Health education",
                "Due in 2 days");
        browser.check("decision", 0);
        browser.complete();
        decide(browser, "bria", "My groups' tasks", "Review brand and voice", 1, "Say where and when, please.");

        browser.loginAs("alice");
        browser.openTask("My tasks", "Revise your draft");
        formsOpened.add(formOf("reviseDraft"));
        assertThat(browser.value("comments")).contains("Say where and when, please.");
        browser.type("revised", revised);
        browser.complete();

        decide(browser, "pat", "Privacy reviews", "Review privacy (HIPAA)", 0, null);
        decide(browser, "lee", "Legal reviews", "Review legal risk", 0, null);
        decide(browser, "bria", "My groups' tasks", "Review brand and voice", 0, null);

        browser.loginAs("mia");
        browser.openTask("My groups' tasks", "Check medical accuracy");
        formsOpened.add(formOfTaskNamed("Check medical accuracy"));
        assertThat(browser.value("claims")).isNotBlank();
        browser.type("claimSources", "https://www.cdc.gov/flu/vaccines/benefits.html\nhttps://doi.org/10.1000/182\n"
                + "https://doi.org/10.1000/183");
        browser.check("decision", 0);
        browser.complete();

        browser.loginAs("carl");
        browser.openTask("My department's sign-offs", "Sign off for your department");
        formsOpened.add(formOf("departmentSignoff"));
        assertThat(browser.value("text")).isEqualTo(revised);
        assertThat(browser.value("department")).isEqualTo("Cardiology");
        browser.check("decision", 0);
        browser.complete();

        UUID id = draft.getId();
        publishNow(id);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> publications.ofContent(id).stream()
                        .filter(p -> p.getStatus() == Publication.Status.PUBLISHED).count() == 2);
        String approvedHash = contents.get(id).getApprovedHash();
        for (Publication publication : publications.ofContent(id)) {
            assertThat(publication.getVersionHash()).isEqualTo(approvedHash);
            assertThat(sandboxPosts.body(publication.getExternalId())
                    .getBytes(StandardCharsets.UTF_8)).isEqualTo(revised.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The testimonial names the patient, her town, the heart center's town and her surgery date. The privacy office
     * keeps the name and the date (covered by her authorization), dismisses the heart center's town as not PHI, and
     * redacts her own town; the author rewrites the sentence; the authorization is recorded with its scan and chosen.
     */
    private void aTestimonialGoesFromDraftToPublication(TasklistBrowser browser) throws Exception {
        Instant started = Instant.now();
        browser.loginAs("alice");
        browser.openStartForm("Content approval");
        browser.type("title", "Rosalind's new heart (browser test)");
        browser.select("kind", "Patient testimonial");
        browser.select("department", "Cardiology");
        browser.type("text", TESTIMONIAL);
        browser.check("platforms", 0); // Facebook
        browser.dateTime("publishAt", nextSlot());
        browser.startProcess();
        UUID story = items.all().stream().filter(i -> i.getCreatedAt().isAfter(started)).findFirst().orElseThrow()
                .getId();

        browser.loginAs("pat");
        browser.openTask("Privacy reviews", "Decide on each patient detail");
        formsOpened.add(formOf("resolvePhi"));
        // The whole text, each finding marked where it stands; then one decision per finding (title first).
        assertThat(browser.value("marked")).contains("«Rosalind Whitfield» [2 · a name]", "«Hollis Creek» [3 · a place",
                "«Port Ansel» [4 · a place", "«March 3, 2026» [5 · a date]");
        assertThat(browser.value("slot3Label")).isEqualTo("3 · a place or address in the text: «Hollis Creek»");
        // Nothing chosen yet: the form says so on each decision and is not submitted.
        assertThat(browser.completeIncomplete("slot1Decision")).isEqualTo("Field is required.");
        // A town can never be covered by an authorization (the dead end of issue 20): not even offered.
        assertThat(browser.options("slot3Decision")).containsExactly(
                "Redact it: [GEO] replaces it and the author rewrites the sentence",
                "Keep it: it is not patient information (say why below)");
        assertThat(browser.options("slot2Decision")).contains("Keep it: the patient's signed authorization covers it");
        browser.choose("slot1Decision", "authorization covers"); // "Rosalind" in the title
        browser.choose("slot2Decision", "Redact it");
        browser.choose("slot2Decision", "authorization covers"); // changed before completing: only this one counts
        browser.choose("slot3Decision", "Redact it");
        browser.choose("slot4Decision", "not patient information");
        browser.type("slot4Reason", NOT_PHI_REASON);
        browser.choose("slot5Decision", "authorization covers");
        browser.complete();

        // The redacted text goes back to its author, who sees what was removed, by type.
        browser.loginAs("alice");
        browser.openTask("My tasks", "Revise your draft");
        assertThat(browser.value("removed")).isEqualTo("a place or address (1)");
        assertThat(browser.value("current")).contains("from [GEO] to").doesNotContain("Hollis Creek");
        browser.type("revised", TESTIMONIAL.replace("Hollis Creek", "[GEO]"));
        assertThat(browser.completeRefused()).isEqualTo("Revised text: replace [GEO] with your own words, or leave "
                + "that detail out. A post with a placeholder is never published.");
        browser.type("revised", REWRITTEN);
        browser.complete();
        assertThat(browser.openPageText("/app/my-drafts")).contains("Rosalind's new heart (browser test)",
                "Waiting for: Decide on each patient detail");

        // The author's new version is scanned again: the privacy office decides on it again.
        browser.loginAs("pat");
        browser.openTask("Privacy reviews", "Decide on each patient detail");
        browser.choose("slot1Decision", "authorization covers");
        browser.choose("slot2Decision", "authorization covers");
        browser.choose("slot3Decision", "not patient information");
        browser.type("slot3Reason", NOT_PHI_REASON);
        browser.choose("slot4Decision", "authorization covers");
        browser.complete();

        // The authorization: the task links to CarePost's page; the scan is uploaded from the browser.
        browser.openTask("Privacy reviews", "Choose or record the patient's authorization");
        formsOpened.add(formOfTask("consent-capture", "recordSignedAuthorization"));
        assertThat(browser.value("covered")).isEqualTo("a date, a name");
        browser.followLink("Open the authorization page for this post");
        browser.type2("patient", PATIENT);
        browser.clickId("search");
        assertThat(browser.text(By.id("none-fitting"))).contains("No valid authorization of this patient");
        fillAuthorization(browser);
        browser.clickId("record"); // without the signed form
        assertThat(browser.text(By.id("error-document"))).isEqualTo("is required: the signed authorization");
        browser.screenshot("authorization-refused-without-document");
        Path scan = Files.createTempFile("signed", ".png");
        Files.write(scan, ConsentFixtures.png());
        browser.upload("document", scan);
        browser.clickId("record");
        assertThat(browser.text(By.id("fitting"))).contains(PATIENT, "full name, dates");
        browser.screenshot("authorization-recorded");
        browser.clickId("use");
        assertThat(browser.text(By.id("done"))).contains("Authorization chosen");
        browser.screenshot("authorization-used");
        UUID consentId = contents.get(story).getConsentId();
        assertThat(consentId).isNotNull();

        decide(browser, "pat", "Privacy reviews", "Review privacy (HIPAA)", 0, null);
        decide(browser, "lee", "Legal reviews", "Review legal risk", 0, null);
        decide(browser, "bria", "My groups' tasks", "Review brand and voice", 0, null);
        browser.loginAs("carl");
        browser.openTask("My department's sign-offs", "Sign off for your department");
        assertThat(browser.value("text")).isEqualTo(REWRITTEN);
        browser.check("decision", 0);
        browser.complete();

        publishNow(story);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> contents.get(story).getStatus() == ContentStatus.PUBLISHED);
        List<Publication> published = publications.ofContent(story);
        assertThat(published).singleElement().satisfies(p -> assertThat(p.getPlatform()).isEqualTo("facebook"));
        String body = sandboxPosts.body(published.get(0).getExternalId());
        // Published: no placeholder, nothing her authorization does not cover (her town); what it covers stays.
        assertThat(RedactionPlaceholders.present(body)).isFalse();
        assertThat(body).doesNotContain("Hollis Creek").contains("Rosalind Whitfield", "March 3, 2026");
        browser.loginAs("alice");
        assertThat(browser.openPageText("/app/my-drafts")).contains("Published", "On facebook");

        aSecondStoryUnderTheSameAuthorizationStopsWhenItIsRevoked(browser, consentId);
    }

    /** The same patient's next story: her authorization is picked from her list; then she revokes it. */
    private void aSecondStoryUnderTheSameAuthorizationStopsWhenItIsRevoked(TasklistBrowser browser, UUID consentId) {
        Instant started = Instant.now();
        browser.loginAs("alice");
        browser.openStartForm("Content approval");
        browser.type("title", "A year on (browser test)");
        browser.select("kind", "Patient testimonial");
        browser.select("department", "Cardiology");
        browser.type("text", "A year after my bypass I cycle to work again. Rosalind Whitfield");
        browser.check("platforms", 0);
        browser.dateTime("publishAt", LocalDateTime.now(ZoneOffset.UTC).plusDays(7).withHour(9).withMinute(0));
        browser.startProcess();
        UUID story = items.all().stream().filter(i -> i.getCreatedAt().isAfter(started)).findFirst().orElseThrow()
                .getId();

        browser.loginAs("pat");
        browser.openTask("Privacy reviews", "Decide on each patient detail");
        // Whatever the scan found (her name at least): kept under her authorization where it can be, else not PHI.
        for (int slot = 1; browser.isShown("slot" + slot + "Decision-0"); slot++) {
            if (browser.options("slot" + slot + "Decision").stream().anyMatch(o -> o.contains("authorization covers"))) {
                browser.choose("slot" + slot + "Decision", "authorization covers");
            } else {
                browser.choose("slot" + slot + "Decision", "not patient information");
                browser.type("slot" + slot + "Reason", "no patient detail");
            }
        }
        browser.complete();
        browser.openTask("Privacy reviews", "Choose or record the patient's authorization");
        browser.followLink("Open the authorization page for this post");
        browser.type2("patient", PATIENT.toLowerCase());
        browser.clickId("search");
        assertThat(browser.text(By.id("fitting"))).contains(PATIENT, "full name, dates", "Facebook");
        browser.clickId("use-" + consentId);
        browser.screenshot("authorization-picked-from-the-patients-list");
        browser.clickId("use");
        assertThat(browser.text(By.id("done"))).contains("Authorization chosen");
        assertThat(contents.get(story).getConsentId()).isEqualTo(consentId);

        // The patient writes to revoke; the privacy office records it with Tasklist's start form. The draft in review
        // stops, and its author is told why.
        browser.loginAs("pat");
        browser.openStartForm("Revoke patient authorization");
        formsOpened.add(startFormOf("revoke-authorization"));
        browser.type("consentId", consentId.toString());
        browser.select("requestedVia", "Letter");
        browser.type("note", "letter received");
        browser.startProcess();
        browser.loginAs("alice");
        browser.openTask("My tasks", "Read why your draft stopped");
        formsOpened.add(formOf("readWhyStopped"));
        assertThat(browser.value("notice")).isNotBlank();
        assertThat(browser.value("title")).isEqualTo("A year on (browser test)");
        browser.complete();
        assertThat(contents.get(story).getStatus()).isEqualTo(ContentStatus.WITHDRAWN);
        assertThat(browser.openPageText("/app/my-drafts")).contains("A year on (browser test)", "Stopped",
                "Stopped: patient authorization revoked. Nothing of it will be published.",
                "Taken down from the networks: the patient's authorization ended.");
    }

    private void fillAuthorization(TasklistBrowser browser) {
        browser.type2("patientName", PATIENT);
        browser.type2("informationDescription", "My heart story as in the post, with my full name and the date of "
                + "my surgery");
        browser.type2("discloser", "Example General Hospital");
        browser.type2("recipients", "The public on the platforms listed");
        browser.type2("purposes", "Patient testimonial on the hospital's social media");
        browser.type2("expiresOn", "12/31/2030");
        browser.type2("signedBy", "Rosalind Whitfield");
        browser.type2("signedOn", LocalDateTime.now(ZoneOffset.UTC).minusDays(1)
                .format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        browser.clickId("rep-no");
        browser.type2("revocationRight", "I may revoke this authorization in writing at any time: write to the "
                + "privacy office.");
        browser.type2("treatmentConditioning", "My treatment, payment, enrollment or eligibility does not depend on "
                + "signing.");
        browser.type2("redisclosureStatement", "Information disclosed may be redisclosed by the recipient and no "
                + "longer protected.");
        browser.clickId("platform-facebook");
        browser.clickId("scope-fullName");
        browser.clickId("scope-dates");
        browser.screenshot("authorization-filled");
    }

    /** The next five-minute slot at least a minute ahead, as the start form's time picker offers. */
    private static LocalDateTime nextSlot() {
        LocalDateTime at = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(6).withSecond(0).withNano(0);
        return at.withMinute(at.getMinute() / 5 * 5);
    }

    /**
     * The approved post waits for its scheduled time (a few minutes ahead, the picker's slot): instead of waiting, the
     * timer is made due now. Everything before it was done in the browser.
     */
    private void publishNow(UUID contentId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> timer(contentId) != null);
        management.setJobDuedate(timer(contentId).getId(), new Date());
    }

    private Job timer(UUID contentId) {
        return management.createJobQuery().processInstanceId(contents.get(contentId).getProcessInstanceId())
                .activityId("scheduledTimeReached").singleResult();
    }

    private void decide(TasklistBrowser browser, String user, String filter, String taskName, int option, String comment) {
        browser.loginAs(user);
        browser.openTask(filter, taskName);
        formsOpened.add(formOfTaskNamed(taskName));
        browser.check("decision", option);
        if (comment != null) {
            browser.type("comment", comment);
        }
        browser.complete();
    }

    private Set<String> allDeployedForms() {
        Set<String> forms = new LinkedHashSet<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            if (JOURNEYS_IN_OTHER_BROWSER_TESTS.contains(definition.getKey())) {
                continue;
            }
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef)
                    .filter(ref -> ref != null).forEach(forms::add);
            model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
                    .filter(ref -> ref != null).forEach(forms::add);
        }
        return forms;
    }

    private BpmnModelInstance contentApproval() {
        return repository.getBpmnModelInstance(repository.createProcessDefinitionQuery()
                .processDefinitionKey("content-approval").latestVersion().singleResult().getId());
    }

    private String formOf(String taskId) {
        return ((UserTask) contentApproval().getModelElementById(taskId)).getCamundaFormRef();
    }

    private String formOfTask(String processKey, String taskId) {
        BpmnModelInstance model = repository.getBpmnModelInstance(repository.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult().getId());
        return ((UserTask) model.getModelElementById(taskId)).getCamundaFormRef();
    }

    private String formOfTaskNamed(String name) {
        List<UserTask> tasks = contentApproval().getModelElementsByType(UserTask.class).stream()
                .filter(t -> name.equals(t.getName())).toList();
        return tasks.get(0).getCamundaFormRef();
    }

    private String startFormOf(String key) {
        BpmnModelInstance model = repository.getBpmnModelInstance(repository.createProcessDefinitionQuery()
                .processDefinitionKey(key).latestVersion().singleResult().getId());
        return model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
                .filter(ref -> ref != null).findFirst().orElseThrow();
    }
}
