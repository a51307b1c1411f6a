package org.counterpart.metrics.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.counterpart.metrics.it.FactsTopic.funds;
import static org.counterpart.metrics.it.FactsTopic.replaced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Analyst review as facts-service publishes it: each review is a new revision of the report's whole fact set, with
 * the corrected values at the top level. Each test uses its own donor, so totals on the shared database are its own.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "metrics"))
class ReviewOverTopicIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static FactsTopic topic;

    @BeforeAll
    static void connect() {
        topic = new FactsTopic();
    }

    @AfterAll
    static void disconnect() {
        topic.close();
    }

    @Test
    void aCorrectionCountsWithItsValueARejectionNotAtAllAndTheTotalSaysHowMuchWasChecked() {
        String donor = "Reviewed donor " + UUID.randomUUID().toString().substring(0, 8);
        String report = UUID.randomUUID().toString();
        Map<String, Object> roads = withId(funds(donor, 300_000_000, 2017), "fact-roads");
        Map<String, Object> schools = withId(funds(donor, 100_000_000, 2018), "fact-schools");
        Map<String, Object> clinics = withId(funds(donor, 50_000_000, 2019), "fact-clinics");
        topic.publish(replaced(report, 1, List.of(roads, schools, clinics)));
        awaitTotal(donor, "450000000", "0");

        // An analyst corrects the 2017 figure (the machine read 300 million, the report says 320 million) and
        // rejects the 2018 one; the 2019 figure stays unreviewed.
        Map<String, Object> corrected = reviewed(withValue(roads, 320_000_000), "corrected");
        corrected.put("extracted", Map.of("metric", "funds_cny", "value", 300_000_000, "unit", "CNY",
                "qualifier", "exact", "basis", "period", "periodStart", "2017-01-01", "periodEnd", "2017-12-31",
                "donor", roads.get("donor"), "recipient", roads.get("recipient")));
        topic.publish(replaced(report, 2, List.of(corrected, reviewed(schools, "rejected"), clinics)));

        // 320 + 50 = 370 million, of which the corrected 320 million was checked by a person.
        String share = new BigDecimal("320000000").divide(new BigDecimal("370000000"), 3, RoundingMode.DOWN).toPlainString();
        awaitTotal(donor, "370000000", share);
        assertEquals("0.864", share);

        JsonPath detail = given().when().get("/totals/{donor}/Liupanshui/funds_cny", donor)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, detail.getInt("claimCount"));
        assertEquals(share, detail.getString("reviewedShare"));
        Map<String, Object> correctedClaim = claim(detail, "used", "fact-roads");
        assertEquals(320000000, correctedClaim.get("value"));
        assertEquals(Map.of("status", "corrected", "changed", false, "by", "wei.analyst", "at", "2026-11-29T20:00:00Z"),
                correctedClaim.get("review"));
        assertEquals("http://localhost:8082/review/report.html?id=" + report + "&fact=fact-roads",
                correctedClaim.get("reviewUrl"));
        assertEquals("unreviewed", ((Map<?, ?>) claim(detail, "used", "fact-clinics").get("review")).get("status"));
        assertFalse(detail.getList("used.id").contains("fact-schools"), "a rejected fact is no claim: " + detail.prettify());
        assertFalse(detail.getList("unused.id").contains("fact-schools"), "not even an unused one: " + detail.prettify());

        // Every other figure agrees: the headline, the pair, the year the correction is about.
        assertEquals(share, given().queryParam("donor", donor).queryParam("metric", "funds_cny").when().get("/totals/grand")
                .then().statusCode(200).extract().jsonPath().getString("[0].reviewedShare"));
        assertEquals(share, given().queryParam("donor", donor).when().get("/pairs")
                .then().statusCode(200).extract().jsonPath().getString("[0].reviewedShares.funds_cny"));
        JsonPath years = given().queryParam("donor", donor).queryParam("metric", "funds_cny").when().get("/timeseries")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(2017, 2019), years.getList("year"));
        assertEquals(List.of("1", "0"), years.getList("reviewedShare").stream().map(String::valueOf).toList());
        String csv = given().accept("text/csv").queryParam("donor", donor).when().get("/totals")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.lines().toList().get(1).endsWith(",370000000,2,,," + share + ",,370000000"), csv);

        // The projection holds the revision as published, the rejected fact with it.
        JsonPath projection = given().when().get("/projection/reports/{id}", report).then().statusCode(200).extract().jsonPath();
        assertEquals(3, projection.getInt("factCount"));
        assertEquals(1, projection.getInt("rejectedCount"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConfirmationTheMachinesNewReadingNoLongerMatchesIsNotCountedAsChecked() {
        String donor = "Reviewed donor " + UUID.randomUUID().toString().substring(0, 8);
        String report = UUID.randomUUID().toString();
        Map<String, Object> fact = withId(funds(donor, 80_000_000, 2019), "fact-wells");
        topic.publish(replaced(report, 1, List.of(reviewed(fact, "confirmed"))));
        awaitTotal(donor, "80000000", "1");

        // A rerun reads 82 million where the analyst confirmed 80: back in the queue.
        Map<String, Object> changed = reviewed(withValue(fact, 82_000_000), "unreviewed");
        ((Map<String, Object>) changed.get("review")).put("changed", true);
        topic.publish(replaced(report, 2, List.of(changed)));

        awaitTotal(donor, "82000000", "0");
        Map<String, Object> review = (Map<String, Object>) claim(given().when().get("/totals/{donor}/Liupanshui/funds_cny", donor)
                .then().statusCode(200).extract().jsonPath(), "used", "fact-wells").get("review");
        assertEquals(true, review.get("changed"));
    }

    @Test
    void aReportWhoseEveryFactWasRejectedHasNoTotal() {
        String donor = "Reviewed donor " + UUID.randomUUID().toString().substring(0, 8);
        String report = UUID.randomUUID().toString();
        Map<String, Object> fact = withId(funds(donor, 60_000_000, 2019), "fact-bridges");
        topic.publish(replaced(report, 1, List.of(fact)));
        awaitTotal(donor, "60000000", "0");

        topic.publish(replaced(report, 2, List.of(reviewed(fact, "rejected"))));

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertEquals(0,
                given().queryParam("donor", donor).when().get("/totals").then().statusCode(200).extract().jsonPath()
                        .getList("$").size()));
        assertEquals(0, given().queryParam("donor", donor).when().get("/pairs").then().statusCode(200).extract()
                .jsonPath().getList("$").size());
    }

    // --- helpers ---

    private static Map<String, Object> withId(Map<String, Object> fact, String id) {
        Map<String, Object> copy = new LinkedHashMap<>(fact);
        copy.put("id", id);
        return copy;
    }

    private static Map<String, Object> withValue(Map<String, Object> fact, long value) {
        Map<String, Object> copy = new LinkedHashMap<>(fact);
        copy.put("value", value);
        return copy;
    }

    /** The fact as facts-service publishes it after an analyst's verdict. */
    private static Map<String, Object> reviewed(Map<String, Object> fact, String status) {
        Map<String, Object> copy = new LinkedHashMap<>(fact);
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("status", status);
        review.put("changed", false);
        review.put("by", "wei.analyst");
        review.put("at", "2026-11-29T20:00:00Z");
        review.put("note", "checked against the report's second paragraph");
        copy.put("review", review);
        copy.put("origin", "machine");
        return copy;
    }

    private static Map<String, Object> claim(JsonPath detail, String list, String id) {
        List<Map<String, Object>> claims = detail.getList(list);
        return claims.stream().filter(claim -> id.equals(claim.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no claim " + id + " in " + detail.prettify()));
    }

    private static void awaitTotal(String donor, String total, String reviewedShare) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath rows = given().queryParam("donor", donor).when().get("/totals").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(List.of(total), rows.getList("total").stream().map(String::valueOf).toList());
            assertEquals(List.of(reviewedShare), rows.getList("reviewedShare").stream().map(String::valueOf).toList());
        });
    }
}
