package org.counterpart.metrics.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.counterpart.metrics.it.FactsTopic.asCumulative;
import static org.counterpart.metrics.it.FactsTopic.regional;
import static org.counterpart.metrics.it.FactsTopic.replaced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The dashboard in a real (headless) Chromium against the running service, with facts published on the topic:
 * headline figures, the drill-down to evidence sentences, report text with tags shown as text, live updates.
 * Leaves screenshots in target/dashboard.png, target/dashboard-review.png and target/dashboard-drilldown.png.
 * Skips where no Chromium is installed at /usr/bin/chromium (CI installs the Debian packages chromium and
 * chromium-driver).
 */
@QuarkusTest
@TestProfile(DashboardProfile.class)
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String HOSTILE = "Ningbo <b>bold</b> gave 350 million yuan "
            + "<script>window.__pwned = true;</script> to Qianxinan in 2020.";

    static final String[] GUANGDONG = {"Guangdong", "440000", "province"};
    static final String[] GUANGXI = {"Guangxi", "450000", "province"};
    static final String[] SHENZHEN = {"Shenzhen", "440300", "prefecture"};
    static final String[] BAISE = {"Baise", "451000", "prefecture"};
    static final String[] HECHI = {"Hechi", "451200", "prefecture"};
    static final String[] SUZHOU = {"Suzhou", "320500", "prefecture"};
    static final String[] TONGREN = {"Tongren", "520600", "prefecture"};
    static final String[] DALIAN = {"Dalian", "210200", "prefecture"};
    static final String[] LIUPANSHUI = {"Liupanshui", "520200", "prefecture"};
    static final String[] NINGBO = {"Ningbo", "330200", "prefecture"};
    static final String[] QIANXINAN = {"Qianxinan", "522300", "prefecture"};
    static final String[] YUNNAN = {"Yunnan", "530000", "province"};

    /** The Suzhou report with a corrected figure, and that fact: claims link to it in facts-service's report view. */
    private static final String CORRECTED_REPORT = "report-" + UUID.randomUUID();
    private static final String CORRECTED_FACT = "fact-" + UUID.randomUUID();

    private static WebDriver browser;
    private static Path profileDir;
    private static FactsTopic topic;

    @TestHTTPResource("/dashboard")
    URL dashboard;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium not installed (/usr/bin/chromium, /usr/bin/chromedriver): dashboard browser test skipped. "
                        + "Install with: apt-get install -y chromium chromium-driver");
        profileDir = Files.createTempDirectory("dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-dev-shm-usage", "--user-data-dir=" + profileDir,
                "--window-size=1440,1150", "--lang=en-GB");
        // The installed driver, never a download by Selenium Manager.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1440, 1150));
    }

    /** Once per class, but after Quarkus has set up REST Assured (which it does per test). */
    @BeforeEach
    void publishOnce() {
        if (topic == null) {
            topic = new FactsTopic(DashboardProfile.TOPIC);
            publishFacts();
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (topic != null) {
            topic.close();
            topic = null;
        }
    }

    /**
     * Funds, by pair (2019 unless said):
     * <pre>
     *   Shenzhen -> Baise  880 mn + 940 mn (2020) = 1,820 mn;  Shenzhen -> Hechi 620 mn
     *   Guangdong -> Guangxi own 1,300 mn < children 1,820 + 620 = 2,440 mn        -> 2,440 mn
     *   Suzhou -> Tongren 460 mn (two reports) + 380 mn (2018) = 840 mn             -> Jiangsu -> Guizhou 840 mn
     *     (the 2018 figure corrected by an analyst from the machine's 830 mn: 380 of 840 reviewed, "reviewed 45%")
     *   Dalian -> Liupanshui 487 mn, running total to 30 April 2020                 -> Liaoning -> Guizhou 487 mn
     *   Ningbo -> Qianxinan 350 mn (2020, the hostile evidence)                     -> Zhejiang -> Guizhou 350 mn
     *   grand total = 2,440 + 840 + 487 + 350 = 4,117 mn = "4.12 bn CNY"
     * Reviewed: 380 mn of 4,117 mn = 9.2%, "reviewed 9%".
     * Projects: Baise 126 (2020) + Hechi 88 = 214 (Guangdong -> Guangxi), Tongren 40: 254 projects; a figure of 900
     * projects for Dalian -> Liupanshui was rejected by an analyst and never counts.
     * Workers: Baise 15,300 (2020) + Hechi 9,800 = 25,100, Liupanshui 5,300: 30,400 people.
     * Personnel: the group Shanghai and Guangdong -> Yunnan 837 people (a row of its own, not a headline).
     * Low confidence: Ningbo -> Qianxinan 100 mn (2019), counted only with the box ticked: 4,217 mn = "4.22 bn CNY".
     * </pre>
     */
    private static void publishFacts() {
        publish(regional(GUANGDONG, GUANGXI, "funds_cny", 1_300_000_000L, "CNY", 2019,
                "In 2019 Guangdong allocated 1.3 billion yuan of fiscal aid to Guangxi."));
        publish(regional(SHENZHEN, BAISE, "funds_cny", 880_000_000L, "CNY", 2019,
                "Shenzhen invested 880 million yuan of aid funds in Baise in 2019."),
                regional(SHENZHEN, BAISE, "funds_cny", 940_000_000L, "CNY", 2020,
                        "In 2020 Shenzhen's aid to Baise rose to 940 million yuan."),
                regional(SHENZHEN, BAISE, "projects", 126, "projects", 2020,
                        "126 cooperation projects were implemented in Baise in 2020."),
                regional(SHENZHEN, BAISE, "workers_transferred", 15_300, "people", 2020,
                        "Shenzhen helped 15,300 workers from Baise find jobs in 2020."));
        publish(regional(SHENZHEN, HECHI, "funds_cny", 620_000_000L, "CNY", 2019,
                "Shenzhen provided Hechi with 620 million yuan in 2019."),
                regional(SHENZHEN, HECHI, "projects", 88, "projects", 2019, "Shenzhen and Hechi carried out 88 projects in 2019."),
                regional(SHENZHEN, HECHI, "workers_transferred", 9_800, "people", 2019,
                        "9,800 labourers from Hechi were placed in jobs in Shenzhen in 2019."));
        publish(regional(SUZHOU, TONGREN, "funds_cny", 460_000_000L, "CNY", 2019,
                "In 2019, Suzhou allocated 460 million yuan of aid funds to Tongren."),
                regional(SUZHOU, TONGREN, "projects", 40, "projects", 2019, "Suzhou funded 40 projects in Tongren in 2019."));
        Map<String, Object> corrected = regional(SUZHOU, TONGREN, "funds_cny", 380_000_000L, "CNY", 2018,
                "Suzhou gave Tongren 380 million yuan in 2018.");
        corrected.put("id", CORRECTED_FACT);
        corrected.put("review", Map.of("status", "corrected", "changed", false, "by", "lin",
                "at", "2026-11-29T20:00:00Z", "note", "the machine read 830"));
        topic.publish(replaced(CORRECTED_REPORT, 1, List.of(regional(SUZHOU, TONGREN, "funds_cny", 460_000_000L, "CNY", 2019,
                "Suzhou's 460 million yuan for Tongren in 2019 went mainly to rural roads."), corrected)));
        Map<String, Object> rejected = regional(DALIAN, LIUPANSHUI, "projects", 900, "projects", 2019,
                "Dalian plans 900 projects in Liupanshui.");
        rejected.put("review", Map.of("status", "rejected", "changed", false, "by", "lin", "at", "2026-11-29T20:02:00Z"));
        publish(asCumulative(regional(DALIAN, LIUPANSHUI, "funds_cny", 487_000_000L, "CNY", 2020,
                "Up to April 2020, Dalian had given Liupanshui 4.87亿元 of aid."), null, "2020-04-30"),
                regional(DALIAN, LIUPANSHUI, "workers_transferred", 5_300, "people", 2019,
                        "Dalian helped 5,300 workers from Liupanshui find jobs in 2019."),
                rejected);
        publish(regional(NINGBO, QIANXINAN, "funds_cny", 350_000_000L, "CNY", 2020, HOSTILE));
        Map<String, Object> group = regional(YUNNAN, YUNNAN, "personnel_exchanged", 837, "people", 2019,
                "Shanghai and Guangdong sent 837 officials to Yunnan in 2019.");
        Map<String, Object> donor = new java.util.LinkedHashMap<>();
        donor.put("name", "Shanghai and Guangdong");
        donor.put("code", null);
        donor.put("level", "group");
        donor.put("members", List.of(Map.of("name", "Shanghai", "code", "310000", "level", "province"),
                Map.of("name", "Guangdong", "code", "440000", "level", "province")));
        group.put("donor", donor);
        Map<String, Object> unsure = regional(NINGBO, QIANXINAN, "funds_cny", 100_000_000L, "CNY", 2019,
                "Ningbo is said to have given 100 million yuan in 2019.");
        unsure.put("confidence", "low");
        unsure.put("reasons", List.of("party_from_context"));
        publish(group, unsure);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> "4117000000".equals(
                given().queryParam("metric", "funds_cny").when().get("/totals/grand").jsonPath().getString("[0].total")));
    }

    @SafeVarargs
    private static void publish(Map<String, Object>... facts) {
        topic.publish(replaced("report-" + UUID.randomUUID(), 1, List.of(facts)));
    }

    @Test
    void showsHeadlinesDrillDownEvidenceAsTextAndLiveUpdates() throws IOException {
        browser.get(dashboard.toString());
        // The page re-renders when totals change (live updates): elements can go stale between finding and reading.
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);

        wait.until(d -> headline("funds_cny").equals("4.12 bn CNY"));
        assertEquals("254 projects", headline("projects"));
        assertEquals("30,400 people", headline("workers_transferred"));
        assertTrue(detail("funds_cny").startsWith("7 claims"), detail("funds_cny"));
        assertEquals("reviewed 9%", reviewed("funds_cny"));
        assertEquals("reviewed 0%", reviewed("projects"));
        wait.until(d -> d.findElements(By.cssSelector("#pairs tbody tr")).size() >= 9);
        wait.until(d -> ((JavascriptExecutor) d).executeScript(
                "return window.Chart && Chart.getChart(document.getElementById('by-year')) ? true : false;").equals(true));
        screenshot("dashboard.png");

        // Drill down into a total: its claims and the evidence sentences.
        totalButton("Suzhou", "Tongren", "funds_cny").click();
        String drill = wait.until(d -> {
            WebElement panel = d.findElement(By.id("drill"));
            return panel.isDisplayed() && panel.getText().contains("Suzhou → Tongren") ? panel.getText() : null;
        });
        assertTrue(drill.contains("840 mn CNY"), drill);
        assertTrue(drill.contains("reviewed 45% of the total"), drill);
        assertTrue(drill.contains("In 2019, Suzhou allocated 460 million yuan of aid funds to Tongren."), drill);
        assertTrue(drill.contains("Suzhou's 460 million yuan for Tongren in 2019 went mainly to rural roads."), drill);
        String link = wait.until(d -> d.findElement(By.cssSelector("#drill .source a")).getAttribute("href"));
        assertTrue(link.startsWith("http://localhost:8082/review/report.html?id=report-"), link);

        // A claim opens its fact in facts-service's report view, in a new tab, and says who checked it.
        String reportView = "http://localhost:8082/review/report.html?id=" + CORRECTED_REPORT + "&fact=" + CORRECTED_FACT;
        WebElement claimLink = browser.findElements(By.cssSelector("#drill .claim a.claim-link")).stream()
                .filter(a -> reportView.equals(a.getAttribute("href"))).findFirst()
                .orElseThrow(() -> new AssertionError("no claim links to " + reportView + " in " + drill));
        assertEquals("_blank", claimLink.getAttribute("target"));
        assertTrue(claimLink.getAttribute("rel").contains("noopener"), claimLink.getAttribute("rel"));
        WebElement correctedClaim = claimLink.findElement(By.xpath("ancestor::li[contains(@class, 'claim')]"));
        assertTrue(correctedClaim.getText().contains("380 mn CNY"), correctedClaim.getText());
        assertTrue(correctedClaim.getText().contains("corrected by lin"), correctedClaim.getText());
        screenshot("dashboard-review.png");

        // Hostile report text is shown as text: the tags are visible characters, no element, no script run.
        // (the open drill-down lies over the table on a small window: a reader closes it first)
        browser.findElement(By.cssSelector("#drill [data-role=close]")).click();
        wait.until(d -> !d.findElement(By.id("drill")).isDisplayed());
        totalButton("Ningbo", "Qianxinan", "funds_cny").click();
        String evidence = wait.until(d -> d.findElements(By.cssSelector("#drill .evidence")).stream()
                .map(WebElement::getText).filter(text -> text.contains("Ningbo")).findFirst().orElse(null));
        assertEquals(HOSTILE, evidence);
        assertTrue(browser.findElements(By.cssSelector("#drill b, #drill script")).isEmpty());
        assertNull(((JavascriptExecutor) browser).executeScript("return window.__pwned;"));
        screenshot("dashboard-drilldown.png");
        browser.findElement(By.cssSelector("#drill [data-role=close]")).click();

        // Live: a new fact reaches the open page through the event stream, without reloading.
        publish(regional(SHENZHEN, HECHI, "workers_transferred", 1_000, "people", 2020,
                "In 2020 another 1,000 workers from Hechi found jobs in Shenzhen."));
        wait.until(d -> headline("workers_transferred").equals("31,400 people"));

        // A group pair is one row, written as its members, with the members listed.
        String groupRow = wait.until(d -> d.findElements(By.cssSelector("#pairs tbody tr")).stream()
                .filter(row -> "Shanghai and Guangdong".equals(row.getAttribute("data-donor")))
                .map(WebElement::getText).findFirst().orElse(null));
        assertTrue(groupRow.contains("Shanghai + Guangdong → Yunnan"), groupRow);
        assertTrue(groupRow.contains("Shanghai (310000), Guangdong (440000)"), groupRow);

        // Low-confidence facts count only when the reader asks for them.
        browser.findElement(By.id("low-confidence")).click();
        wait.until(d -> headline("funds_cny").equals("4.22 bn CNY"));
        browser.findElement(By.id("low-confidence")).click();
        wait.until(d -> headline("funds_cny").equals("4.12 bn CNY"));
    }

    private String headline(String metric) {
        return browser.findElement(By.cssSelector(".headline[data-metric=" + metric + "] [data-role=value]")).getText();
    }

    private String reviewed(String metric) {
        return browser.findElement(By.cssSelector(".headline[data-metric=" + metric + "] [data-role=reviewed]")).getText();
    }

    private String detail(String metric) {
        return browser.findElement(By.cssSelector(".headline[data-metric=" + metric + "] [data-role=detail]")).getText();
    }

    private WebElement totalButton(String donor, String recipient, String metric) {
        return browser.findElements(By.cssSelector("#pairs tbody tr")).stream()
                .filter(row -> donor.equals(row.getAttribute("data-donor")) && recipient.equals(row.getAttribute("data-recipient")))
                .findFirst().orElseThrow()
                .findElement(By.cssSelector("button.total[data-metric=" + metric + "]"));
    }

    private static void screenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
