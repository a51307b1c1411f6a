package org.counterpart.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's first load in headless Chromium (Debian's /usr/bin/chromium and /usr/bin/chromedriver, as
 * ReviewToDashboardBrowserIT uses them): milliseconds from navigation start until the dashboard has rendered its
 * totals, i.e. until its script has filled the headlines, charts, flows and pairs table and set {@code #status}'s
 * {@code data-state} to "shown" (in either language), which it does last, once /totals/grand, /timeseries and /pairs
 * have all answered.
 * A script installed before any page script runs ({@code Page.addScriptToEvaluateOnNewDocument}) notes
 * {@code performance.now()} (milliseconds since navigation start) at that moment, so WebDriver's own round trips do
 * not count. One cold load (new profile, empty cache), then warm loads in the same browser, each after about:blank.
 */
final class DashboardLoad {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Notes when #status first says the totals are shown, or that loading them failed. */
    private static final String OBSERVER = """
            (() => {
              const check = () => {
                const status = document.getElementById('status');
                if (!status) return;
                if (status.classList.contains('error')) {
                  if (window.__benchFailed === undefined) window.__benchFailed = status.textContent;
                } else if (status.dataset.state === 'shown' && window.__benchRendered === undefined) {
                  window.__benchRendered = performance.now();
                }
              };
              new MutationObserver(check).observe(document,
                { childList: true, subtree: true, characterData: true, attributes: true });
            })();
            """;

    private DashboardLoad() {
    }

    /** {coldMillis, warmMillis, warmMedianMillis, ...}, or {skipped: reason} without Chromium, {failed: reason}. */
    static Map<String, Object> measure(String metricsUrl, int warmLoads) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            result.put("skipped", "Chromium not installed (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
            return result;
        }
        String url = metricsUrl + "/dashboard";
        result.put("url", url);
        result.put("until", "#status data-state=shown (headlines, charts, flows and pairs table filled)");
        Path profile = null;
        ChromeDriver browser = null;
        try {
            profile = Files.createTempDirectory("bench-dashboard-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toString());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                    "--window-size=1280,1000", "--lang=en-GB");
            browser = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVER));
            result.put("coldMillis", load(browser, url));
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < warmLoads; i++) {
                browser.get("about:blank");
                warm.add(load(browser, url));
            }
            result.put("warmMillis", warm);
            result.put("warmMedianMillis", median(warm));
        } catch (RuntimeException | IOException e) {
            result.put("failed", e.toString().lines().findFirst().orElse(e.getClass().getName()));
        } finally {
            if (browser != null) {
                browser.quit();
            }
            delete(profile);
        }
        return result;
    }

    private static double load(ChromeDriver browser, String url) {
        browser.get(url);
        Object outcome = new WebDriverWait(browser, PATIENCE).until(d -> ((JavascriptExecutor) d).executeScript(
                "return window.__benchRendered !== undefined ? window.__benchRendered"
                        + " : (window.__benchFailed !== undefined ? 'failed: ' + window.__benchFailed : null);"));
        if (outcome instanceof Number millis) {
            return millis.doubleValue();
        }
        throw new IllegalStateException("the dashboard did not show its totals: " + outcome);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary profile left behind is harmless
        }
    }
}
