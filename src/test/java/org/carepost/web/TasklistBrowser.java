package org.carepost.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist in Debian's headless Chromium, driven the way a person uses it: log in, pick a filter, open a
 * task, claim it, fill the Camunda Form, complete. Every step leaves a screenshot under target/browser-screenshots.
 */
final class TasklistBrowser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String tasklist;
    private final Path screenshots;
    private int step;

    TasklistBrowser(int port, Path screenshots) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (.ci/run installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // No background traffic: this machine has no network but loopback.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        this.tasklist = "http://127.0.0.1:" + port + "/camunda/app/tasklist/default/";
        this.screenshots = screenshots;
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a journey's step screenshots from {@code steps} to {@code screenshots} as {@code <prefix>-NN-*.png}. */
    static void publishScreenshots(Path steps, Path screenshots, String prefix) throws IOException {
        if (!Files.isDirectory(steps)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(steps)) {
            for (Path file : files.toList()) {
                Files.move(file, screenshots.resolve(prefix + "-" + file.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.deleteIfExists(steps);
    }

    /** Logs out whoever was logged in, and logs in as the user (demo passwords equal the user id). */
    void loginAs(String user) {
        driver.manage().deleteAllCookies();
        driver.get(tasklist);
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]")));
        WebElement password = driver.findElement(By.cssSelector("input[type=password]"));
        name.sendKeys(user);
        password.sendKeys(user);
        try {
            wait.until(d -> user.equals(name.getDomProperty("value")) && user.equals(password.getDomProperty("value")));
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(normalize-space(),'Start process')]")));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("login-failed-" + user); // what the person saw instead of Tasklist
            throw e;
        }
        screenshot("logged-in-" + user);
    }

    /** Opens the start form of a process from the "Start process" dialog. */
    void openStartForm(String processName) {
        click(By.xpath("//a[contains(normalize-space(),'Start process')]"));
        click(By.xpath("//a[contains(normalize-space(),'" + processName + "')]"));
        waitForForm();
        screenshot("start-form");
    }

    void startProcess() {
        screenshot("start-form-filled");
        click(By.cssSelector("button[ng-click='startProcessInstance()']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button[ng-click='startProcessInstance()']")));
        screenshot("started");
    }

    /** Opens the first task with this name in the filter, claims it if needed, and waits for its form. */
    void openTask(String filter, String taskName) {
        click(By.xpath("//a[contains(normalize-space(),\"" + filter + "\")]"));
        try {
            click(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(normalize-space(),\"" + taskName + "\")]"));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("task-not-listed"); // the list the person saw
            throw e;
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h2[contains(normalize-space(),\"" + taskName
                + "\")] | //*[contains(@class,'task-details')]//*[contains(normalize-space(),\"" + taskName + "\")]")));
        if (!driver.findElements(By.cssSelector("button.claim")).isEmpty()) {
            click(By.cssSelector("button.claim"));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        }
        waitForForm();
        screenshot("task-" + taskName);
    }

    /** Form field by its component id: Camunda Forms give inputs the HTML id fjs-form-<random>-<component id>. */
    WebElement field(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-" + id + "']")));
    }

    void type(String id, String text) {
        WebElement field = field(id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * A datetime component (date and time subfields): types the date as the picker shows it (mm/dd/yyyy) and the time
     * (hh:mm), in the browser's time zone (UTC here).
     */
    void dateTime(String id, java.time.LocalDateTime at) {
        type(id + "-date", String.format("%02d/%02d/%04d", at.getMonthValue(), at.getDayOfMonth(), at.getYear()));
        field(id + "-date").sendKeys(org.openqa.selenium.Keys.TAB);
        type(id + "-time", String.format("%02d:%02d", at.getHour(), at.getMinute()));
        field(id + "-time").sendKeys(org.openqa.selenium.Keys.TAB);
    }

    /** A select component: open its list and pick the option by label. */
    void select(String id, String label) {
        click(By.cssSelector("[id$='-" + id + "-display']"));
        click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']"));
    }

    /** A radio or checklist option by its position. */
    void check(String id, int option) {
        click(By.cssSelector("[id$='-" + id + "-" + option + "']"));
    }

    /** The option of a radio component whose label contains this text (options computed per form, say). */
    void choose(String id, String label) {
        click(By.xpath("//label[contains(@for,'-" + id + "-') and contains(normalize-space(),\"" + label
                + "\")]/input"));
    }

    /** The message of the notification Tasklist shows (an error after a refused form, say), once it appears. */
    String notification() {
        // The start dialog has a notifications panel of its own; either may show it.
        return wait.until(d -> d.findElements(By.cssSelector("[notifications-panel] .message")).stream()
                .map(e -> e.getAttribute("textContent").strip()).filter(t -> !t.isEmpty()).findFirst().orElse(null));
    }

    /** A CarePost page (under /app) in the same browser session as Tasklist: its text, after a screenshot. */
    String openPageText(String path) {
        driver.get(tasklist.substring(0, tasklist.indexOf("/camunda/")) + path);
        String text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main"))).getText();
        screenshot("page" + path.replaceAll("[^A-Za-z]+", "-"));
        return text;
    }

    /** Follows a link of the open form (to a CarePost page) in this window. */
    void followLink(String text) {
        click(By.partialLinkText(text));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main")));
        screenshot("followed-" + text);
    }

    /** A file input of a CarePost page. */
    void upload(String htmlId, Path file) {
        driver.findElement(By.id(htmlId)).sendKeys(file.toAbsolutePath().toString());
    }

    /** The shared filters the logged-in user sees. */
    java.util.List<String> filterNames() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter h4.name a")));
        return driver.findElements(By.cssSelector(".task-filter h4.name a")).stream()
                .map(e -> e.getText().replaceAll("\\s+\\d+$", "").strip()).toList();
    }

    /**
     * Clicks "Complete" on a form that is not filled in: the form shows what is missing on each field and is not
     * submitted. Returns the message on the field with this component id.
     */
    String completeIncomplete(String id) {
        click(By.cssSelector("button[ng-click='complete()']"));
        String message = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id$='-" + id + "-error-message']"))).getText();
        screenshot("incomplete");
        closeNotifications();
        return message;
    }

    /** Closes Tasklist's notifications (they would cover the form's buttons). */
    void closeNotifications() {
        wait.until(d -> {
            d.findElements(By.cssSelector("[notifications-panel] button.close")).stream()
                    .filter(org.openqa.selenium.WebElement::isDisplayed).forEach(org.openqa.selenium.WebElement::click);
            return d.findElements(By.cssSelector("[notifications-panel] button.close")).stream()
                    .noneMatch(org.openqa.selenium.WebElement::isDisplayed);
        });
    }

    /** Whether a form field (by component id) is on the form now. */
    boolean isShown(String id) {
        return !driver.findElements(By.cssSelector("[id$='-" + id + "']")).isEmpty();
    }

    /** The option labels of a radio component. */
    java.util.List<String> options(String id) {
        field(id + "-0");
        return driver.findElements(By.xpath("//label[contains(@for,'-" + id + "-')]")).stream()
                .map(e -> e.getText().strip()).toList();
    }

    /** A field of a CarePost page by its HTML id (a date input takes the date as the browser shows it). */
    void type2(String htmlId, String text) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(htmlId)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        if (!"date".equals(field.getAttribute("type"))) {
            field.clear();
        }
        field.sendKeys(text);
    }

    void clickId(String id) {
        click(By.id(id));
    }

    /** The text of an element, scrolled into view (for the next screenshot). */
    String text(By by) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element.getText();
    }

    String value(String id) {
        return field(id).getAttribute("value");
    }

    void complete() {
        screenshot("filled");
        click(By.cssSelector("button[ng-click='complete()']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button[ng-click='complete()']")));
        screenshot("completed");
    }

    /** Clicks "Complete" on a form the server will refuse; returns the sentence Tasklist shows, the form stays. */
    String completeRefused() {
        click(By.cssSelector("button[ng-click='complete()']"));
        String message = notification();
        screenshot("refused");
        closeNotifications();
        return message;
    }

    /** Clicks "Start" on a start form the server will refuse; returns the sentence Tasklist shows. */
    String startRefused() {
        click(By.cssSelector("button[ng-click='startProcessInstance()']"));
        String message = notification();
        screenshot("start-refused");
        closeNotifications();
        return message;
    }

    void screenshot(String name) {
        step++;
        Path file = screenshots.resolve(String.format("%02d-%s.png", step, name.replaceAll("[^A-Za-z0-9-]+", "-")));
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitForForm() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container input, .fjs-container textarea")));
    }

    private void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        // Long forms scroll inside Tasklist's pane; the fixed footer would otherwise take the click.
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
