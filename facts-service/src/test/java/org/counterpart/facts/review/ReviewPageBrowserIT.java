package org.counterpart.facts.review;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.counterpart.infra.TopicWriter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page in a real (headless) Chromium against the running service, with two reports of our own put in
 * through the reports topic: confirm with the keyboard, correct through the form (a refused correction shows the
 * service's problem), the report view with every figure highlighted and a missed figure added from a text
 * selection, hostile report text shown literally, and the queue on a phone-sized screen. Leaves screenshots in
 * target/review-queue.png, target/review-report.png and target/review-phone.png. Skips where no Chromium is
 * installed at /usr/bin/chromium (CI installs the Debian packages chromium and chromium-driver).
 */
@QuarkusTest
@TestProfile(ReviewPageProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("browser")
class ReviewPageBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Three figures the extractor reads (funds, projects, workers) and one it misses (the reading rooms). */
    static final String ENGLISH = "Qingdao and Anshun look back on a year of working together. Qingdao allocated "
            + "120 million yuan of fiscal aid funds to Anshun in 2019 for rural roads and drinking water. The two "
            + "cities carried out 45 cooperation projects in Anshun that year. With Qingdao's help, 3,200 workers from "
            + "Anshun found jobs in 2019. Volunteers from Qingdao also set up 14 reading rooms in mountain villages.";
    static final String ENGLISH_TITLE = "Qingdao and Anshun: a year of cooperation";
    static final String ENGLISH_URL = "https://www.qingdao-news.example.cn/2019/anshun-cooperation";
    /** The outlet the report view names: the host of the source URL, without "www.". */
    static final String ENGLISH_OUTLET = "qingdao-news.example.cn";
    /** Markup in a report's text and title must reach the reader as characters, never as elements or script. */
    static final String HOSTILE = "A note on <b>bold</b> claims. Xiamen gave 90 million yuan of aid funds "
            + "<script>window.__pwned = true;</script> to Linxia in 2019. Nobody checked the <i>rest</i>.";
    static final String HOSTILE_TITLE = "Notes <i>with</i> tags <img src=x onerror=\"window.__pwned=1\">";

    private static WebDriver browser;
    private static Path profileDir;
    private static UUID english;
    private static UUID hostile;

    @TestHTTPResource("/review/")
    URL queuePage;

    @TestHTTPResource("/review/report.html")
    URL reportPage;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium not installed (/usr/bin/chromium, /usr/bin/chromedriver): review page browser test skipped. "
                        + "Install with: apt-get install -y chromium chromium-driver");
        profileDir = Files.createTempDirectory("review-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-dev-shm-usage", "--user-data-dir=" + profileDir,
                "--window-size=1280,1000", "--lang=en-GB");
        // The installed driver, never a download by Selenium Manager.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    /** Once per class, but after Quarkus has set up REST Assured (which it does per test). */
    @BeforeEach
    void postReportsOnce() throws Exception {
        if (english == null) {
            english = post(ENGLISH, ENGLISH_TITLE, ENGLISH_URL);
            hostile = post(HOSTILE, HOSTILE_TITLE, null);
            awaitExtraction(english);
            awaitExtraction(hostile);
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    @Order(1)
    void analystReviewsTheQueueAndAddsAMissedFigureFromTheReport() throws IOException {
        List<Map<String, Object>> facts = facts(english);
        assertEquals(3, facts.size(), "the extractor reads three figures of the English report: " + facts);
        String funds = factId(facts, "funds_cny");
        String projects = factId(facts, "projects");
        String workers = factId(facts, "workers_transferred");
        String hostileFunds = factId(facts(hostile), "funds_cny");
        WebDriverWait wait = wait(browser);

        // The queue: every unreviewed fact, each with its sentence and the figure in it highlighted.
        browser.get(queuePage.toString());
        wait.until(d -> queueIds().size() == 4);
        assertEquals("120 million yuan", js("return document.querySelector(arguments[0]).textContent",
                item(funds) + " .sentence mark.figure"));
        assertTrue(text(item(funds) + " .context").contains("look back on a year of working together."),
                "the sentence before the evidence, taken from the report's text");
        assertTrue(text(item(funds) + " .context").contains("45 cooperation projects"), "and the sentence after it");
        assertTrue(text(item(hostileFunds) + " .sentence").contains("<script>window.__pwned = true;</script>"),
                text(item(hostileFunds) + " .sentence"));
        assertTrue(browser.findElements(By.cssSelector("#queue b, #queue script, #queue i, #queue img")).isEmpty());
        assertNull(js("return window.__pwned;"));
        screenshot("review-queue.png");

        // j / k move through the queue; c confirms the current fact, which leaves the queue.
        moveTo(funds);
        keys("c");
        wait.until(d -> !queueIds().contains(funds));
        wait.until(d -> text("#status").startsWith("Confirmed"));

        // e opens the correction form; Esc closes it unchanged.
        moveTo(workers);
        keys("e");
        WebElement value = wait.until(d -> d.findElement(By.cssSelector(item(workers) + " form.correct [name=value]")));
        assertEquals("3200", value.getAttribute("value"));
        value.sendKeys(Keys.ESCAPE);
        wait.until(d -> d.findElements(By.cssSelector("form.correct")).isEmpty());

        // A correction the service refuses (a negative value) shows its problem, and the fact stays.
        keys("e");
        value = wait.until(d -> d.findElement(By.cssSelector(item(workers) + " form.correct [name=value]")));
        value.clear();
        value.sendKeys("-5", Keys.ENTER);
        String refused = wait.until(d -> {
            String shown = text(item(workers) + " [data-role=form-error]");
            return shown.isEmpty() ? null : shown;
        });
        assertTrue(refused.startsWith("Could not save"), refused);
        assertEquals("error", js("return document.getElementById('status').dataset.kind"));
        assertTrue(queueIds().contains(workers));

        // Enter submits the corrected value; the corrected fact leaves the queue.
        value.clear();
        value.sendKeys("3300", Keys.ENTER);
        wait.until(d -> !queueIds().contains(workers));
        wait.until(d -> text("#status").startsWith("Corrected"));

        facts = facts(english);
        assertEquals("confirmed", field(facts, funds, "review.status"));
        assertEquals("corrected", field(facts, workers, "review.status"));
        assertEquals(0, new BigDecimal("3300").compareTo(new BigDecimal(field(facts, workers, "value"))));
        assertEquals(0, new BigDecimal("3200").compareTo(new BigDecimal(field(facts, workers, "extracted.value"))),
                "the machine's own reading is kept beside the correction");
        assertEquals("unreviewed", field(facts, projects, "review.status"));

        // The report view: every figure highlighted, the one asked for brought into view and shown.
        browser.get(reportPage + "?id=" + english + "&fact=" + projects);
        wait.until(d -> d.findElements(By.cssSelector("#text mark.figure")).size() == 3);
        assertEquals(ENGLISH, js("return document.getElementById('text').textContent"));
        assertEquals(ENGLISH_TITLE, text("#title"));
        assertEquals(projects, js("return document.querySelector('#text mark.target').dataset.factIds"));
        assertEquals("45", text("#text mark.target"));
        assertEquals(Boolean.TRUE, js("const r = document.querySelector('#text mark.target').getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight;"));
        wait.until(d -> d.findElement(By.id("detail")).isDisplayed());
        assertTrue(text("#detail").contains("45 projects"), text("#detail"));
        assertEquals("confirmed", mark(funds).getAttribute("data-status"));
        assertEquals("corrected", mark(workers).getAttribute("data-status"));
        for (String factId : List.of(funds, projects, workers)) {
            // each extracted figure highlighted, its reading on hover (the title)
            assertTrue(mark(factId).getAttribute("title").contains(" · "), mark(factId).getAttribute("title"));
        }
        assertTrue(mark(funds).getAttribute("title").contains("120,000,000 CNY"), mark(funds).getAttribute("title"));
        // Beside the date: the outlet, and the link to the original article.
        assertEquals(ENGLISH_OUTLET, text("#meta .outlet"));
        assertTrue(text("#meta").contains("published 15 January 2020"), text("#meta"));
        assertEquals("2020-01-15", js("return document.querySelector('#meta time').dateTime"));
        WebElement source = browser.findElement(By.id("source"));
        assertTrue(source.isDisplayed());
        assertEquals(ENGLISH_URL, source.getAttribute("href"));
        assertEquals("Original article ↗", source.getText());
        assertEquals("_blank", source.getAttribute("target"));
        assertTrue(source.getAttribute("rel").contains("noopener"), source.getAttribute("rel"));
        // In Chinese, the date as a Chinese reader writes it; the outlet stays the host name.
        browser.findElement(By.id("lang")).click();
        wait.until(d -> text("#meta").contains("2020年1月15日"));
        assertEquals(ENGLISH_OUTLET, text("#meta .outlet"));
        assertEquals("原文链接 ↗", text("#source"));
        browser.findElement(By.id("lang")).click();
        wait.until(d -> text("#meta").contains("15 January 2020"));
        // Clicking a figure shows its reading and review.
        mark(workers).click();
        wait.until(d -> text("#detail").contains("3,300 people"));
        assertTrue(text("#detail").contains("corrected"), text("#detail"));
        screenshot("review-report.png");

        // A figure the machine missed: select it in the text, add it through the form.
        int start = ENGLISH.indexOf("14 reading rooms");
        select(start, start + 2);
        wait.until(d -> d.findElement(By.id("add")).isEnabled());
        assertTrue(text("#selection [data-role=selected]").contains("14"));
        browser.findElement(By.id("add")).click();
        WebElement note = wait.until(d -> d.findElement(By.cssSelector(".add-form [name=note]")));
        assertEquals("14", browser.findElement(By.cssSelector(".add-form [name=value]")).getAttribute("value"));
        assertEquals("Qingdao", browser.findElement(By.cssSelector(".add-form [name=donor]")).getAttribute("value"));
        assertEquals("Anshun", browser.findElement(By.cssSelector(".add-form [name=recipient]")).getAttribute("value"));
        assertEquals("2019-01-01", browser.findElement(By.cssSelector(".add-form [name=periodStart]")).getAttribute("value"),
                "parties and period start from the nearest fact's");
        note.sendKeys("reading rooms counted as projects", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#text mark.figure")).size() == 4);
        assertEquals("14", text("#text mark.target"));
        assertEquals(ENGLISH, js("return document.getElementById('text').textContent"));

        facts = facts(english);
        assertEquals(4, facts.size());
        Map<String, Object> added = facts.stream().filter(f -> "analyst".equals(f.get("origin"))).findFirst().orElseThrow();
        assertEquals("projects", added.get("metric"));
        assertEquals(0, new BigDecimal("14").compareTo(new BigDecimal(String.valueOf(added.get("value")))));
        Map<?, ?> evidence = (Map<?, ?>) added.get("evidence");
        assertEquals(start, evidence.get("figureStart"));
        assertEquals(start + 2, evidence.get("figureEnd"));
        assertEquals("2019-12-31", added.get("periodEnd"));

        // The hostile report: its text and title shown literally, nothing run.
        browser.get(reportPage + "?id=" + hostile + "&fact=" + hostileFunds);
        wait.until(d -> d.findElements(By.cssSelector("#text mark.figure")).size() == 1);
        assertEquals(HOSTILE, js("return document.getElementById('text').textContent"));
        assertEquals(HOSTILE_TITLE, text("#title"));
        assertEquals("90 million yuan", text("#text mark.target"));
        assertTrue(browser.findElements(By.cssSelector("main b, main script, main i, main img, h1 i, h1 img")).isEmpty());
        assertNull(js("return window.__pwned;"));
        assertFalse(browser.findElement(By.id("source")).isDisplayed(), "no link without a source URL");
        assertTrue(browser.findElements(By.cssSelector("#meta .outlet")).isEmpty(), "no outlet without a source URL");
    }

    /** After the desk test: the two facts it left in the queue. */
    @Test
    @Order(2)
    void worksOnAPhoneScreen() throws IOException {
        WebDriverWait wait = wait(browser);
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(queuePage.toString());
            wait.until(d -> !queueIds().isEmpty());
            assertNoSidewaysScrolling();
            String first = queueIds().get(0);
            for (WebElement button : browser.findElements(By.cssSelector(item(first) + " .actions .act"))) {
                // on screen without scrolling either way, and big enough for a thumb
                assertEquals(Boolean.TRUE, js("const r = arguments[0].getBoundingClientRect();"
                        + " return r.left >= 0 && r.right <= document.documentElement.clientWidth"
                        + " && r.top >= 0 && r.bottom <= window.innerHeight && r.height >= 40;",
                        button), button.getText());
            }
            screenshot("review-phone.png");

            // The hostile fact, rejected by a tap: it leaves the queue, and the report view strikes it through.
            String hostileFunds = factId(facts(hostile), "funds_cny");
            WebElement reject = browser.findElement(By.cssSelector(item(hostileFunds) + " button[data-action=reject]"));
            js("arguments[0].scrollIntoView({block: 'center'})", reject);
            reject.click();
            wait.until(d -> !queueIds().contains(hostileFunds));
            assertEquals("rejected", field(facts(hostile), hostileFunds, "review.status"));

            browser.get(reportPage + "?id=" + hostile);
            wait.until(d -> d.findElements(By.cssSelector("#text mark.figure")).size() == 1);
            assertNoSidewaysScrolling();
            assertEquals("rejected", mark(hostileFunds).getAttribute("data-status"));
            assertTrue(String.valueOf(js("return getComputedStyle(arguments[0]).textDecorationLine", mark(hostileFunds)))
                    .contains("line-through"));
            mark(hostileFunds).click();
            wait.until(d -> d.findElement(By.id("detail")).isDisplayed());
            assertTrue(text("#detail").contains("rejected"), text("#detail"));
            screenshot("review-phone-report.png");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    // ---------- the page ----------

    private static WebDriverWait wait(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        // a timeout says what the page told its reader (an error from the service, usually)
        wait.withMessage(() -> "the page says: " + text("#status") + " " + text("[data-role=error]"));
        return wait;
    }

    private static String item(String factId) {
        return "#queue li.item[data-fact-id='" + factId + "']";
    }

    private static List<String> queueIds() {
        return browser.findElements(By.cssSelector("#queue li.item")).stream()
                .map(e -> e.getAttribute("data-fact-id")).toList();
    }

    private static String currentId() {
        return (String) js("const c = document.querySelector('#queue li.item.current'); return c ? c.dataset.factId : null;");
    }

    /** j down the queue (k back up once past the end) until the fact is the current one. */
    private static void moveTo(String factId) {
        for (int i = 0; i < 10 && !factId.equals(currentId()); i++) {
            keys(i < 5 ? "j" : "k");
        }
        assertEquals(factId, currentId());
    }

    /** Keys typed on the page, as an analyst does with nothing in a field focused. */
    private static void keys(String keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private static WebElement mark(String factId) {
        return browser.findElements(By.cssSelector("#text mark.figure")).stream()
                .filter(m -> List.of(m.getAttribute("data-fact-ids").split(" ")).contains(factId))
                .findFirst().orElseThrow(() -> new AssertionError("no highlight for fact " + factId));
    }

    /** Selects [start, end) of the report text, as a reader's mouse does: a DOM range over its text nodes. */
    private static void select(int start, int end) {
        js("""
                const body = document.getElementById('text');
                const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
                const range = document.createRange();
                let at = 0, node;
                while ((node = walker.nextNode())) {
                  const length = node.data.length;
                  if (arguments[0] >= at && arguments[0] < at + length) range.setStart(node, arguments[0] - at);
                  if (arguments[1] > at && arguments[1] <= at + length) { range.setEnd(node, arguments[1] - at); break; }
                  at += length;
                }
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                """, start, end);
    }

    private static void assertNoSidewaysScrolling() {
        assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"),
                "the page scrolls sideways: " + js("return document.documentElement.scrollWidth + ' > '"
                        + " + document.documentElement.clientWidth"));
    }

    private static String text(String css) {
        return Objects.toString(js("const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", css));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void screenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }

    // ---------- the service ----------

    private static UUID post(String text, String title, String sourceUrl) throws JsonProcessingException {
        UUID reportId = UUID.randomUUID();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", "ReportSubmitted");
        event.put("reportId", reportId.toString());
        event.put("occurredAt", "2020-01-15T00:00:00Z");
        event.put("text", text);
        event.put("title", title);
        event.put("language", "en");
        event.put("sourceUrl", sourceUrl);
        event.put("publishedAt", "2020-01-15");
        event.put("receivedAt", "2020-01-15T00:00:00Z");
        event.put("contentHash", "x");
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        TopicWriter.write(bootstrap, ReviewPageProfile.TOPIC, reportId.toString(), JSON.writeValueAsString(event),
                Map.of("ce_specversion", "1.0"));
        return reportId;
    }

    private static void awaitExtraction(UUID reportId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (given().get("/extractions/" + reportId).statusCode() == 200) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("report " + reportId + " was not extracted in time");
    }

    private static List<Map<String, Object>> facts(UUID reportId) {
        return given().queryParam("reportId", reportId.toString()).get("/facts")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static String factId(List<Map<String, Object>> facts, String metric) {
        List<String> ids = facts.stream().filter(f -> metric.equals(f.get("metric")))
                .map(f -> (String) f.get("id")).toList();
        assertEquals(1, ids.size(), "one " + metric + " fact: " + facts);
        return ids.get(0);
    }

    /** A field of one fact by a dotted path ("review.status"), as text. */
    private static String field(List<Map<String, Object>> facts, String factId, String path) {
        Map<String, Object> fact = facts.stream().filter(f -> factId.equals(f.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + factId));
        Object value = JsonPath.from(toJson(fact)).get(path);
        assertNotNull(value, path + " of " + fact);
        return String.valueOf(value);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
