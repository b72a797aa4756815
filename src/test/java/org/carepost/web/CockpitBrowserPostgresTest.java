package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrator in Cockpit, in headless Chromium: admin logs in once through the webapps' login page, and
 * Cockpit shows the running content-approval instance of a draft in review and its incident (a job whose retries
 * were set to 0, as a failed publication leaves it). Before identity.IdentitySetup granted camunda-admin ALL on every
 * resource, Cockpit showed admin no process, instance or incident. Screenshots: target/browser-screenshots/cockpit-NN-*.png.
 */
@PostgresApplicationTest
class CockpitBrowserPostgresTest {

    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    @LocalServerPort
    int port;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    private int step;

    @Test
    void theAdministratorSeesARunningContentApprovalInstanceAndItsIncidentInCockpit() {
        ApiClient.Reply draft = new ApiClient(port).post("/api/content", "alice", ContentJourneyPostgresTest.draft(
                "Flu shots all week.", "[\"linkedin\"]", Instant.now().plusSeconds(86_400)));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String pid = draft.json().get("processInstanceId").asText();
        Job job = managementService.createJobQuery().processInstanceId(pid).list().get(0);
        managementService.setJobRetries(job.getId(), 0); // as the engine: a failedJob incident, deterministically
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pid).count()).isEqualTo(1);
        String definitionId = runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult()
                .getProcessDefinitionId();

        try (TasklistBrowser browser = new TasklistBrowser(port, SCREENSHOTS.resolve("cockpit-tasklist-steps"))) {
            WebDriver driver = browser.driver();
            try {
                browser.loginAs("admin");
                String cockpit = "http://127.0.0.1:" + port + "/camunda/app/cockpit/default/";
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));

                // The processes list: content approval is there, with its running instances and incidents.
                driver.get(cockpit + "#/processes");
                By row = By.xpath("//tr[.//a[normalize-space()='content-approval']]");
                wait.until(d -> !d.findElements(row).isEmpty());
                // "<incidents> <running instances> content-approval Content approval": at least one of each.
                assertThat(driver.findElement(row).getText()).matches("(?s)\\s*[1-9]\\d*\\s+[1-9]\\d*\\s+content-approval.*");
                shot(driver, "processes");

                // The definition's running instances include the draft's.
                driver.get(cockpit + "#/process-definition/" + definitionId + "/runtime");
                wait.until(d -> body(d).contains(pid));
                shot(driver, "content-approval-instances");

                // The instance and its incident.
                driver.get(cockpit + "#/process-instance/" + pid + "/runtime?tab=incidents-tab");
                wait.until(d -> body(d).contains(pid));
                wait.until(d -> body(d).contains("Failed Job"));
                shot(driver, "instance-incident");

                // Its Variables tab shows the administrator the draft's view (so the tab below, empty for operations,
                // is the same tab with the same variables).
                driver.get(cockpit + "#/process-instance/" + pid + "/runtime?tab=variables-tab");
                wait.until(d -> body(d).contains("draftView"));
                shot(driver, "instance-variables-admin");
            } catch (RuntimeException | AssertionError e) {
                shot(driver, "failed");
                throw e;
            } finally {
                managementService.setJobRetries(job.getId(), 1); // other tests of this database see no incident of ours
            }
        }
    }

    /**
     * Operations in Cockpit (enforceSpecificVariablePermission, IdentitySetup.operationsInCockpit): otto sees the
     * processes with their incident counts, the draft's instance and its "Failed Job" incident, retries the job with
     * the incident's retry button, and finds the instance's Variables tab without draftView or the draft's text.
     */
    @Test
    void operationsSeeTheIncidentInCockpitRetryItAndReadNoVariableOfTheDraft() {
        ApiClient.Reply draft = new ApiClient(port).post("/api/content", "alice", ContentJourneyPostgresTest.draft(
                "Flu shots all week.", "[\"linkedin\"]", Instant.now().plusSeconds(86_400)));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String pid = draft.json().get("processInstanceId").asText();
        Job job = managementService.createJobQuery().processInstanceId(pid).list().get(0);
        managementService.setJobRetries(job.getId(), 0);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pid).count()).isEqualTo(1);

        try (TasklistBrowser browser = new TasklistBrowser(port, SCREENSHOTS.resolve("cockpit-tasklist-steps"))) {
            WebDriver driver = browser.driver();
            try {
                browser.loginAs("otto");
                String cockpit = "http://127.0.0.1:" + port + "/camunda/app/cockpit/default/";
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));

                driver.get(cockpit + "#/processes");
                By row = By.xpath("//tr[.//a[normalize-space()='content-approval']]");
                wait.until(d -> !d.findElements(row).isEmpty());
                assertThat(driver.findElement(row).getText()).matches("(?s)\\s*[1-9]\\d*\\s+[1-9]\\d*\\s+content-approval.*");
                shot(driver, "operations-processes");

                driver.get(cockpit + "#/process-instance/" + pid + "/runtime?tab=incidents-tab");
                wait.until(d -> body(d).contains(pid));
                wait.until(d -> body(d).contains("Failed Job"));
                shot(driver, "operations-instance-incident");

                // The incident's retry button, then the dialog's Retry: the job has a retry again, the incident is gone.
                driver.findElement(By.cssSelector("a.action-button[ng-click^='openJobRetryDialog']")).click();
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='incrementRetry()']")))
                        .click();
                wait.until(d -> managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries() == 1);
                wait.until(d -> runtimeService.createIncidentQuery().processInstanceId(pid).count() == 0);
                shot(driver, "operations-retried");

                // The Variables tab: Cockpit's variable query answers nothing (the administrator's showed draftView).
                driver.get(cockpit + "#/process-instance/" + pid + "/runtime?tab=variables-tab");
                wait.until(d -> body(d).contains(pid));
                wait.until(d -> body(d).contains("No process variables"));
                assertThat(body(driver)).doesNotContain("draftView").doesNotContain("Flu shots all week.");
                shot(driver, "operations-instance-variables");
            } catch (RuntimeException | AssertionError e) {
                shot(driver, "operations-failed");
                throw e;
            } finally {
                managementService.setJobRetries(job.getId(), 1);
            }
        }
    }

    private static String body(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }

    private void shot(WebDriver driver, String name) {
        step++;
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(String.format("cockpit-%02d-%s.png", step, name)),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
