package org.counterpart.metrics.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.counterpart.metrics.it.FactsTopic.asCumulative;
import static org.counterpart.metrics.it.FactsTopic.funds;
import static org.counterpart.metrics.it.FactsTopic.replaced;
import static org.counterpart.metrics.it.FactsTopic.retracted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.junit.jupiter.api.Test;

/** POST /admin/rebuild replays the topic into an emptied projection and ends with identical totals. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "metrics"))
class RebuildIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aRebuildEndsWithTheTotalsTheLiveConsumerMade() {
        // First bring the projection in line with the whole topic (earlier test classes may have used another
        // database with this topic), then let the live consumer apply new events, then rebuild and compare.
        given().when().post("/admin/rebuild").then().statusCode(200);
        String donor = "Rebuild-" + UUID.randomUUID();
        String a = "ra-" + UUID.randomUUID();
        String b = "rb-" + UUID.randomUUID();
        String c = "rc-" + UUID.randomUUID();
        try (FactsTopic topic = new FactsTopic()) {
            // a: 2017 100 then corrected to 2017 120; b: running total up to 2018, 400; c: retracted.
            // Spans: b covers 2017 and 2018, so a (120) and b (400) overlap: total 400, 1 claim, a unused.
            topic.publish(replaced(a, 1, List.of(funds(donor, 100, 2017))));
            topic.publish(replaced(a, 2, List.of(funds(donor, 120, 2017))));
            topic.publish(replaced(b, 1, List.of(asCumulative(funds(donor, 400, 2018), null, "2018-12-31"))));
            topic.publish(replaced(c, 1, List.of(funds(donor, 5, 2020))));
            topic.publish(retracted(c, 2));
            topic.publishRaw(c, "not an event at all");
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertEquals(
                    "[400]", given().queryParam("donor", donor).when().get("/totals").jsonPath().getList("total").toString()));
            // The unreadable message comes after c's retraction on c's partition: once it is dead-lettered,
            // c's events have all been handled.
            assertEquals(1, FactsTopic.deadLettered(c, PATIENCE).size());
        }
        Map<String, String> before = snapshot();

        JsonPath report = given().when().post("/admin/rebuild").then().statusCode(200).extract().jsonPath();

        assertTrue(report.getLong("events.replaced") >= 4, report.prettify());
        assertTrue(report.getLong("skipped") >= 1, "the unreadable message is skipped: " + report.prettify());
        assertEquals(before, snapshot());
        JsonPath detail = given().when().get("/totals/" + donor + "/Liupanshui/funds_cny").jsonPath();
        assertEquals(400, detail.getInt("total"));
        assertEquals(List.of("overlapped"), detail.getList("unused.reason"));
    }

    /** Everything a reader can see: every total with its claims, the grand totals and the pairs. */
    private static Map<String, String> snapshot() {
        return Map.of(
                "totals", given().queryParam("expand", "claims").when().get("/totals").then().statusCode(200).extract().asString(),
                "grand", given().when().get("/totals/grand").then().statusCode(200).extract().asString(),
                "pairs", given().when().get("/pairs").then().statusCode(200).extract().asString());
    }
}
