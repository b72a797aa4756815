package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.offboarding.OffboardingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Offboarding in the browser: otto (operations) starts "Offboard user" from Tasklist's start form (a refused request
 * first), bria (brand) ticks the leaver's account on the checklist, the head of department sees the leaver's draft
 * with its notice, the auditor reads the offboarding page. Screenshots: target/browser-screenshots/offboard-NN-*.png.
 */
@PostgresApplicationTest
class OffboardingBrowserPostgresTest {

    /** Manages linkedin/default (application-itest.yml): a fixed id, reset at each run. */
    private static final String IVO = "ivo";
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Path STEPS = SCREENSHOTS.resolve("offboard-steps");

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    private final Set<String> formsOpened = new LinkedHashSet<>();

    @BeforeEach
    void tasklistShowsOnlyThisTestsTasks() {
        // Other test classes (and an earlier failed run) leave brand tasks in the shared database: undated ones sort
        // last in "My groups' tasks", past what Tasklist loads, and another leaver's rotation looks like Ivo's.
        for (String key : List.of("content-approval", "consent-capture", "offboard-user")) {
            List<String> others = runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
                    .stream().map(ProcessInstance::getId).toList();
            if (!others.isEmpty()) {
                runtime.deleteProcessInstances(others, "browser test starts from an empty Tasklist", true, true);
            }
        }
    }

    @Test
    void operationsOffboardsALeaverFromTasklistAndBrandTicksTheChecklist() throws IOException {
        resetIvo();
        // No identifier-shaped token in the title: the PHI scan would stop the draft at "Resolve PHI".
        String title = "Oncology open day (browser offboarding)";
        ApiClient api = new ApiClient(port);
        ApiClient.Reply draft = api.post("/api/content", IVO, "{\"title\":\"" + title + "\",\"kind\":\"education\","
                + "\"department\":\"oncology\",\"text\":\"Our oncology ward opens its doors on Saturday.\","
                + "\"platforms\":[\"linkedin\"],\"publishAt\":\"" + Instant.now().plus(Duration.ofDays(9)) + "\"}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        Instant before = Instant.now();
        try (TasklistBrowser browser = new TasklistBrowser(port, STEPS)) {
            browser.loginAs("otto");
            browser.openStartForm("Offboard user");
            formsOpened.add(forms().startForm());
            // Nobody offboards themselves: the form says so and nothing starts.
            browser.type("userId", "otto");
            browser.type("leavingDate-date", today());
            browser.field("leavingDate-date").sendKeys(org.openqa.selenium.Keys.TAB);
            assertThat(browser.startRefused()).contains("you cannot offboard yourself");
            browser.type("userId", IVO);
            browser.startProcess();

            String offboarding = jdbc.queryForObject("select id from offboarding where user_id = ? and started_at >= ?",
                    String.class, IVO, java.sql.Timestamp.from(before));
            await().atMost(Duration.ofSeconds(90)).until(() -> tasks.createTaskQuery().processInstanceId(offboarding)
                    .taskDefinitionKey("rotateCredentials").count() == 1);
            assertThat(api.get("/api/calendar", IVO).status()).as("locked").isEqualTo(401);


            browser.loginAs("bria");
            browser.openTask("My groups' tasks", "Rotate credentials of the leaver's accounts");
            formsOpened.add(forms().ofTask("rotateCredentials"));
            assertThat(browser.value("userId")).isEqualTo(IVO);
            assertThat(browser.options("rotated")).containsExactly("linkedin/default");
            browser.check("rotated", 0);
            browser.complete();
            await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
                    .processInstanceId(offboarding).finished().count() == 1);
            assertThat(jdbc.queryForObject("select rotated_by from credential_rotation where offboarding_id = ?",
                    String.class, offboarding)).isEqualTo("bria");

            browser.loginAs("olga");
            assertThat(browser.openPageText("/app/my-drafts")).contains(title, "Handed over to you: Ivo",
                    "(ivo) left on");

            browser.loginAs("audrey");
            assertThat(browser.openPageText("/audit/offboarding")).contains("Ivo", "linkedin", "bria",
                    "credentials-rotated");
        } finally {
            TasklistBrowser.publishScreenshots(STEPS, SCREENSHOTS, "offboard");
        }
        assertThat(formsOpened).as("every form of offboard-user is opened in the browser").containsExactlyInAnyOrder(
                forms().all().toArray(String[]::new));
    }

    private void resetIvo() {
        OffboardingFixtures.staff(identity, jdbc, IVO, "Ivo", "Novak (author, oncology)", "authors", "dept-oncology");
    }

    /** The date picker's format (mm/dd/yyyy), UTC as the browser here. */
    private static String today() {
        LocalDate d = LocalDate.now(ZoneOffset.UTC);
        return String.format("%02d/%02d/%04d", d.getMonthValue(), d.getDayOfMonth(), d.getYear());
    }

    private ModelForms forms() {
        return new ModelForms(repository, "offboard-user");
    }
}
