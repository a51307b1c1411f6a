package org.counterpart.metrics.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.counterpart.metrics.it.FactsTopic.fact;
import static org.counterpart.metrics.it.FactsTopic.replaced;
import static org.counterpart.metrics.it.FactsTopic.retracted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The headline figures say how recent they are (issue 14): GET /totals/grand gives, per figure, the publication date
 * of the newest report behind it (newestReport, from the facts events' publishedAt) and when one of its reports
 * last changed (lastChanged). Over the real topic, in a database of its own (HeadlineDatesProfile), so that the
 * unfiltered headline figures are exactly the reports published here.
 */
@QuarkusTest
@TestProfile(HeadlineDatesProfile.class)
class HeadlineDatesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static FactsTopic topic;

    @BeforeAll
    static void connect() {
        topic = new FactsTopic(HeadlineDatesProfile.TOPIC);
    }

    @AfterAll
    static void disconnect() {
        topic.close();
    }

    @Test
    void theNewestReportsDateFollowsTheReportsBehindEachFigure() {
        // Reports that give no date: a figure, and no newest date to show for it.
        topic.publish(dated(replaced(report(), 1, List.of(fact("Wuxi", "Yan'an", "projects", 3, "projects", 2019))),
                null, "2026-11-01T08:00:00Z"));
        Map<String, Object> projects = awaitFigure("projects", row -> count(row) == 1);
        assertTrue(projects.containsKey("newestReport"), "the field is there, null: " + projects);
        assertNull(projects.get("newestReport"), projects.toString());
        assertEquals(Instant.parse("2026-11-01T08:00:00Z"), lastChanged(projects));

        // Two dated reports about two pairs: the later publication date, the later change.
        topic.publish(dated(replaced(report(), 1, List.of(funds("Jiaxing", 63_000_000, 2019))),
                "2024-03-01", "2026-11-02T08:00:00Z"));
        topic.publish(dated(replaced(report(), 1, List.of(funds("Wenzhou", 41_000_000, 2020))),
                "2024-05-10", "2026-11-03T08:00:00Z"));
        Map<String, Object> funds = awaitFigure("funds_cny", row -> count(row) == 2);
        assertEquals("2024-05-10", funds.get("newestReport"));
        assertEquals(Instant.parse("2026-11-03T08:00:00Z"), lastChanged(funds));
        assertNull(figure("projects").get("newestReport"), "the dates of other metrics' reports do not count");

        // A newer report arrives: the date moves with it.
        String newer = report();
        topic.publish(dated(replaced(newer, 1, List.of(funds("Huzhou", 25_000_000, 2021))),
                "2025-01-15", "2026-11-04T08:00:00Z"));
        funds = awaitFigure("funds_cny", row -> count(row) == 3);
        assertEquals("2025-01-15", funds.get("newestReport"));
        assertEquals(Instant.parse("2026-11-04T08:00:00Z"), lastChanged(funds));
        // A year range is worked out on read, from the claims in it: the newer report's 2021 figure is outside.
        assertEquals("2024-05-10", figure("funds_cny", "?fromYear=2018&toYear=2020").get("newestReport"));

        // It is retracted: back to the newest of the reports still behind the figure.
        topic.publish(dated(retracted(newer, 2), null, "2026-11-05T08:00:00Z"));
        funds = awaitFigure("funds_cny", row -> count(row) == 2);
        assertEquals("2024-05-10", funds.get("newestReport"));
        assertNotNull(lastChanged(funds));
    }

    private static Map<String, Object> funds(String donor, long value, int year) {
        return fact(donor, "Lishui", "funds_cny", value, "CNY", year);
    }

    /** The event as facts-service writes it for a report published on a date (null: none given) and recorded at a moment. */
    private static Map<String, Object> dated(Map<String, Object> event, String publishedAt, String occurredAt) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        copy.put("publishedAt", publishedAt);
        copy.put("occurredAt", occurredAt);
        return copy;
    }

    private static Map<String, Object> awaitFigure(String metric, Predicate<Map<String, Object>> settled) {
        await().atMost(PATIENCE).until(() -> {
            Map<String, Object> row = figureOrNull(metric, "");
            return row != null && settled.test(row);
        });
        return figure(metric);
    }

    private static Map<String, Object> figure(String metric) {
        return figure(metric, "");
    }

    private static Map<String, Object> figure(String metric, String query) {
        return Objects.requireNonNull(figureOrNull(metric, query), "no " + metric + " figure");
    }

    private static Map<String, Object> figureOrNull(String metric, String query) {
        List<Map<String, Object>> rows = given().get("/totals/grand" + query)
                .then().statusCode(200).extract().jsonPath().getList("$");
        return rows.stream().filter(row -> metric.equals(row.get("metric"))).findFirst().orElse(null);
    }

    private static int count(Map<String, Object> row) {
        return ((Number) row.get("reportCount")).intValue();
    }

    private static Instant lastChanged(Map<String, Object> row) {
        Object at = row.get("lastChanged");
        return at == null ? null : Instant.parse((String) at);
    }

    private static String report() {
        return UUID.randomUUID().toString();
    }
}
