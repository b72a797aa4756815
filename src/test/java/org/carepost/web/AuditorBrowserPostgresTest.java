package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auditor's journey in headless Chromium: audrey logs in once through the webapps' login page, finds "Audit
 * trail" in Tasklist's and Cockpit's header, follows it to /audit, filters by department and status, pages, and reads
 * a draft's trail in people's words, every time in her browser's zone (Europe/Paris here). A privacy officer sees no
 * such link. Screenshots: target/browser-screenshots/audit-NN-*.png.
 */
@PostgresApplicationTest
class AuditorBrowserPostgresTest {

    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private int step;

    @Test
    void theAuditorFollowsTheHeaderLinkFiltersAndPagesAndReadsATrail() {
        AuditSeed.seed(new ApiClient(port), jdbc);
        // TasklistBrowser's own step screenshots go to a folder of their own; this journey's are audit-NN-*.png.
        try (TasklistBrowser browser = new TasklistBrowser(port, SCREENSHOTS.resolve("audit-tasklist-steps"))) {
            WebDriver driver = browser.driver();
            try {
                journey(browser, driver);
            } catch (RuntimeException | AssertionError e) {
                shot(driver, "failed");
                throw e;
            }
        }
    }

    private void journey(TasklistBrowser browser, WebDriver driver) {
        {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            // The viewer's zone: the pages show every time in it.
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Paris"));

            // A privacy officer: "My drafts" in the header, no "Audit trail".
            browser.loginAs("pat");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("carepost-my-drafts")));
            assertThat(driver.findElements(By.id("carepost-audit"))).isEmpty();
            shot(driver, "tasklist-privacy-officer-no-audit-link");

            // The auditor logs in through the webapps' login page; the link is in Tasklist's header ...
            browser.loginAs("audrey");
            WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("carepost-audit")));
            assertThat(link.getText()).isEqualTo("Audit trail");
            assertThat(link.getAttribute("href")).endsWith("/audit");
            shot(driver, "tasklist-header-link");

            // ... and in Cockpit's, with the same login; she follows it from there.
            driver.get("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/");
            link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("carepost-audit")));
            shot(driver, "cockpit-header-link");
            link.click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("items")));
            assertThat(driver.getCurrentUrl()).endsWith("/audit");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("CarePost audit: content items");
            shot(driver, "list");

            // Filter: cardiology, waiting for privacy review, 10 a page.
            new Select(driver.findElement(By.id("department"))).selectByValue("cardiology");
            new Select(driver.findElement(By.id("status"))).selectByVisibleText("waiting for privacy review");
            new Select(driver.findElement(By.id("size"))).selectByValue("10");
            shot(driver, "filter-chosen");
            driver.findElement(By.id("apply")).click();
            wait.until(ExpectedConditions.urlContains("status=privacy-review"));
            assertThat(driver.getCurrentUrl()).contains("department=cardiology").contains("size=10")
                    .contains("tz=Europe%2FParis");
            String count = driver.findElement(By.id("count")).getText();
            assertThat(count).startsWith("Items 1–10 of ").contains("(Cardiology; waiting for privacy review)")
                    .contains("waiting for privacy review").endsWith("page 1 of " + pages(count) + ".");
            List<WebElement> statuses = driver.findElements(By.cssSelector("#items td.status"));
            assertThat(statuses).hasSize(10).allSatisfy(s -> assertThat(s.getText()).startsWith("waiting for privacy review"));
            // Times in the viewer's zone, to the second; the UTC time stays in the tooltip.
            WebElement submitted = driver.findElement(By.cssSelector("#items time"));
            assertThat(submitted.getAttribute("data-zone")).isEqualTo("Europe/Paris");
            assertThat(submitted.getText()).matches("\\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}:\\d{2} (CET|CEST)");
            assertThat(submitted.getAttribute("title")).endsWith(" UTC");
            assertThat(driver.findElement(By.cssSelector("[data-viewer-zone]")).getText()).contains("Europe/Paris");
            shot(driver, "filtered-cardiology-privacy-review");

            // The next page keeps the filter.
            driver.findElement(By.id("next")).click();
            wait.until(ExpectedConditions.urlContains("page=2"));
            assertThat(driver.getCurrentUrl()).contains("department=cardiology").contains("status=privacy-review");
            assertThat(driver.findElement(By.id("count")).getText()).startsWith("Items 11–");
            shot(driver, "filtered-page-2");

            // Sorted by status, then the testimonial that waits for the patient's authorization.
            driver.get("http://127.0.0.1:" + port + "/audit?status=authorization&kind=testimonial");
            WebElement testimonial = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.linkText("Testimonial awaiting authorization")));
            assertThat(driver.findElement(By.cssSelector("#items td.status")).getText())
                    .isEqualTo("waiting for patient authorization");
            shot(driver, "waiting-for-authorization");
            testimonial.click();
            WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
            assertThat(status.getText()).isEqualTo("Status: waiting for patient authorization");
            assertThat(driver.findElement(By.tagName("table")).getText()).contains("kind Patient testimonial")
                    .contains("department Cardiology").contains("author Alice Moreau (author, cardiology) (user alice)");
            String trail = driver.findElement(By.id("trail")).getText();
            assertThat(trail).contains("Alice Moreau (author, cardiology) submitted the draft (version 1)")
                    .contains("CarePost sent the patient the authorization request letter")
                    .contains("\u2018Choose or record the patient's authorization\u2019 opened for Privacy / HIPAA reviewers")
                    .doesNotContain("operation").doesNotContain("IN_REVIEW");
            scrollTo(driver, By.id("trail"));
            shot(driver, "testimonial-trail");

            // A draft of the first filter: its trail, in the same words.
            driver.get("http://127.0.0.1:" + port + "/audit?department=cardiology&status=privacy-review&sort=title");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Cardiology post 01"))).click();
            trail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trail"))).getText();
            assertThat(trail).contains("\u2018Review privacy (HIPAA)\u2019 opened for Privacy / HIPAA reviewers")
                    .contains("CarePost routed version 1 to its reviews");
            scrollTo(driver, By.id("trail"));
            shot(driver, "cardiology-post-trail");
        }
    }

    /** The page count at the end of "Items 1–10 of 23 (...); page 1 of 3." */
    private static String pages(String count) {
        return count.substring(count.lastIndexOf(" of ") + 4, count.length() - 1);
    }

    private static void scrollTo(WebDriver driver, By by) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", driver.findElement(by));
    }

    private void shot(WebDriver driver, String name) {
        step++;
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(String.format("audit-%02d-%s.png", step, name)),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
