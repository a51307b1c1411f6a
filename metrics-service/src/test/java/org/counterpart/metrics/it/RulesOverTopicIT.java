package org.counterpart.metrics.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.counterpart.metrics.it.FactsTopic.funds;
import static org.counterpart.metrics.it.FactsTopic.regional;
import static org.counterpart.metrics.it.FactsTopic.replaced;
import static org.counterpart.metrics.it.FactsTopic.retracted;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The totals rules end to end: events on the real topic, totals and drill-down over HTTP. The only test class
 * on the shared database that uses Guangdong and Guangxi codes, so its province figures are its own.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "metrics"))
class RulesOverTopicIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String[] GUANGDONG = {"Guangdong", "440000", "province"};
    static final String[] GUANGXI = {"Guangxi", "450000", "province"};
    static final String[] SHENZHEN = {"Shenzhen", "440300", "prefecture"};
    static final String[] BAISE = {"Baise", "451000", "prefecture"};
    static final String[] HECHI = {"Hechi", "451200", "prefecture"};

    private static FactsTopic topic;

    @TestHTTPResource("/totals/stream")
    URI stream;

    /** Once per class, but after Quarkus has set up REST Assured (which it does per test). */
    @BeforeEach
    void publishOnce() {
        if (topic != null) {
            return;
        }
        topic = new FactsTopic();
        // Rule 4 and rule 5 over the topic, all 2019 aid funds:
        //   Guangdong -> Guangxi (own)   700 million               report G
        //   Shenzhen -> Baise            500 million (report B1) and 520 million (report B2): 4% apart, a conflict;
        //                                one source each, same time, both exact: the larger, 520 million, is kept
        //   Shenzhen -> Hechi            300 million               report H
        //   children 520 + 300 = 820 million > 700 million: Guangdong -> Guangxi = 820 million, 2 claims
        topic.publish(replaced("G-" + UUID.randomUUID(), 1, List.of(regional(GUANGDONG, GUANGXI, "funds_cny", 700_000_000,
                "CNY", 2019, "In 2019 Guangdong provided 700 million yuan of aid to Guangxi."))));
        topic.publish(replaced("B1-" + UUID.randomUUID(), 1, List.of(regional(SHENZHEN, BAISE, "funds_cny", 500_000_000,
                "CNY", 2019, "Shenzhen invested 500 million yuan in Baise in 2019."))));
        topic.publish(replaced("B2-" + UUID.randomUUID(), 1, List.of(regional(SHENZHEN, BAISE, "funds_cny", 520_000_000,
                "CNY", 2019, "Shenzhen's aid to Baise reached 520 million yuan in 2019."))));
        topic.publish(replaced("H-" + UUID.randomUUID(), 1, List.of(regional(SHENZHEN, HECHI, "funds_cny", 300_000_000,
                "CNY", 2019, "Shenzhen gave Hechi 300 million yuan in 2019."))));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                given().queryParam("province", "Guangdong").when().get("/totals").then().extract().jsonPath()
                        .getList("total").size() == 3);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                given().queryParam("donor", "Shenzhen").queryParam("recipient", "Baise").when().get("/totals")
                        .then().extract().jsonPath().getLong("[0].total") == 520_000_000L);
    }

    @AfterAll
    static void disconnect() {
        if (topic != null) {
            topic.close();
            topic = null;
        }
    }

    /**
     * Rule 1, with donor D:
     * <pre>
     *   report A rev 1: 2017 100, 2018 50          total 150
     *   report A rev 2: 2017 70 (replaces rev 1)   total 70
     *   report B rev 1: 2019 30                    total 70 + 30 = 100
     *   report B rev 1 again (redelivery)          total 100
     *   report A rev 3: retracted                  total 30
     *   report A rev 2 again (late, stale), report B rev 0 (late, stale: 999)   total 30
     *   markers after them on both partitions: B rev 2: 2019 31, A rev 4: 2016 1   total 31 + 1 = 32
     * </pre>
     */
    @Test
    void rule1OnlyTheCurrentFactsOfCurrentReportsCount() {
        String donor = "Rule1-" + UUID.randomUUID();
        String a = "A-" + UUID.randomUUID();
        String b = "B-" + UUID.randomUUID();
        topic.publish(replaced(a, 1, List.of(funds(donor, 100, 2017), funds(donor, 50, 2018))));
        awaitTotal(donor, 150);
        Map<String, Object> aRevision2 = replaced(a, 2, List.of(funds(donor, 70, 2017)));
        topic.publish(aRevision2);
        awaitTotal(donor, 70);
        Map<String, Object> bRevision1 = replaced(b, 1, List.of(funds(donor, 30, 2019)));
        topic.publish(bRevision1);
        awaitTotal(donor, 100);
        topic.publish(bRevision1);
        topic.publish(retracted(a, 3));
        awaitTotal(donor, 30);
        topic.publish(aRevision2);
        topic.publish(replaced(b, 0, List.of(funds(donor, 999, 2019))));
        // Markers after the late events on both reports' partitions: once they apply, the late ones were seen.
        topic.publish(replaced(b, 2, List.of(funds(donor, 31, 2019))));
        topic.publish(replaced(a, 4, List.of(funds(donor, 1, 2016))));
        awaitTotal(donor, 32);
        assertEquals(2, given().queryParam("donor", donor).when().get("/totals").then().extract().jsonPath().getInt("[0].claimCount"));
    }

    @Test
    void aParentPairTotalsItsChildPairsAndTheDrillDownShowsEverySource() {
        JsonPath detail = given().when().get("/totals/Guangdong/Guangxi/funds_cny")
                .then().statusCode(200).extract().jsonPath();

        assertEquals(820_000_000L, detail.getLong("total"));
        assertEquals(700_000_000L, detail.getLong("ownTotal"));
        assertTrue(detail.getBoolean("fromChildPairs"));
        assertEquals(2, detail.getInt("claimCount"));
        assertEquals("province", detail.getString("level"));
        assertEquals(List.of("Baise", "Hechi"), detail.getList("childPairs.recipient"));
        assertEquals(List.of("child_pairs_larger"), detail.getList("unused.reason"));
        assertEquals(1, detail.getInt("conflictCount"));
        List<String> evidence = detail.getList("used.sources.flatten().evidence");
        assertTrue(evidence.contains("Shenzhen's aid to Baise reached 520 million yuan in 2019."), evidence.toString());
        String reportId = detail.getString("used[0].sources[0].reportId");
        assertEquals("http://localhost:8082/facts?reportId=" + reportId, detail.getString("used[0].sources[0].factsUrl"));
    }

    @Test
    void aConflictIsKeptAndListedWithItsReason() {
        JsonPath detail = given().when().get("/totals/440300/451000/funds_cny").then().statusCode(200).extract().jsonPath();

        assertEquals(520_000_000L, detail.getLong("total"));
        assertEquals(true, detail.getBoolean("used[0].conflicted"));
        assertEquals("conflict", detail.getString("unused[0].reason"));
        assertEquals(500_000_000L, detail.getLong("unused[0].value"));
        assertEquals(detail.getString("used[0].id"), detail.getString("unused[0].insteadOf"));
    }

    @Test
    void filtersByLevelProvinceAndYear() {
        given().queryParam("level", "province").queryParam("province", "44").queryParam("metric", "funds_cny")
                .when().get("/totals")
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].donor", equalTo("Guangdong")).body("[0].donorCode", equalTo("440000"))
                .body("[0].level", equalTo("province")).body("[0].claims", equalTo(null));
        given().queryParam("province", "Guangxi").queryParam("fromYear", "2020").when().get("/totals")
                .then().statusCode(200).body("size()", equalTo(0));
        given().queryParam("province", "Guangxi").queryParam("expand", "claims").queryParam("level", "prefecture")
                .when().get("/totals")
                .then().statusCode(200).body("claims.flatten().reason", hasItem("conflict"));
    }

    @Test
    void grandTotalsTimeseriesAndPairsCountEachPairsWorkOnce() {
        // Guangdong's three pairs: only the province pair counts, it contains the other two: 820 million.
        given().queryParam("province", "Guangdong").queryParam("metric", "funds_cny").when().get("/totals/grand")
                .then().statusCode(200)
                .body("[0].total", equalTo(820_000_000)).body("[0].pairCount", equalTo(1)).body("[0].claimCount", equalTo(2));
        given().queryParam("province", "44").queryParam("metric", "funds_cny").when().get("/timeseries")
                .then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].year", equalTo(2019)).body("[0].total", equalTo(820_000_000));
        given().queryParam("province", "44").when().get("/pairs")
                .then().statusCode(200)
                .body("find { it.donor == 'Guangdong' }.totals.funds_cny", equalTo(820_000_000))
                .body("find { it.recipient == 'Baise' }.parent", equalTo("Guangdong → Guangxi"))
                .body("find { it.recipient == 'Baise' }.conflictCount", equalTo(1));
        given().when().get("/timeseries").then().statusCode(400).body("invalidParams.name", hasItem("metric"));
    }

    @Test
    void totalsAndClaimsExportAsCsv() {
        String totals = given().accept("text/csv").queryParam("donor", "Shenzhen").queryParam("metric", "funds_cny")
                .when().get("/totals")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        // a UTF-8 byte order mark first, for spreadsheet programs; each row says its parent pair and what the
        // grand total of the same filters adds of it (both child pairs here: their parent is not selected)
        assertEquals(List.of("\uFEFFdonor,donorCode,recipient,recipientCode,level,metric,unit,total,claimCount,"
                        + "donorMembers,recipientMembers,reviewedShare,parent,inGrandTotal",
                "Shenzhen,440300,Baise,451000,prefecture,funds_cny,CNY,520000000,1,,,0,Guangdong → Guangxi,520000000",
                "Shenzhen,440300,Hechi,451200,prefecture,funds_cny,CNY,300000000,1,,,0,Guangdong → Guangxi,300000000"),
                totals.lines().toList());
        given().accept("text/csv").when().get("/totals/Shenzhen/Baise/funds_cny")
                .then().statusCode(200)
                .body(containsString(",Shenzhen's aid to Baise reached 520 million yuan in 2019.,"))
                .body(containsString(",conflict,"));
    }

    @Test
    void anUnknownTotalIsA404ProblemAndBadInputA400() {
        given().when().get("/totals/Guangdong/Guangxi/projects")
                .then().statusCode(404).contentType(startsWith("application/problem+json")).body("status", equalTo(404));
        given().when().get("/totals/Guangdong/Guangxi/fund")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().queryParam("level", "city").queryParam("fromYear", "abc").when().get("/totals")
                .then().statusCode(400).body("invalidParams.name", equalTo(List.of("level", "fromYear")));
    }

    @Test
    void changedTotalsAreStreamedAsServerSentEvents() throws Exception {
        String donor = "Live-" + UUID.randomUUID();
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> response = client.sendAsync(
                HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> open = response.get(10, java.util.concurrent.TimeUnit.SECONDS);
        Thread reader = new Thread(() -> open.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            // The subscription is registered when the response starts; publish until a change arrives.
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
                topic.publish(replaced("live-" + UUID.randomUUID(), 1, List.of(funds(donor, 5, 2019))));
                return lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(donor));
            });
        } finally {
            open.body().close();
        }
    }

    private static void awaitTotal(String donor, long total) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertEquals("[" + total + "]",
                given().queryParam("donor", donor).when().get("/totals").then().statusCode(200).extract().jsonPath()
                        .getList("total").toString()));
    }
}
