package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.consent.ConsentFixtures;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentItemRepository;
import org.carepost.content.ContentService;
import org.carepost.publishing.Publication;
import org.carepost.publishing.PublicationRepository;
import org.carepost.publishing.SandboxPostRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A draft's whole journey through Camunda Tasklist in a real browser: the author starts it from the start form,
 * each reviewer decides in their form, the author revises after a change request, the head signs off, and the
 * post is published. Screenshots of every step land in target/browser-screenshots.
 */
@PostgresApplicationTest
class TasklistBrowserPostgresTest {

    @LocalServerPort
    int port;

    @Autowired
    ContentItemRepository items;

    @Autowired
    ContentService contents;

    @Autowired
    PublicationRepository publications;

    @Autowired
    SandboxPostRepository sandboxPosts;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    private final Set<String> formsOpened = new LinkedHashSet<>();

    @BeforeEach
    void tasklistShowsOnlyThisTestsDraft() {
        // Other test classes leave drafts in review in the shared database; a person would see only theirs.
        List<String> others = runtime.createProcessInstanceQuery().processDefinitionKey("content-approval").list()
                .stream().map(ProcessInstance::getId).toList();
        if (!others.isEmpty()) {
            runtime.deleteProcessInstances(others, "browser test starts from an empty Tasklist", true, true);
        }
    }

    @Test
    void aDraftGoesFromTheStartFormThroughEveryReviewFormToPublication() throws Exception {
        // The revision makes a health claim, so the DMN routes a medical accuracy review for version 2.
        String revised = "Flu shots are free all week in the main lobby, 8 a.m. to 6 p.m. Proven to cut your risk of flu.";
        Instant testStarted = Instant.now();
        try (TasklistBrowser browser = new TasklistBrowser(port, Path.of("target", "browser-screenshots"))) {
            browser.loginAs("alice");
            browser.openStartForm("Content approval");
            formsOpened.add(startFormOf("content-approval"));
            browser.type("title", "Flu shots (browser test)");
            browser.select("kind", "Health education");
            browser.select("department", "Cardiology");
            browser.type("text", "Flu shots are free this week.");
            browser.check("platforms", 0); // Facebook
            browser.check("platforms", 3); // X
            browser.type("publishAt", Instant.now().plusSeconds(30).toString());
            browser.startProcess();

            ContentItem draft = items.findAll().stream().filter(i -> i.getTitle().equals("Flu shots (browser test)"))
                    .filter(i -> i.getCreatedAt().isAfter(testStarted)).findFirst().orElseThrow();

            decide(browser, "pat", "Privacy reviews", "Privacy / HIPAA review", 0, null);
            decide(browser, "lee", "Legal reviews", "Legal review", 0, null);
            decide(browser, "bria", "My groups' tasks", "Brand review", 1, "Say where and when, please.");

            browser.loginAs("alice");
            browser.openTask("My tasks", "Revise draft");
            formsOpened.add(formOf("reviseDraft"));
            assertThat(browser.value("comments")).contains("Say where and when, please.");
            browser.type("revised", revised);
            browser.complete();

            decide(browser, "pat", "Privacy reviews", "Privacy / HIPAA review", 0, null);
            decide(browser, "lee", "Legal reviews", "Legal review", 0, null);
            decide(browser, "bria", "My groups' tasks", "Brand review", 0, null);

            browser.loginAs("mia");
            browser.openTask("My groups' tasks", "Medical accuracy review");
            formsOpened.add(formOfTaskNamed("Medical accuracy review"));
            assertThat(browser.value("claims")).isNotBlank();
            browser.type("claimSources", "https://www.cdc.gov/flu/vaccines/benefits.html\nhttps://doi.org/10.1000/182\n"
                    + "https://doi.org/10.1000/183");
            browser.check("decision", 0);
            browser.complete();

            browser.loginAs("carl");
            browser.openTask("My department's sign-offs", "Department sign-off");
            formsOpened.add(formOf("departmentSignoff"));
            assertThat(browser.value("text")).isEqualTo(revised);
            browser.check("decision", 0);
            browser.complete();

            UUID id = draft.getId();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> publications.findByContentIdOrderById(id).stream()
                            .filter(p -> p.getStatus() == Publication.Status.PUBLISHED).count() == 2);
            String approvedHash = contents.get(id).getApprovedHash();
            for (Publication publication : publications.findByContentIdOrderById(id)) {
                assertThat(publication.getVersionHash()).isEqualTo(approvedHash);
                assertThat(sandboxPosts.findById(Long.valueOf(publication.getExternalId())).orElseThrow().getBody()
                        .getBytes(StandardCharsets.UTF_8)).isEqualTo(revised.getBytes(StandardCharsets.UTF_8));
            }
            patientStoryStopsWhenTheAuthorizationIsRevoked(browser);
        }
        assertThat(formsOpened).as("every form of every deployed process is opened by this test")
                .containsAll(allDeployedForms());
    }

    /** A testimonial: the privacy office records the patient's authorization; its revocation stops the draft. */
    private void patientStoryStopsWhenTheAuthorizationIsRevoked(TasklistBrowser browser) throws Exception {
        ApiClient api = new ApiClient(port);
        String consentId = api.post("/api/consents", "pat", ConsentFixtures.completeJson(List.of("facebook")))
                .json().get("id").asText();
        assertThat(api.postFile("/api/consents/" + consentId + "/document", "pat", "signed.png", ConsentFixtures.png())
                .status()).isEqualTo(201);
        Instant started = Instant.now();

        browser.loginAs("alice");
        browser.openStartForm("Content approval");
        browser.type("title", "My new heart (browser test)");
        browser.select("kind", "Patient testimonial");
        browser.select("department", "Cardiology");
        browser.type("text", "My name is Rosalind Whitfield. After my surgery I walk every day. Thank you, cardiology team!");
        browser.check("platforms", 0); // Facebook
        browser.type("publishAt", Instant.now().plusSeconds(3600).toString());
        browser.startProcess();
        UUID story = items.findAll().stream().filter(i -> i.getCreatedAt().isAfter(started)).findFirst().orElseThrow()
                .getId();

        // The scan finds the patient's name: the privacy office redacts it before anything else happens.
        browser.loginAs("pat");
        browser.openTask("Privacy reviews", "Resolve PHI");
        formsOpened.add(formOf("resolvePhi"));
        assertThat(browser.value("findings")).contains("NAME");
        browser.check("action", 1); // redact
        browser.complete();
        await().atMost(Duration.ofSeconds(30)).until(() -> contents.currentVersion(story).getBody().contains("[NAME]"));
        assertThat(contents.currentVersion(story).getBody()).doesNotContain("Whitfield");

        browser.openTask("Privacy reviews", "Record signed authorization");
        formsOpened.add(formOfTask("consent-capture", "recordSignedAuthorization"));
        browser.type("consentId", consentId);
        browser.complete();
        await().atMost(Duration.ofSeconds(30)).until(() -> consentId.equals(String.valueOf(contents.get(story).getConsentId())));

        // The patient writes to revoke; the privacy office records it with Tasklist's start form. The draft stops
        // wherever it is, and its author is told why.
        browser.openStartForm("Revoke patient authorization");
        formsOpened.add(startFormOf("revoke-authorization"));
        browser.type("consentId", consentId);
        browser.select("requestedVia", "Letter");
        browser.type("note", "letter received");
        browser.startProcess();
        browser.loginAs("alice");
        browser.openTask("My tasks", "Read why the draft stopped");
        formsOpened.add(formOf("readWhyStopped"));
        assertThat(browser.value("notice")).isNotBlank();
        browser.complete();
        assertThat(contents.get(story).getStatus().name()).isEqualTo("WITHDRAWN");
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
