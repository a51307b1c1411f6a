package org.counterpart.metrics.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.counterpart.metrics.it.FactsTopic.replaced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
 * Issue 9 over the real topic: a fact whose donor is a group ("Shanghai and Guangdong") becomes a total row of
 * its own, named as the group and showing its members; a low-confidence fact of the same pair counts only when a
 * reader asks for it. The only test class on the shared database with Yunnan and personnel exchanged.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "metrics"))
class GroupsOverTopicIT {

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
    void aGroupDonorIsARowOfItsOwnWithBothMembers() {
        Map<String, Object> stated = personnelToYunnan(837, 2019, "Shanghai and Guangdong sent 837 officials to Yunnan in 2019.");
        Map<String, Object> unsure = personnelToYunnan(100, 2020, "The two sides exchanged 100 people in 2020.");
        unsure.put("confidence", "low");
        unsure.put("reasons", List.of("party_from_context"));
        topic.publish(replaced("groups-" + UUID.randomUUID(), 1, List.of(stated, unsure)));

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() ->
                assertEquals(837, groupRows(null).getInt("[0].total")));
        JsonPath rows = groupRows(null);
        assertEquals(1, rows.getList("$").size());
        assertEquals("Shanghai and Guangdong", rows.getString("[0].donor"));
        assertNull(rows.get("[0].donorCode"));
        assertEquals("group", rows.getString("[0].level"));
        assertEquals(List.of("Shanghai", "Guangdong"), rows.getList("[0].donorMembers.name"));
        assertEquals(List.of("310000", "440000"), rows.getList("[0].donorMembers.code"));
        assertEquals(false, rows.getBoolean("[0].donorMembersInferred"));
        assertNull(rows.get("[0].recipientMembers"), "a region has no members");

        // The low-confidence fact only when asked for, and then with its confidence and reasons.
        assertEquals(937, groupRows("low").getInt("[0].total"));
        JsonPath detail = given().queryParam("minConfidence", "low")
                .when().get("/totals/Shanghai and Guangdong/530000/personnel_exchanged")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Shanghai", "Guangdong"), detail.getList("donorMembers.name"));
        assertEquals(List.of("high", "low"), detail.getList("used.confidence"));
        assertEquals(List.of(List.of(), List.of("party_from_context")), detail.getList("used.confidenceReasons"));
    }

    /** GET /totals for group pairs with Yunnan of personnel exchanged, with the confidence asked for (or none). */
    private static JsonPath groupRows(String minConfidence) {
        var request = given().queryParam("metric", "personnel_exchanged").queryParam("level", "group")
                .queryParam("recipient", "530000");
        if (minConfidence != null) {
            request = request.queryParam("minConfidence", minConfidence);
        }
        return request.when().get("/totals").then().statusCode(200).extract().jsonPath();
    }

    /** A fact exactly as the brief of issue 9 writes it: a group donor with two named members, Yunnan receiving. */
    private static Map<String, Object> personnelToYunnan(long people, int year, String evidence) {
        Map<String, Object> donor = new LinkedHashMap<>();
        donor.put("name", "Shanghai and Guangdong");
        donor.put("level", "group");
        donor.put("code", null);
        donor.put("members", List.of(
                Map.of("name", "Shanghai", "code", "310000", "level", "province"),
                Map.of("name", "Guangdong", "code", "440000", "level", "province")));
        Map<String, Object> fact = FactsTopic.fact("Shanghai and Guangdong", "Yunnan", "personnel_exchanged", people,
                "people", year);
        fact.put("donor", donor);
        fact.put("recipient", Map.of("name", "Yunnan", "code", "530000", "level", "province"));
        fact.put("evidence", Map.of("sentence", evidence, "start", 0, "end", evidence.length(),
                "figureStart", 0, "figureEnd", 3));
        return fact;
    }
}
