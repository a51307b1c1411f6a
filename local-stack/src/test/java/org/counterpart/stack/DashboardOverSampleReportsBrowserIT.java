package org.counterpart.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a reader first meets it: the local stack as {@code ./run-local.sh} starts it, with its sample
 * reports, in a real Chromium on a desktop (1366 px), on a phone (390 px) and in Chinese; then from a claim to the
 * figure in facts-service's report view. Leaves the README's screenshots in target/ (dashboard-desktop.png,
 * dashboard-phone.png, dashboard-zh.png, report-view.png). Skips where no Chromium is installed at /usr/bin/chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardOverSampleReportsBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Dimension DESKTOP = new Dimension(1366, 1750);
    private static final Dimension PHONE = new Dimension(390, 1500);

    private LocalStack stack;
    private StackClient client;
    private WebDriver browser;

    @BeforeAll
    void startStackWithSamplesAndBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium not installed (/usr/bin/chromium, /usr/bin/chromedriver): sample dashboard browser test "
                        + "skipped. Install with: apt-get install -y chromium chromium-driver");
        StackSettings settings = TestStacks.settings("samples");
        stack = new LocalStack(settings);
        stack.start();
        client = new StackClient(settings);
        int posted = new SampleReports(settings.url(settings.ingestPort()), settings.access()).load();
        assertEquals(SampleReports.SAMPLES.size(), posted);
        awaitQuietTotals();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("sample-dashboard-chromium"),
                "--window-size=1366,1750", "--lang=en-GB",
                "--force-prefers-reduced-motion");  // charts drawn at once, not caught mid-animation
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options);
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
    void samplesOnDesktopPhoneAndInChineseThenAClaimAtItsFigure() throws Exception {
        String dashboard = stack.settings().url(stack.settings().metricsPort()) + "/dashboard";
        WebDriverWait wait = waitFor();

        browser.manage().window().setSize(DESKTOP);
        browser.get(dashboard + "?lang=en");
        awaitDrawn(wait);
        assertTrue(headline("funds_cny").endsWith("CNY"), headline("funds_cny"));
        assertNoSidewaysScroll();
        screenshot("dashboard-desktop.png");

        browser.get(dashboard + "?lang=zh");
        awaitDrawn(wait);
        wait.until(d -> headline("funds_cny").endsWith("元"));
        assertEquals("帮扶资金", browser.findElement(By.cssSelector(".headline[data-metric=funds_cny] [data-role=label]")).getText());
        assertTrue(browser.findElements(By.cssSelector("#pairs tbody .pair-name")).stream().map(WebElement::getText)
                .anyMatch(name -> name.matches(".*[\\u4e00-\\u9fff].* → .*[\\u4e00-\\u9fff].*")), "region names in Chinese");
        screenshot("dashboard-zh.png");

        browser.manage().window().setSize(PHONE);
        browser.get(dashboard + "?lang=en");
        awaitDrawn(wait);
        assertNoSidewaysScroll();
        screenshot("dashboard-phone.png");

        // From the largest funds total's first used claim to its figure, highlighted in the report view.
        browser.manage().window().setSize(DESKTOP);
        browser.get(dashboard + "?lang=en");
        awaitDrawn(wait);
        WebElement total = browser.findElements(By.cssSelector("#pairs tbody button.total[data-metric=funds_cny]")).get(0);
        total.click();
        String href = wait.until(d -> d.findElements(By.cssSelector("#drill ol.used a.claim-link")).stream()
                .map(a -> a.getAttribute("href")).findFirst().orElse(null));
        String reportId = href.substring(href.indexOf("?id=") + "?id=".length(), href.indexOf("&fact="));
        String factId = href.substring(href.indexOf("&fact=") + "&fact=".length());
        JsonNode fact = null;
        for (JsonNode each : client.get(stack.settings().factsPort(), "/facts?reportId=" + reportId)) {
            fact = factId.equals(each.get("id").asText()) ? each : fact;
        }
        assertTrue(fact != null, "fact " + factId + " of report " + reportId);
        JsonNode evidence = fact.get("evidence");
        browser.get(href);
        WebElement figure = wait.until(d -> d.findElements(By.cssSelector("#text mark.figure.target")).stream()
                .findFirst().orElse(null));
        String text = client.get(stack.settings().factsPort(), "/reports/" + reportId).get("text").asText();
        assertEquals(text.substring(evidence.get("figureStart").asInt(), evidence.get("figureEnd").asInt()), figure.getText());
        assertFalse(figure.getAttribute("title").isBlank(), "the figure's reading shows on hover");
        screenshot("report-view.png");
    }

    /** Waits until the totals stop moving: every sample report has been read and counted. */
    private void awaitQuietTotals() throws Exception {
        String last = null;
        long quietSince = System.nanoTime();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String now = client.get(stack.settings().metricsPort(), "/totals/grand").toString();
            if (!now.equals(last)) {
                last = now;
                quietSince = System.nanoTime();
            } else if (now.contains("funds_cny") && System.nanoTime() - quietSince > Duration.ofSeconds(8).toNanos()) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("totals still moving or empty after " + PATIENCE + ": " + last);
    }

    private void awaitDrawn(WebDriverWait wait) {
        wait.until(d -> !headline("funds_cny").equals("–") && d.findElements(By.cssSelector("#pairs tbody tr[data-donor]")).size() > 1);
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const c = window.echarts && echarts.getInstanceByDom(document.getElementById('flows'));"
                        + "return !!c && c.getOption().series[0].links.length > 0;")));
    }

    private String headline(String metric) {
        return browser.findElement(By.cssSelector(".headline[data-metric=" + metric + "] [data-role=value]")).getText();
    }

    private void assertNoSidewaysScroll() {
        @SuppressWarnings("unchecked")
        Map<String, Number> widths = (Map<String, Number>) ((JavascriptExecutor) browser).executeScript(
                "return {page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth};");
        assertTrue(widths.get("page").intValue() <= widths.get("view").intValue(), "scrolls sideways: " + widths);
    }

    private WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.JavascriptException.class);
        return wait;
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
