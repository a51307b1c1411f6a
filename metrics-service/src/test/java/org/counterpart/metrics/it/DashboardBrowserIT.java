package org.counterpart.metrics.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.counterpart.metrics.it.FactsTopic.asCumulative;
import static org.counterpart.metrics.it.FactsTopic.regional;
import static org.counterpart.metrics.it.FactsTopic.replaced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import org.openqa.selenium.support.ui.Select;
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
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Dimension DESKTOP = new Dimension(1366, 900);
    private static final Dimension PHONE = new Dimension(390, 844);
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
                "--window-size=1366,900", "--lang=en-GB",
                // no chart animations (the page honours the reader's wish): a click lands on the band as laid out
                "--force-prefers-reduced-motion");
        // the page's console, for the messages of a failed wait
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The installed driver, never a download by Selenium Manager.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
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
     * Personnel: the group Shanghai and Guangdong -> Yunnan 837 people (2019, a row of its own, not a headline);
     * Shenzhen -> Baise 120 people in 2015, so that the year axis has years without claims in between.
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
                        "Shenzhen helped 15,300 workers from Baise find jobs in 2020."),
                regional(SHENZHEN, BAISE, "personnel_exchanged", 120, "people", 2015,
                        "In 2015 Shenzhen sent 120 teachers and doctors to Baise."));
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

    /** The reader's first view on a desktop (1366 px): headlines, no sideways scroll, the charts drawn. */
    @Test
    @Order(1)
    void desktopShowsHeadlinesChartsAndNoSidewaysScroll() throws IOException {
        open(DESKTOP, "en");
        WebDriverWait wait = waiter();
        wait.until(d -> headline("funds_cny").equals("4.12 bn CNY"));
        assertEquals("254 projects", headline("projects"));
        assertEquals("30,400 people", headline("workers_transferred"));
        assertTrue(detail("funds_cny").startsWith("7 claims"), detail("funds_cny"));
        assertEquals("reviewed 9%", reviewed("funds_cny"));
        assertEquals("reviewed 0%", reviewed("projects"));
        wait.until(d -> d.findElements(By.cssSelector("#pairs tbody tr")).size() >= 9);
        wait.until(d -> Boolean.TRUE.equals(script("return !!(window.echarts && echarts.getInstanceByDom(document.getElementById('flows')));")));
        assertNoSidewaysScroll();
        // "updated" is about the data: when the figures last changed, not when the browser looked.
        assertTrue(status().contains("figures changed"), status());
        screenshot("dashboard-desktop.png");
    }

    /** The pair chart shows top-level pairs only; a parent opens to its children, never listed beside them. */
    @Test
    @Order(2)
    void pairChartShowsTheHierarchy() {
        open(DESKTOP, "en");
        WebDriverWait wait = waiter();
        List<String> top = wait.until(d -> {
            List<String> labels = pairChartLabels();
            return labels.contains("▸ Guangdong → Guangxi") ? labels : null;
        });
        assertFalse(top.contains("Shenzhen → Baise"), top.toString());
        clickBar("by-pair", top.indexOf("▸ Guangdong → Guangxi"));
        List<String> children = wait.until(d -> {
            List<String> labels = pairChartLabels();
            return labels.contains("Shenzhen → Baise") ? labels : null;
        });
        assertEquals(List.of("Shenzhen → Baise", "Shenzhen → Hechi"), children);
        browser.findElement(By.id("pair-chart-up")).click();
        wait.until(d -> pairChartLabels().contains("▸ Guangdong → Guangxi"));
    }

    /** Drill-down from the table, the claim links, hostile text as text, and the three ways to close the sheet. */
    @Test
    @Order(3)
    void drillDownOpensAndClosesWithEvidenceAsText() throws IOException {
        open(DESKTOP, "en");
        WebDriverWait wait = waiter();
        wait.until(d -> headline("funds_cny").equals("4.12 bn CNY"));
        totalButton("Suzhou", "Tongren", "funds_cny").click();
        String drill = drillText(wait, "Suzhou → Tongren");
        assertTrue(drill.contains("840 million CNY"), drill);
        assertTrue(drill.contains("reviewed 45% of the total"), drill);
        assertTrue(drill.contains("In 2019, Suzhou allocated 460 million yuan of aid funds to Tongren."), drill);
        assertTrue(drill.contains("Suzhou's 460 million yuan for Tongren in 2019 went mainly to rural roads."), drill);
        String link = wait.until(d -> d.findElement(By.cssSelector("#drill .source a")).getAttribute("href"));
        assertTrue(link.startsWith("http://localhost:8082/review/report.html?id=report-"), link);

        // A claim opens its fact in facts-service's report view, at the figure, in a new tab, and says who checked it.
        String reportView = "http://localhost:8082/review/report.html?id=" + CORRECTED_REPORT + "&fact=" + CORRECTED_FACT;
        WebElement claimLink = browser.findElements(By.cssSelector("#drill .claim a.claim-link")).stream()
                .filter(a -> reportView.equals(a.getAttribute("href"))).findFirst()
                .orElseThrow(() -> new AssertionError("no claim links to " + reportView + " in " + drill));
        assertEquals("_blank", claimLink.getAttribute("target"));
        assertTrue(claimLink.getAttribute("rel").contains("noopener"), claimLink.getAttribute("rel"));
        WebElement correctedClaim = claimLink.findElement(By.xpath("ancestor::li[contains(@class, 'claim')]"));
        assertTrue(correctedClaim.getText().contains("380 million CNY"), correctedClaim.getText());
        assertTrue(correctedClaim.getText().contains("corrected by lin"), correctedClaim.getText());
        // The sheet is a modal dialog with the focus on its close button.
        assertEquals("dialog", browser.findElement(By.id("drill")).getAttribute("role"));
        assertEquals("close", browser.switchTo().activeElement().getAttribute("data-role"));
        screenshot("dashboard-review.png");

        // Closed by its button ...
        browser.findElement(By.cssSelector("#drill [data-role=close]")).click();
        wait.until(d -> !d.findElement(By.id("drill")).isDisplayed());
        // ... by Escape ...
        totalButton("Ningbo", "Qianxinan", "funds_cny").click();
        String evidence = wait.until(d -> d.findElements(By.cssSelector("#drill .evidence")).stream()
                .map(WebElement::getText).filter(text -> text.contains("Ningbo")).findFirst().orElse(null));
        // Hostile report text is shown as text: the tags are visible characters, no element, no script run.
        assertEquals(HOSTILE, evidence);
        assertTrue(browser.findElements(By.cssSelector("#drill b, #drill script")).isEmpty());
        assertNull(script("return window.__pwned;"));
        screenshot("dashboard-drilldown.png");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(d -> !d.findElement(By.id("drill")).isDisplayed());
        // ... and by the browser's back button, which leaves the reader on the dashboard.
        totalButton("Dalian", "Liupanshui", "funds_cny").click();
        drillText(wait, "Dalian → Liupanshui");
        browser.navigate().back();
        wait.until(d -> !d.findElement(By.id("drill")).isDisplayed());
        assertTrue(browser.getCurrentUrl().startsWith(dashboard.toString()), browser.getCurrentUrl());
    }

    /** A headline card drills down to the pairs its figure adds up, and on to their claims. */
    @Test
    @Order(4)
    void headlineCardDrillsDown() {
        open(DESKTOP, "en");
        WebDriverWait wait = waiter();
        wait.until(d -> headline("funds_cny").equals("4.12 bn CNY"));
        browser.findElement(By.cssSelector(".headline[data-metric=funds_cny]")).click();
        String sheet = drillText(wait, "What the figure adds up");
        assertTrue(sheet.contains("4.12 bn CNY"), sheet);
        List<WebElement> pairs = browser.findElements(By.cssSelector("#drill .grand-pairs li"));
        assertEquals(4, pairs.size(), sheet);
        assertTrue(pairs.get(0).getText().startsWith("Guangdong → Guangxi"), pairs.get(0).getText());
        pairs.get(0).findElement(By.tagName("button")).click();
        String pair = drillText(wait, "Guangdong → Guangxi");
        assertTrue(pair.contains("2.44 bn CNY"), pair);
        browser.findElement(By.cssSelector("#drill [data-role=close]")).click();
        wait.until(d -> !d.findElement(By.id("drill")).isDisplayed());
    }

    /** The flows: one band per top-level pair, donors left; a click on a band, or on its entry in the list, opens its claims. */
    @Test
    @Order(5)
    void flowsRenderAndAFlowOpensItsClaims() {
        open(DESKTOP, "en");
        WebDriverWait wait = waiter();
        wait.until(d -> headline("funds_cny").equals("4.12 bn CNY"));
        @SuppressWarnings("unchecked")
        List<String> links = wait.until(d -> {
            Object found = script("const c = echarts.getInstanceByDom(document.getElementById('flows'));"
                    + "return c ? c.getOption().series[0].links.map(l => l.source + ' > ' + l.target) : null;");
            return found instanceof List<?> list && list.size() == 4 ? (List<String>) found : null;
        });
        assertTrue(links.contains("d:Guangdong > r:Guangxi"), links.toString());
        assertFalse(links.stream().anyMatch(l -> l.contains("Shenzhen")), "a child pair is inside its parent's band: " + links);

        // A real click on the canvas, at the middle of the Suzhou band (Jiangsu -> Guizhou, Suzhou's province pair).
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) script(FLOW_MIDDLE, "d:Jiangsu", "r:Guizhou");
        clickAt(browser.findElement(By.id("flows")), point.get(0).doubleValue(), point.get(1).doubleValue());
        String sheet = drillText(wait, "Jiangsu → Guizhou");
        assertTrue(sheet.contains("840 million CNY"), sheet);
        browser.findElement(By.cssSelector("#drill [data-role=close]")).click();
        wait.until(d -> !d.findElement(By.id("drill")).isDisplayed());

        // The same flows as a list, for keyboards and screen readers.
        browser.findElement(By.cssSelector("#flows-card summary")).click();
        WebElement entry = browser.findElements(By.cssSelector("#flows-card button.flow")).stream()
                .filter(b -> b.getText().startsWith("Liaoning → Guizhou")).findFirst().orElseThrow();
        entry.click();
        assertTrue(drillText(wait, "Liaoning → Guizhou").contains("487 million CNY"));
        browser.findElement(By.cssSelector("#drill [data-role=close]")).click();
    }

    /** Choosing a metric that is not a headline adds its column; the year axis runs through the years without claims. */
    @Test
    @Order(6)
    void chosenMetricGetsAColumnAndTheYearAxisIsContinuous() {
        open(DESKTOP, "en");
        WebDriverWait wait = waiter();
        wait.until(d -> headline("funds_cny").equals("4.12 bn CNY"));
        new Select(browser.findElement(By.id("metric"))).selectByValue("personnel_exchanged");
        wait.until(d -> !d.findElements(By.cssSelector("#pairs th[data-sort=personnel_exchanged]")).isEmpty());
        WebElement groupTotal = wait.until(d -> totalButton("Shanghai and Guangdong", "Yunnan", "personnel_exchanged"));
        assertEquals("837", groupTotal.getText());
        @SuppressWarnings("unchecked")
        List<String> years = wait.until(d -> {
            Object axis = script("const c = echarts.getInstanceByDom(document.getElementById('by-year'));"
                    + "return c ? c.getOption().xAxis[0].data : null;");
            return axis instanceof List<?> list && list.contains("2015") ? (List<String>) axis : null;
        });
        assertEquals(List.of("2015", "2016", "2017", "2018", "2019"), years);
        new Select(browser.findElement(By.id("metric"))).selectByValue("funds_cny");
        wait.until(d -> browser.findElements(By.cssSelector("#pairs th[data-sort=personnel_exchanged]")).isEmpty());
    }

    /** Searching for a region, in English or Chinese, keeps its pairs and the pairs inside it. */
    @Test
    @Order(7)
    void searchFiltersPairsAndCharts() {
        open(DESKTOP, "en");
        WebDriverWait wait = waiter();
        wait.until(d -> d.findElements(By.cssSelector("#pairs tbody tr")).size() >= 9);
        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys("Guangdong");
        wait.until(d -> rowPairs().equals(java.util.Set.of("Guangdong → Guangxi", "Shenzhen → Baise", "Shenzhen → Hechi",
                "Shanghai and Guangdong → Yunnan")));
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "百色");
        wait.until(d -> rowPairs().equals(java.util.Set.of("Shenzhen → Baise")));
        assertEquals(List.of("Shenzhen → Baise"), pairChartLabels());
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(d -> d.findElements(By.cssSelector("#pairs tbody tr")).size() >= 9);
    }

    /** The CSV links download CSV: text/csv, an attachment, a byte-order mark, one row per total or per claim and total. */
    @Test
    @Order(8)
    void csvLinksDownloadCsvWithTheRightRows() throws Exception {
        open(DESKTOP, "en");
        WebDriverWait wait = waiter();
        wait.until(d -> headline("funds_cny").equals("4.12 bn CNY"));
        String totalsHref = browser.findElement(By.id("csv-totals")).getAttribute("href");
        String claimsHref = browser.findElement(By.id("csv-claims")).getAttribute("href");
        int totals = given().queryParam("metric", "funds_cny").queryParam("limit", 500).get("/totals").jsonPath().getList("$").size();
        List<List<?>> claimLists = given().queryParam("metric", "funds_cny").queryParam("expand", "claims").queryParam("limit", 500)
                .get("/totals").jsonPath().getList("claims");
        int claimRows = claimLists.stream().mapToInt(List::size).sum();
        assertEquals(totals, downloadedRows(totalsHref));
        assertEquals(claimRows, downloadedRows(claimsHref));
    }

    /** Chinese: labels, region names from the gazetteer, figures in 亿元 and 万人. */
    @Test
    @Order(9)
    void chineseModeShowsChineseLabelsNamesAndUnits() throws IOException {
        open(DESKTOP, "en");
        WebDriverWait wait = waiter();
        wait.until(d -> headline("funds_cny").equals("4.12 bn CNY"));
        browser.findElement(By.id("lang")).click();
        wait.until(d -> headline("funds_cny").equals("41.17亿元"));
        assertEquals("3.04万人", headline("workers_transferred"));
        assertEquals("254个项目", headline("projects"));
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("帮扶资金", browser.findElement(By.cssSelector(".headline[data-metric=funds_cny] [data-role=label]")).getText());
        assertEquals("支援方 → 受援方", browser.findElement(By.cssSelector("#pairs th[data-sort=pair]")).getText());
        wait.until(d -> rowPairNames().contains("深圳市 → 百色市"));
        assertTrue(rowPairNames().contains("广东省 → 广西壮族自治区"), rowPairNames().toString());
        assertTrue(rowPairNames().contains("上海市 + 广东省 → 云南省"), rowPairNames().toString());
        assertNoSidewaysScroll();
        screenshot("dashboard-zh.png");
        // The choice is remembered; English is one click away.
        browser.get(dashboard.toString());
        wait.until(d -> headline("funds_cny").equals("41.17亿元"));
        browser.findElement(By.id("lang")).click();
        wait.until(d -> headline("funds_cny").equals("4.12 bn CNY"));
    }

    /** A phone (390 px): one column, no sideways scroll, the table scrolls in its box, the drill-down a full-screen sheet. */
    @Test
    @Order(10)
    void phoneLayoutHasNoSidewaysScrollAndAFullScreenSheet() throws IOException {
        open(PHONE, "en");
        WebDriverWait wait = waiter();
        wait.until(d -> headline("funds_cny").equals("4.12 bn CNY"));
        wait.until(d -> d.findElements(By.cssSelector("#pairs tbody tr")).size() >= 9);
        assertEquals(390L, ((Number) script("return window.innerWidth;")).longValue());
        assertNoSidewaysScroll();
        // The table is wider than the phone and scrolls inside its own box.
        assertTrue((Boolean) script("const box = document.querySelector('.table-scroll');"
                + "return box.scrollWidth > box.clientWidth && getComputedStyle(box).overflowX === 'auto';"));
        screenshot("dashboard-phone.png");

        scrollTo(totalButton("Suzhou", "Tongren", "funds_cny")).click();
        drillText(wait, "Suzhou → Tongren");
        @SuppressWarnings("unchecked")
        Map<String, Number> sheet = (Map<String, Number>) script("const r = document.getElementById('drill').getBoundingClientRect();"
                + "const c = document.querySelector('#drill [data-role=close]').getBoundingClientRect();"
                + "return {left: r.left, width: r.width, height: r.height, closeRight: c.right, closeTop: c.top};");
        assertEquals(0, sheet.get("left").intValue());
        assertEquals(390, sheet.get("width").intValue());
        assertTrue(sheet.get("closeRight").doubleValue() <= 390 && sheet.get("closeTop").doubleValue() >= 0, sheet.toString());
        assertNoSidewaysScroll();
        screenshot("dashboard-phone-drilldown.png");
        browser.navigate().back();
        wait.until(d -> !d.findElement(By.id("drill")).isDisplayed());
        browser.manage().window().setSize(DESKTOP);
    }

    /**
     * axe-core's WCAG 2 A and AA rules on the page as readers meet it, in both languages and both widths, and with the
     * claims sheet open: names and labels for every control, contrast, headings, landmarks, no duplicate ids.
     */
    @Test
    @Order(11)
    void meetsWcagAaInBothLanguagesAndWidths() {
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            for (String lang : List.of("en", "zh")) {
                open(size, lang);
                WebDriverWait wait = waiter();
                wait.until(d -> d.findElements(By.cssSelector("#pairs tbody tr")).size() >= 9);
                assertNoViolations(lang + " at " + size.getWidth() + " px");
                scrollTo(totalButton("Suzhou", "Tongren", "funds_cny")).click();
                drillText(wait, "→");
                assertNoViolations(lang + " at " + size.getWidth() + " px, claims sheet open");
                browser.findElement(By.cssSelector("#drill [data-role=close]")).click();
                wait.until(d -> !d.findElement(By.id("drill")).isDisplayed());
            }
        }
        browser.manage().window().setSize(DESKTOP);
    }

    private static void assertNoViolations(String where) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        String found = results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()) + " " + node.getFailureSummary()).toList())
                .collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(results.getViolations().isEmpty(), "accessibility violations, " + where + ":\n" + found);
    }

    /** Live: a new fact reaches the open page through the event stream; groups; low-confidence facts on request. */
    @Test
    @Order(12)
    void liveUpdatesGroupsAndLowConfidence() {
        open(DESKTOP, "en");
        WebDriverWait wait = waiter();
        wait.until(d -> headline("workers_transferred").equals("30,400 people"));
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

    /**
     * The middle of a Sankey band, in pixels of its chart: from the layout ECharts gave the band's two nodes and the
     * band itself (x across, y down; the band's top edge runs from sy on its source to ty on its target, dy thick).
     */
    private static final String FLOW_MIDDLE = """
            const chart = echarts.getInstanceByDom(document.getElementById('flows'));
            const series = chart.getModel().getSeriesByIndex(0);
            const edge = series.getGraph().edges.find(e => e.node1.id === arguments[0] && e.node2.id === arguments[1]);
            const from = edge.node1.getLayout(), to = edge.node2.getLayout(), band = edge.getLayout();
            const x = (from.x + from.dx + to.x) / 2;
            const y = (from.y + band.sy + to.y + band.ty) / 2 + band.dy / 2;
            return [series.layoutInfo.x + x, series.layoutInfo.y + y];
            """;

    private void open(Dimension size, String lang) {
        browser.manage().window().setSize(size);
        browser.get(dashboard + "?lang=" + lang);
        ((JavascriptExecutor) browser).executeScript("window.localStorage.removeItem('counterpart.dashboard.lang');");
    }

    private static WebDriverWait waiter() {
        // The page re-renders when totals change (live updates): elements can go stale between finding and reading.
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.JavascriptException.class);
        return wait;
    }

    private static Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void assertNoSidewaysScroll() {
        @SuppressWarnings("unchecked")
        Map<String, Number> widths = (Map<String, Number>) script("return {page: document.documentElement.scrollWidth,"
                + " body: document.body.scrollWidth, view: document.documentElement.clientWidth};");
        assertTrue(widths.get("page").intValue() <= widths.get("view").intValue()
                && widths.get("body").intValue() <= widths.get("view").intValue(), "scrolls sideways: " + widths);
    }

    private static String drillText(WebDriverWait wait, String title) {
        wait.withMessage(() -> "no drill-down titled " + title + "; status: " + status() + "; sheet: "
                + browser.findElement(By.id("drill")).getAttribute("textContent").strip() + "; console: "
                + browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll());
        return wait.until(d -> {
            WebElement panel = d.findElement(By.id("drill"));
            return panel.isDisplayed() && panel.findElement(By.id("drill-title")).getText().contains(title) ? panel.getText() : null;
        });
    }

    private static String status() {
        return browser.findElement(By.id("status")).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<String> pairChartLabels() {
        Object labels = script("const c = echarts.getInstanceByDom(document.getElementById('by-pair'));"
                + "return c ? c.getOption().yAxis[0].data : [];");
        return (List<String>) labels;
    }

    /** A real click on a bar, at the middle of the bar as the chart places it. */
    private static void clickBar(String chart, int index) {
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) script("const c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                + "const v = c.getOption().series[0].data[arguments[1]];"
                + "return c.convertToPixel({seriesIndex: 0}, [v / 2, arguments[1]]);", chart, index);
        clickAt(browser.findElement(By.id(chart)), point.get(0).doubleValue(), point.get(1).doubleValue());
    }

    /** Selenium's offsets are from the element's centre. */
    private static void clickAt(WebElement element, double x, double y) {
        scrollTo(element);
        org.openqa.selenium.Rectangle box = element.getRect();
        new Actions(browser).moveToElement(element, (int) Math.round(x - box.getWidth() / 2.0),
                (int) Math.round(y - box.getHeight() / 2.0)).click().perform();
    }

    private static WebElement scrollTo(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    /** Each row's pair as the API names it, "Shenzhen → Baise". */
    private static java.util.Set<String> rowPairs() {
        return browser.findElements(By.cssSelector("#pairs tbody tr[data-donor]")).stream()
                .map(row -> row.getAttribute("data-donor") + " → " + row.getAttribute("data-recipient"))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Each row's pair as the reader sees it. */
    private static List<String> rowPairNames() {
        return browser.findElements(By.cssSelector("#pairs tbody tr .pair-name")).stream().map(WebElement::getText).toList();
    }

    /** Downloads the link as a browser would (no Accept header), checks it is CSV, and counts its records. */
    private static int downloadedRows(String href) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(href)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), href);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), response.headers().toString());
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"),
                response.headers().toString());
        byte[] body = response.body();
        assertTrue(body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF,
                "no UTF-8 byte-order mark: " + href);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return rows.readAll().size();
        }
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
