package org.counterpart.facts.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.infra.TopicReader;
import org.counterpart.infra.TopicWriter;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Analyst review over the real service, Kafka and PostgreSQL: a correction changes the fact and the facts topic and
 * survives a rerun; a rejection flags the fact; a confirmation the machine's newer reading no longer matches goes
 * back to the queue; an analyst's own fact survives a rerun; a fact's history shows machine readings and reviews.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "facts"))
class ReviewIT {

    private static final String REPORT = "In 2020, Suzhou sent 480 million yuan of assistance funds to Tongren and "
            + "carried out 215 aid projects there. Teachers from Suzhou ran 36 evening classes in Tongren villages.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static UUID postReport() throws InterruptedException {
        UUID reportId = UUID.randomUUID();
        String event = """
                {"eventId":"%s","type":"ReportSubmitted","reportId":"%s","occurredAt":"2021-01-10T00:00:00Z",
                 "text":"%s","language":"en","publishedAt":"2021-01-10","receivedAt":"2021-01-10T00:00:00Z",
                 "sourceUrl":"https://example.org/suzhou-tongren","contentHash":"x"}"""
                .formatted(UUID.randomUUID(), reportId, REPORT);
        TopicWriter.write(bootstrap(), "reports", reportId.toString(), event, Map.of("ce_specversion", "1.0"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (given().get("/extractions/" + reportId).statusCode() == 200) return reportId;
            Thread.sleep(300);
        }
        throw new AssertionError("report " + reportId + " was not extracted in time");
    }

    private static List<Map<String, Object>> facts(UUID reportId) {
        return given().queryParam("reportId", reportId.toString()).get("/facts").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private static Map<String, Object> factOf(UUID reportId, String metric) {
        return facts(reportId).stream().filter(f -> metric.equals(f.get("metric"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + metric + " fact in " + facts(reportId)));
    }

    private static JsonPath review(Object factId, String body, int status) {
        return given().contentType("application/json").body(body).post("/facts/" + factId + "/review")
                .then().statusCode(status).extract().jsonPath();
    }

    private static JsonNode latestFactsMessage(UUID reportId, int count) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicReader.read(bootstrap(), "facts",
                r -> reportId.toString().equals(r.key()), count, Duration.ofSeconds(30));
        assertEquals(count, records.size(), "facts messages of the report");
        return JSON.readTree(records.get(records.size() - 1).value());
    }

    @Test
    void aCorrectionChangesTheFactAndTheTopicAndSurvivesARerun() throws Exception {
        UUID reportId = postReport();
        Map<String, Object> funds = factOf(reportId, "funds_cny");
        assertEquals("unreviewed", ((Map<?, ?>) funds.get("review")).get("status"));
        assertEquals("machine", funds.get("origin"));

        JsonPath corrected = review(funds.get("id"),
                "{\"action\":\"correct\",\"value\":\"408000000\",\"note\":\"the figure is 408 million\"}", 200);
        assertEquals("corrected", corrected.getString("review.status"));
        assertEquals("local", corrected.getString("review.by"));
        assertEquals(408000000L, corrected.getLong("value"));
        assertEquals(480000000L, corrected.getLong("extracted.value"), "the machine's own reading is kept");

        // the topic carries the reviewed fact set as a new revision
        JsonNode message = latestFactsMessage(reportId, 2);
        JsonNode published = null;
        for (JsonNode f : message.get("facts")) if (f.get("metric").asText().equals("funds_cny")) published = f;
        assertNotNull(published);
        assertEquals(408000000L, published.get("value").asLong());
        assertEquals("corrected", published.at("/review/status").asText());

        given().post("/extractions/" + reportId + "/rerun").then().statusCode(202);
        Map<String, Object> after = factOf(reportId, "funds_cny");
        assertNotEquals(funds.get("id"), after.get("id"), "a rerun makes new facts");
        assertEquals(408000000L, ((Number) after.get("value")).longValue(), "the correction stands after the rerun");
        assertEquals("corrected", ((Map<?, ?>) after.get("review")).get("status"));
        assertEquals("the figure is 408 million", ((Map<?, ?>) after.get("review")).get("note"));

        JsonPath history = given().get("/facts/" + after.get("id") + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, history.getList("readings").size(), "one machine reading per extraction");
        assertEquals(480000000L, history.getLong("readings[1].reading.value"));
        assertEquals(List.of("correct"), history.getList("reviews.action"));
        assertEquals("local", history.getString("reviews[0].by"));
        // the replaced fact's id still finds the same history
        given().get("/facts/" + funds.get("id") + "/history").then().statusCode(200)
                .body("reviews.size()", equalTo(1));
    }

    @Test
    void aRejectedFactStaysVisibleFlaggedAndLeavesTheQueue() throws Exception {
        UUID reportId = postReport();
        Map<String, Object> projects = factOf(reportId, "projects");
        JsonPath queued = given().queryParam("limit", 200).get("/review/queue").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(queued.getList("items.fact.id").contains(projects.get("id")), "unreviewed facts are queued");

        review(projects.get("id"), "{\"action\":\"reject\",\"note\":\"counted twice\"}", 200);
        Map<String, Object> flagged = factOf(reportId, "projects");
        assertEquals("rejected", ((Map<?, ?>) flagged.get("review")).get("status"));
        List<Object> queuedAfter = given().queryParam("limit", 200).get("/review/queue").then().statusCode(200)
                .extract().jsonPath().getList("items.fact.id");
        assertFalse(queuedAfter.contains(projects.get("id")), "reviewed facts leave the queue");

        given().post("/extractions/" + reportId + "/rerun").then().statusCode(202);
        assertEquals("rejected", ((Map<?, ?>) factOf(reportId, "projects").get("review")).get("status"));
    }

    @Test
    void aConfirmationTheMachinesNewReadingDoesNotMatchGoesBackToTheQueue() throws Exception {
        UUID reportId = postReport();
        Map<String, Object> funds = factOf(reportId, "funds_cny");
        review(funds.get("id"), "{\"action\":\"confirm\"}", 200);
        assertEquals("confirmed", ((Map<?, ?>) factOf(reportId, "funds_cny").get("review")).get("status"));

        // as if an earlier extractor had read another amount when the analyst confirmed it
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE fact_review SET seen_value = 1 WHERE report_id = :r").setParameter("r", reportId)
                .executeUpdate());
        given().post("/extractions/" + reportId + "/rerun").then().statusCode(202);

        Map<String, Object> review = (Map<String, Object>) factOf(reportId, "funds_cny").get("review");
        assertEquals("unreviewed", review.get("status"));
        assertEquals(Boolean.TRUE, review.get("changed"));
        Object id = factOf(reportId, "funds_cny").get("id");
        List<Map<String, Object>> items = given().queryParam("limit", 200).get("/review/queue").then()
                .extract().jsonPath().getList("items");
        Map<String, Object> entry = items.stream().filter(i -> id.equals(((Map<?, ?>) i.get("fact")).get("id")))
                .findFirst().orElseThrow(() -> new AssertionError("changed fact not queued"));
        assertTrue(entry.get("reasons").toString().contains("reads it differently"), entry.toString());
    }

    @Test
    void aReviewWhoseFigureNoFactHoldsAfterARerunIsListedAsOrphaned() throws Exception {
        UUID reportId = postReport();
        Map<String, Object> projects = factOf(reportId, "projects");
        review(projects.get("id"), "{\"action\":\"reject\",\"note\":\"not projects\"}", 200);
        // as if the review had been given when an earlier extractor read the figure as another metric
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE fact_review SET metric = 'agreements' WHERE report_id = :r").setParameter("r", reportId)
                .executeUpdate());
        given().post("/extractions/" + reportId + "/rerun").then().statusCode(202);

        assertEquals("unreviewed", ((Map<?, ?>) factOf(reportId, "projects").get("review")).get("status"),
                "no review stands at the projects figure now");
        List<Map<String, Object>> orphaned = given().get("/review/orphaned").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertTrue(orphaned.stream().anyMatch(o -> reportId.toString().equals(o.get("reportId"))
                && "reject".equals(o.get("action")) && "not projects".equals(o.get("note"))), orphaned.toString());
        given().get("/facts/" + projects.get("id") + "/history").then().statusCode(200);
    }

    @Test
    void anAnalystAddsAMissedFigureAndItSurvivesARerun() throws Exception {
        UUID reportId = postReport();
        int start = REPORT.indexOf("36");
        String body = """
                {"figureStart":%d,"figureEnd":%d,"metric":"people_trained","value":36,"donor":"苏州",
                 "recipient":"520600","periodStart":"2020-01-01","periodEnd":"2020-12-31","note":"classes, not people"}"""
                .formatted(start, start + 2);
        JsonPath added = given().contentType("application/json").body(body).post("/reports/" + reportId + "/facts")
                .then().statusCode(201).extract().jsonPath();
        assertEquals("analyst", added.getString("origin"));
        assertEquals("36", added.getString("asWritten"));
        assertEquals("Teachers from Suzhou ran 36 evening classes in Tongren villages.",
                added.getString("evidence.sentence").strip());
        assertEquals("320500", added.getString("donor.code"));
        assertEquals("confirmed", added.getString("review.status"));

        // two prefectures are spelled Suzhou in English (苏州, 宿州): the name alone does not say which
        given().contentType("application/json").body(body.replace("苏州", "Suzhou"))
                .post("/reports/" + reportId + "/facts").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("donor"));
        given().contentType("application/json").body(body).post("/reports/" + reportId + "/facts")
                .then().statusCode(409).contentType("application/problem+json");
        given().post("/extractions/" + reportId + "/rerun").then().statusCode(202);
        assertEquals("analyst", factOf(reportId, "people_trained").get("origin"));

        given().get("/reports/" + reportId).then().statusCode(200)
                .body("sourceUrl", equalTo("https://example.org/suzhou-tongren"))
                .body("text", equalTo(REPORT))
                .body("facts.origin", hasItem("analyst"));
    }

    @Test
    void invalidReviewsAreProblems() throws Exception {
        UUID reportId = postReport();
        Object id = factOf(reportId, "funds_cny").get("id");
        for (String bad : new String[] {
                "{\"action\":\"correct\",\"metric\":\"goodwill\"}",
                "{\"action\":\"correct\",\"recipient\":\"Atlantis\"}",
                "{\"action\":\"correct\",\"value\":-5}",
                "{\"action\":\"correct\"}",
                "{\"action\":\"approve\"}",
                "{\"action\":\"confirm\",\"value\":5}",
                "{\"action\":\"correct\",\"colour\":\"red\"}",
                "{\"action\":\"correct\",\"periodStart\":\"2020-13-01\"}"}) {
            given().contentType("application/json").body(bad).post("/facts/" + id + "/review").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("/problems/invalid-request"));
        }
        given().contentType("application/json").body("{\"action\":\"confirm\"}")
                .post("/facts/" + UUID.randomUUID() + "/review").then().statusCode(404);
        given().contentType("application/json").body("{\"figureStart\":0,\"figureEnd\":99999,\"metric\":\"projects\","
                + "\"value\":1,\"donor\":\"320500\",\"recipient\":\"520600\"}")
                .post("/reports/" + reportId + "/facts").then().statusCode(400);
        assertEquals("unreviewed", ((Map<?, ?>) factOf(reportId, "funds_cny").get("review")).get("status"),
                "nothing was recorded");
    }

    @Test
    void theQueuePagesWithACursorWithoutRepeats() throws Exception {
        postReport();
        postReport();
        List<Object> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 1);
            if (cursor != null) request = request.queryParam("cursor", cursor);
            JsonPath page = request.get("/review/queue").then().statusCode(200).extract().jsonPath();
            List<Object> ids = page.getList("items.fact.id");
            assertTrue(ids.size() <= 1);
            for (Object id : ids) {
                assertFalse(seen.contains(id), "no fact twice");
                seen.add(id);
            }
            cursor = page.getString("next");
            pages++;
        } while (cursor != null && pages < 500);
        assertTrue(seen.size() >= 4, "both reports' facts were paged through: " + seen.size());
        given().queryParam("cursor", "not-a-cursor").get("/review/queue").then().statusCode(400);
        given().queryParam("limit", "lots").get("/review/queue").then().statusCode(400);
        given().queryParam("limit", 1).get("/review/queue").then().statusCode(200)
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""));
    }
}
