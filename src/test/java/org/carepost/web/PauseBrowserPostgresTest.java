package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pausing publishing in the browser: cole (communications) starts "Pause publishing" from Tasklist's start form (an
 * unknown department refused first), a post whose time passes is held, cole's own resume is refused, pat (privacy)
 * resumes and the post goes out. Screenshots: target/browser-screenshots/pause-NN-*.png.
 */
@PostgresApplicationTest
class PauseBrowserPostgresTest {

    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Path STEPS = SCREENSHOTS.resolve("pause-steps");

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    JdbcTemplate jdbc;

    private final Set<String> formsOpened = new LinkedHashSet<>();

    /** A failed run must not leave publishing paused for the other tests: cancelling the instance ends the pause. */
    @AfterEach
    void endThePause() {
        runtime.createProcessInstanceQuery().processDefinitionKey("pause-publishing").list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "browser test done"));
    }

    @Test
    void colePausesFromTasklistAPostIsHeldAndPatResumesIt() throws IOException {
        ApiClient api = new ApiClient(port);
        Instant before = Instant.now();
        try (TasklistBrowser browser = new TasklistBrowser(port, STEPS)) {
            browser.loginAs("cole");
            browser.openStartForm("Pause publishing");
            formsOpened.add(forms().startForm());
            browser.type("reason", "Power outage at the main campus; no scheduled posts until we know more.");
            browser.dateTime("expectedEnd", LocalDateTime.now(ZoneOffset.UTC).plusHours(3).truncatedTo(ChronoUnit.HOURS));
            browser.choose("scope", "One department");
            browser.type("department", "radiology");
            assertThat(browser.startRefused()).contains("not one of CarePost's departments");
            browser.choose("scope", "All departments");
            assertThat(browser.isShown("department")).as("the department field only for one department").isFalse();
            browser.startProcess();
            String pause = jdbc.queryForObject("select id from publishing_pause where paused_by = 'cole' and paused_at >= ?",
                    String.class, java.sql.Timestamp.from(before));

            // A post whose time comes while paused waits; nothing goes out.
            ApiClient.Reply draft = api.post("/api/content", "alice", "{\"title\":\"Cafeteria menu (browser pause)\","
                    + "\"kind\":\"education\",\"department\":\"cardiology\",\"text\":\"Soup of the day: lentils.\","
                    + "\"platforms\":[\"mastodon\"],\"publishAt\":\"" + Instant.now().plusSeconds(5) + "\"}");
            assertThat(draft.status()).as(draft.body()).isEqualTo(201);
            String post = draft.json().get("id").asText();
            String process = draft.json().get("processInstanceId").asText();
            approve(process);
            await().atMost(Duration.ofSeconds(90)).until(() -> runtime.createExecutionQuery().processInstanceId(process)
                    .activityId("publishingResumed").count() == 1);
            assertThat(publications(post)).isZero();

            // Cole sees the open task, but the one who paused does not resume.
            browser.openTask("My groups' tasks", "Publishing paused");
            formsOpened.add(forms().ofTask("publishingPaused"));
            assertThat(browser.value("scopeText")).isEqualTo("all departments");
            assertThat(browser.value("pausedBy")).isEqualTo("cole");
            tick(browser, "resume");
            assertThat(browser.completeRefused()).contains("a second person of communications or privacy");
            // He hands it back to the group (Tasklist's "Unclaim").
            String task = tasks.createTaskQuery().processInstanceId(pause).singleResult().getId();
            tasks.setAssignee(task, null);

            browser.loginAs("pat");
            browser.openTask("My groups' tasks", "Publishing paused");
            assertThat(browser.value("reason")).startsWith("Power outage at the main campus");
            tick(browser, "resume");
            browser.type("resumeNote", "Power is back; incident command says resume.");
            browser.complete();
            await().atMost(Duration.ofSeconds(60)).until(() -> history.createHistoricProcessInstanceQuery()
                    .processInstanceId(pause).finished().count() == 1);
            assertThat(jdbc.queryForObject("select resumed_by from publishing_pause where id = ?", String.class, pause))
                    .isEqualTo("pat");
            await().atMost(Duration.ofSeconds(90)).until(() -> publications(post) == 1);

            assertThat(jdbc.queryForList("select action from audit_event where process_instance_id = ? order by id",
                    String.class, pause)).startsWith("publishing-paused", "publishing-resumed");
        } finally {
            TasklistBrowser.publishScreenshots(STEPS, SCREENSHOTS, "pause");
        }
        assertThat(formsOpened).as("every form of pause-publishing is opened in the browser")
                .containsExactlyInAnyOrder(forms().all().toArray(String[]::new));
    }

    /** A checkbox, scrolled into view first (Tasklist's fixed footer would otherwise take the click). */
    private static void tick(TasklistBrowser browser, String id) {
        org.openqa.selenium.WebElement box = browser.field(id);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
        box.click();
    }

    private void approve(String process) {
        complete(process, "privacyReview", "pat", "privacy");
        complete(process, "legalReview", "lee", "legal");
        complete(process, "brandReview", "bria", "brand");
        complete(process, "departmentSignoff", "carl", "dept-heads", "dept-cardiology");
    }

    private void complete(String process, String taskKey, String user, String... groups) {
        new org.carepost.ReviewApprovals(tasks, identity).approve(process, taskKey, user, groups);
    }

    private int publications(String contentId) {
        return jdbc.queryForObject("select count(*) from publication where content_id = ?::uuid and status = 'PUBLISHED'",
                Integer.class, contentId);
    }

    private ModelForms forms() {
        return new ModelForms(repository, "pause-publishing");
    }
}
