package org.counterpart.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An analyst's review, from the review page to the dashboard, across the three services as built (each in its own
 * JVM) over one Kafka broker and one PostgreSQL server: one fact confirmed and one corrected through facts-service's
 * review page, then both seen, with their reviews, in metrics-service's dashboard drill-down. Skips where no
 * Chromium is installed at /usr/bin/chromium (CI installs Debian's chromium and chromium-driver).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewToDashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String REPORT = """
            Weihai and Longnan Compare Notes

            In 2020 Weihai transferred 73 million yuan of assistance funds to Longnan, and Weihai carried out \
            26 poverty-relief projects in Longnan that year.
            """;

    private LocalStack stack;
    private StackClient client;
    private WebDriver browser;
    private Path profileDir;

    @BeforeAll
    void startStackAndBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium not installed (/usr/bin/chromium, /usr/bin/chromedriver): review-to-dashboard browser test "
                        + "skipped. Install with: apt-get install -y chromium chromium-driver");
        Path root = Path.of("").toAbsolutePath().getParent();
        Path home = Files.createTempDirectory("counterpart-review");
        // open writes, as on the local sandbox: the page's reviews are the caller 'local'
        StackSettings settings = new StackSettings(root, home, freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), StackAccess.open());
        stack = new LocalStack(settings);
        stack.start();
        client = new StackClient(settings);

        profileDir = Files.createTempDirectory("review-dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-dev-shm-usage", "--user-data-dir=" + profileDir,
                "--window-size=1280,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aFactConfirmedAndOneCorrectedOnTheReviewPageShowInTheDashboardDrillDown() throws Exception {
        String reportId = client.postText(REPORT);
        client.awaitTotal("projects", r -> StackClient.pair(r, "Weihai", "Longnan"), PATIENCE);
        client.awaitTotal("funds_cny", r -> StackClient.pair(r, "Weihai", "Longnan"), PATIENCE);
        String funds = factId(reportId, "funds_cny");
        String projects = factId(reportId, "projects");
        int facts = stack.settings().factsPort();
        WebDriverWait wait = waitFor(browser);

        browser.get(stack.settings().url(facts) + "/review/");
        wait.until(d -> queueIds().containsAll(List.of(funds, projects)));
        moveTo(funds);
        keys("c");
        wait.until(d -> !queueIds().contains(funds));

        moveTo(projects);
        keys("e");
        WebElement value = wait.until(d -> d.findElement(By.cssSelector(item(projects) + " form.correct [name=value]")));
        value.clear();
        value.sendKeys("28", Keys.ENTER);
        wait.until(d -> !queueIds().contains(projects));
        screenshot("review-to-dashboard-queue.png");

        // the reviews reach the totals through the facts topic
        JsonNode corrected = client.awaitTotal("projects", r -> StackClient.pair(r, "Weihai", "Longnan")
                && r.get("total").asLong() == 28, PATIENCE);
        assertEquals(1.0, corrected.get("reviewedShare").asDouble(), corrected.toString());

        browser.get(stack.settings().url(stack.settings().metricsPort()) + "/dashboard");
        String fundsDrill = drill("funds_cny", wait);
        assertTrue(fundsDrill.contains("73 million CNY"), fundsDrill);
        assertTrue(fundsDrill.contains("confirmed by local"), fundsDrill);
        String projectsDrill = drill("projects", wait);
        assertTrue(projectsDrill.contains("28 projects"), projectsDrill);
        assertTrue(projectsDrill.contains("corrected by local"), projectsDrill);
        // the corrected claim opens facts-service's report view at its figure
        String reportView = stack.settings().url(facts) + "/review/report.html?id=" + reportId + "&fact=" + projects;
        assertTrue(browser.findElements(By.cssSelector("#drill .claim a.claim-link")).stream()
                .anyMatch(a -> reportView.equals(a.getAttribute("href"))), "a claim links to " + reportView);
        screenshot("review-to-dashboard-drilldown.png");
    }

    private String factId(String reportId, String metric) throws Exception {
        JsonNode facts = client.get(stack.settings().factsPort(), "/facts?reportId=" + reportId + "&metric=" + metric);
        assertEquals(1, facts.size(), metric + " facts of the report: " + facts);
        return facts.get(0).get("id").asText();
    }

    /** Opens the drill-down of the pair's total for the metric, answering its text once it shows the pair. */
    private String drill(String metric, WebDriverWait wait) {
        WebElement close = browser.findElements(By.cssSelector("#drill [data-role=close]")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null);
        if (close != null) {
            close.click();
        }
        wait.until(d -> d.findElements(By.cssSelector("#pairs tbody tr")).stream()
                .anyMatch(row -> "Weihai".equals(row.getAttribute("data-donor"))));
        browser.findElements(By.cssSelector("#pairs tbody tr")).stream()
                .filter(row -> "Weihai".equals(row.getAttribute("data-donor"))
                        && "Longnan".equals(row.getAttribute("data-recipient")))
                .findFirst().orElseThrow()
                .findElement(By.cssSelector("button.total[data-metric=" + metric + "]")).click();
        return wait.until(d -> {
            WebElement panel = d.findElement(By.id("drill"));
            String text = panel.getText();
            return panel.isDisplayed() && text.contains("Weihai → Longnan") && text.contains(" by local") ? text : null;
        });
    }

    private WebDriverWait waitFor(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static String item(String factId) {
        return "#queue li.item[data-fact-id='" + factId + "']";
    }

    private List<String> queueIds() {
        return browser.findElements(By.cssSelector("#queue li.item")).stream()
                .map(e -> e.getAttribute("data-fact-id")).toList();
    }

    /** j through the queue (k back once past its end) until the fact is the current one. */
    private void moveTo(String factId) {
        for (int i = 0; i < 40 && !factId.equals(currentId()); i++) {
            keys(i < 20 ? "j" : "k");
        }
        assertEquals(factId, currentId());
    }

    private String currentId() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const c = document.querySelector('#queue li.item.current'); return c ? c.dataset.factId : null;");
    }

    private void keys(String keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
