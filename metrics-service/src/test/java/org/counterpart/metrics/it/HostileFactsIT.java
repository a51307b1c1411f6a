package org.counterpart.metrics.it;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.counterpart.metrics.message.FactMessage;
import org.counterpart.metrics.message.FactsEvent;
import org.counterpart.metrics.projection.ProjectionOutcome;
import org.counterpart.metrics.projection.ProjectionRebuild;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.counterpart.metrics.it.FactsTopic.fact;
import static org.counterpart.metrics.it.FactsTopic.funds;
import static org.counterpart.metrics.it.FactsTopic.replaced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whoever can write to the facts topic must not decide the totals: hostile events written straight onto the topic
 * are dead-lettered, stay out of /totals, do not hold up the events after them, and do not make a rebuild fail.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "metrics"))
class HostileFactsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    MeterRegistry registry;

    @Inject
    ProjectionRebuild rebuild;

    @Test
    void hostileEventsAreDeadLetteredAndTheTotalsAndTheRebuildGoOn() {
        String donor = "Hostile-" + UUID.randomUUID().toString().substring(0, 8);
        String frozen = report("frozen");
        double malformed = count("malformed");
        double rejected = count("rejected");
        // report id -> the rule its event breaks
        Map<String, String> hostile = new LinkedHashMap<>();
        try (FactsTopic topic = new FactsTopic()) {
            topic.publish(replaced(frozen, 1, List.of(funds(donor, 300, 2018))));
            awaitTotal(donor, "300");

            String huge = report("huge");
            hostile.put(huge, "value_out_of_bounds");
            Map<String, Object> hugeFact = funds(donor, 1, 2019);
            hugeFact.put("value", new BigDecimal("1e308"));
            topic.publish(replaced(huge, 1, List.of(hugeFact)));

            String endless = report("endless");
            hostile.put(endless, "value_out_of_bounds");
            topic.publishEdited(replaced(endless, 1, List.of(funds(donor, 424_242, 2019))), "424242", "1e1000000");

            String madeUp = report("made-up");
            hostile.put(madeUp, "unknown_metric");
            topic.publish(replaced(madeUp, 1, List.of(fact(donor, "Liupanshui", "made_up_metric<script>", 5, "CNY", 2019))));

            String longName = report("long-name");
            hostile.put(longName, "text_too_long");
            topic.publish(replaced(longName, 1, List.of(fact(donor, "Liupanshui".repeat(1_000), "funds_cny", 7, "CNY", 2019))));

            String nul = report("nul");
            hostile.put(nul, "control_character");
            Map<String, Object> nulFact = funds(donor, 9, 2019);
            nulFact.put("evidence", Map.of("sentence", "Aid of 9 yuan\u0000 arrived.", "start", 0, "end", 26));
            topic.publish(replaced(nul, 1, List.of(nulFact)));

            hostile.put(frozen, "revision_step");
            topic.publish(replaced(frozen, 1_000_000_000_000_000L, List.of(funds(donor, 999_999, 2018))));

            hostile.forEach((report, rule) -> {
                List<ConsumerRecord<String, String>> dead = FactsTopic.deadLettered(report, PATIENCE);
                assertEquals(1, dead.size(), report + " is dead-lettered once");
                String reason = FactsTopic.header(dead.get(0), "dead-letter-reason");
                assertTrue(reason != null && reason.contains("(" + rule + ")"), report + ": " + reason);
            });
            assertEquals(List.of(Map.of("metric", "funds_cny", "total", 300)), totals(donor), "none of them counts");
            assertEquals(malformed + 5, count("malformed"));
            assertEquals(rejected + 1, count("rejected"));

            // Events after them still apply, and the report whose revision leapt is not frozen.
            topic.publish(replaced(frozen, 2, List.of(funds(donor, 310, 2018))));
            topic.publish(replaced(report("after"), 1, List.of(funds(donor, 42, 2019))));
            awaitTotal(donor, "352");
        }

        JsonPath report = given().when().post("/admin/rebuild").then().statusCode(200).extract().jsonPath();

        Map<String, Integer> reasons = report.getMap("skippedReasons");
        assertTrue(reasons.getOrDefault("value_out_of_bounds", 0) >= 2, report.prettify());
        for (String rule : List.of("unknown_metric", "text_too_long", "control_character", "revision_step")) {
            assertTrue(reasons.getOrDefault(rule, 0) >= 1, rule + ": " + report.prettify());
        }
        assertEquals(reasons.values().stream().mapToLong(Integer::longValue).sum(), report.getLong("skipped"));
        assertEquals(List.of(Map.of("metric", "funds_cny", "total", 352)), totals(donor));
        BigDecimal headline = new BigDecimal(given().queryParam("metric", "funds_cny").when().get("/totals/grand")
                .then().statusCode(200).extract().jsonPath().getString("[0].total"));
        assertTrue(headline.compareTo(new BigDecimal("1e13")) < 0, "the headline: " + headline);
    }

    /**
     * The last line of defence: an event that passed the reader (here handed over directly, bypassing it) but that
     * the database refuses is left out of the rebuild and named, instead of failing it.
     */
    @Test
    void anEventTheDatabaseRefusesIsLeftOutOfTheRebuildInsteadOfFailingIt() {
        String donor = "Refused-" + UUID.randomUUID().toString().substring(0, 8);
        FactsEvent kept = event(donor, 5, 2020, "A sentence without surprises.");
        FactsEvent refused = event(donor, 7, 2021, "A sentence with a NUL\u0000 in it.");

        ProjectionRebuild.Outcome outcome = rebuild.rebuild((apply, skip) -> {
            apply.accept(kept);
            apply.accept(refused);
        });

        assertEquals(Map.of(ProjectionOutcome.REPLACED, 1L), outcome.events());
        assertEquals(Map.of(ProjectionRebuild.FAILED_TO_APPLY, 1L), outcome.skipped());
        assertEquals(List.of(Map.of("metric", "funds_cny", "total", 5)), totals(donor));
        // Back to the topic's projection for the tests after this one.
        given().when().post("/admin/rebuild").then().statusCode(200);
    }

    // --- helpers ---

    private static String report(String what) {
        return what + "-" + UUID.randomUUID();
    }

    private static FactsEvent event(String donor, long value, int year, String sentence) {
        String reportId = report("direct");
        FactMessage fact = new FactMessage(UUID.randomUUID().toString(), reportId, "funds_cny", BigDecimal.valueOf(value),
                "CNY", "exact", "period", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null,
                new FactMessage.PartyMessage(donor, null, "prefecture", null, null),
                new FactMessage.PartyMessage("Liupanshui", null, "prefecture", null, null),
                new FactMessage.EvidenceMessage(sentence, 0, sentence.length(), null, null), "1.0.0", null, null, null);
        return new FactsEvent(UUID.randomUUID().toString(), FactsEvent.REPLACED, reportId, 1L, "1.0.0",
                Instant.parse("2026-11-22T10:00:00Z"), List.of(fact));
    }

    /** Each total of the donor as its metric and total. */
    private static List<Map<String, Object>> totals(String donor) {
        List<Map<String, Object>> rows = given().queryParam("donor", donor).when().get("/totals")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return rows.stream().map(row -> Map.of("metric", row.get("metric"), "total", row.get("total"))).toList();
    }

    private static void awaitTotal(String donor, String total) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertEquals(
                "[" + total + "]", given().queryParam("donor", donor).when().get("/totals").jsonPath().getList("total").toString()));
    }

    private double count(String outcome) {
        return registry.get("counterpart.facts.events").tag("outcome", outcome).counter().count();
    }
}
