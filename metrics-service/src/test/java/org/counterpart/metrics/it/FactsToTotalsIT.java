package org.counterpart.metrics.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.counterpart.metrics.it.FactsTopic.fact;
import static org.counterpart.metrics.it.FactsTopic.funds;
import static org.counterpart.metrics.it.FactsTopic.replaced;
import static org.counterpart.metrics.it.FactsTopic.retracted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.counterpart.metrics.api.TotalRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * From events on the real {@code facts} topic to GET /totals. Each test uses its own donor, so tests sharing the
 * broker and database cannot see each other's totals.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "metrics"))
class FactsToTotalsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static FactsTopic topic;

    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void connect() {
        topic = new FactsTopic();
    }

    @AfterAll
    static void disconnect() {
        topic.close();
    }

    @Test
    void newFactsAppearAsTotals() {
        String donor = uniqueDonor();
        String report = report();

        topic.publish(replaced(report, 1, List.of(
                funds(donor, 100_000_000, 2017),
                funds(donor, 50_000_000, 2018),
                fact(donor, "Liupanshui", "projects", 12, "projects", 2018),
                FactsTopic.asPlan(funds(donor, 900_000_000, 2021)))));

        awaitTotals(donor, List.of(
                row(donor, "funds_cny", "CNY", "150000000", 2),
                row(donor, "projects", "projects", "12", 1)));
    }

    @Test
    void aReSentIdenticalEventChangesNothing() {
        String donor = uniqueDonor();
        Map<String, Object> event = replaced(report(), 1, List.of(funds(donor, 100, 2017)));
        topic.publish(event);
        awaitTotals(donor, List.of(row(donor, "funds_cny", "CNY", "100", 1)));
        double duplicates = count("duplicate");
        double replaced = count("replaced");

        topic.publish(event);

        await().atMost(PATIENCE).until(() -> count("duplicate") == duplicates + 1);
        assertEquals(replaced, count("replaced"), "a redelivery must not be applied again");
        assertEquals(List.of(row(donor, "funds_cny", "CNY", "100", 1)), totals(donor));
    }

    @Test
    void aNewerRevisionReplacesTheReportsFacts() {
        String donor = uniqueDonor();
        String report = report();
        topic.publish(replaced(report, 1, List.of(funds(donor, 100, 2017), funds(donor, 50, 2018))));
        awaitTotals(donor, List.of(row(donor, "funds_cny", "CNY", "150", 2)));

        topic.publish(replaced(report, 2, List.of(funds(donor, 70, 2017))));

        awaitTotals(donor, List.of(row(donor, "funds_cny", "CNY", "70", 1)));
    }

    @Test
    void aSecondReportRestatingTheSameClaimCountsOnce() {
        String donor = uniqueDonor();
        topic.publish(replaced(report(), 1, List.of(funds(donor, 487_000_000, 2019))));
        topic.publish(replaced(report(), 1, List.of(funds(donor, 485_000_000, 2019), funds(donor, 10, 2020))));

        awaitTotals(donor, List.of(row(donor, "funds_cny", "CNY", "487000010", 2)));
    }

    @Test
    void aRetractionRemovesTheReportsFactsForGood() {
        String donor = uniqueDonor();
        String report = report();
        topic.publish(replaced(report, 5, List.of(funds(donor, 100, 2017))));
        awaitTotals(donor, List.of(row(donor, "funds_cny", "CNY", "100", 1)));

        topic.publish(retracted(report, 6));
        awaitTotals(donor, List.of());

        // An older extraction arriving late must not bring the retracted facts back.
        double stale = count("stale");
        topic.publish(replaced(report, 4, List.of(funds(donor, 100, 2017))));
        await().atMost(PATIENCE).until(() -> count("stale") == stale + 1);
        assertEquals(List.of(), totals(donor));
    }

    @Test
    void anOlderRevisionIsIgnored() {
        String donor = uniqueDonor();
        String report = report();
        topic.publish(replaced(report, 10, List.of(funds(donor, 200, 2017))));
        awaitTotals(donor, List.of(row(donor, "funds_cny", "CNY", "200", 1)));
        double stale = count("stale");

        topic.publish(replaced(report, 9, List.of(funds(donor, 999, 2017))));

        await().atMost(PATIENCE).until(() -> count("stale") == stale + 1);
        assertEquals(List.of(row(donor, "funds_cny", "CNY", "200", 1)), totals(donor));
    }

    @Test
    void aMalformedMessageIsDeadLetteredAndTheNextOneStillApplies() {
        String donor = uniqueDonor();
        String report = report();

        topic.publishRaw(report, "{\"eventId\": \"oops\", this is not json");
        // Same key, so the same partition: it can only be applied once the consumer got past the broken one.
        topic.publish(replaced(report, 1, List.of(funds(donor, 42, 2017))));

        awaitTotals(donor, List.of(row(donor, "funds_cny", "CNY", "42", 1)));
        List<ConsumerRecord<String, String>> dead = FactsTopic.deadLettered(report, PATIENCE);
        assertEquals(1, dead.size(), "exactly the broken message is dead-lettered");
        assertEquals("{\"eventId\": \"oops\", this is not json", dead.get(0).value());
        String reason = FactsTopic.header(dead.get(0), "dead-letter-reason");
        assertNotNull(reason, "the dead letter says why");
        assertFalse(reason.isBlank());
    }

    @Test
    void anEventBreakingTheContractIsDeadLettered() {
        String donor = uniqueDonor();
        String report = report();
        Map<String, Object> broken = replaced(report, 1, List.of(funds(donor, 42, 2017)));
        broken.remove("revision");

        topic.publish(broken);

        List<ConsumerRecord<String, String>> dead = FactsTopic.deadLettered(report, PATIENCE);
        assertEquals(1, dead.size());
        assertEquals(List.of(), totals(donor));
    }

    // --- helpers ---

    private static String uniqueDonor() {
        return "Donor " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String report() {
        return UUID.randomUUID().toString();
    }

    private static TotalRow row(String donor, String metric, String unit, String total, int claims) {
        return new TotalRow(donor, "Liupanshui", metric, unit, new BigDecimal(total), claims, BigDecimal.ZERO, null, null,
                "prefecture", null, null, null, null, null);
    }

    private static List<TotalRow> totals(String donor) {
        return List.of(given().queryParam("donor", donor)
                .when().get("/totals")
                .then().statusCode(200)
                .extract().as(TotalRow[].class));
    }

    private static void awaitTotals(String donor, List<TotalRow> expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertEquals(expected, totals(donor)));
    }

    private double count(String outcome) {
        return registry.get("counterpart.facts.events").tag("outcome", outcome).counter().count();
    }
}
