package org.counterpart.facts.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.facts.extraction.Extractor;
import org.counterpart.infra.TopicReader;
import org.counterpart.infra.TopicWriter;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Re-extraction replaces a report's facts downstream: a second facts message, higher revision, same facts. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "facts"))
class ReextractionIT {

    private static final String REPORT = "In 2019, Suzhou allocated 560 million yuan of fiscal aid funds to Tongren "
            + "and implemented 312 projects there.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static void post(UUID reportId) {
        String event = """
                {"eventId":"%s","type":"ReportSubmitted","reportId":"%s","occurredAt":"2020-01-10T00:00:00Z",
                 "text":"%s","language":"en","publishedAt":"2020-01-10","receivedAt":"2020-01-10T00:00:00Z",
                 "contentHash":"x"}""".formatted(UUID.randomUUID(), reportId, REPORT);
        TopicWriter.write(bootstrap(), "reports", reportId.toString(), event, Map.of("ce_specversion", "1.0"));
    }

    private static void awaitExtraction(UUID reportId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (given().get("/extractions/" + reportId).statusCode() == 200) return;
            Thread.sleep(300);
        }
        throw new AssertionError("report " + reportId + " was not extracted in time");
    }

    private static List<JsonNode> factsMessages(UUID reportId, int expected) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : TopicReader.read(bootstrap(), "facts",
                rec -> reportId.toString().equals(rec.key()), expected, Duration.ofSeconds(30))) {
            out.add(JSON.readTree(r.value()));
        }
        return out;
    }

    /** The facts of a message without their ids: what a subscriber compares. */
    private static List<String> factKeys(JsonNode message) {
        List<String> out = new ArrayList<>();
        message.get("facts").forEach(f -> out.add(f.get("metric").asText() + "=" + f.get("value").decimalValue()
                .stripTrailingZeros().toPlainString() + " " + f.at("/donor/code").asText() + "->"
                + f.at("/recipient/code").asText()));
        return out;
    }

    @Test
    void rerunOfOneReportPublishesTheSameFactsWithAHigherRevision() throws Exception {
        UUID reportId = UUID.randomUUID();
        post(reportId);
        awaitExtraction(reportId);
        long before = given().get("/extractions/" + reportId).then().extract().<Number>path("revision").longValue();

        given().post("/extractions/" + reportId + "/rerun").then().statusCode(202)
                .body("status", equalTo("done"))
                .body("extractorVersion", equalTo(Extractor.VERSION))
                .body("factCount", equalTo(2));
        long after = given().get("/extractions/" + reportId).then().extract().<Number>path("revision").longValue();
        assertTrue(after > before, "revision " + before + " -> " + after);

        List<JsonNode> messages = factsMessages(reportId, 2);
        assertEquals(2, messages.size());
        assertTrue(messages.get(1).get("revision").asLong() > messages.get(0).get("revision").asLong());
        assertEquals(factKeys(messages.get(0)), factKeys(messages.get(1)));
        assertEquals(2, given().queryParam("reportId", reportId.toString()).get("/facts").then().statusCode(200)
                .extract().jsonPath().getList("$").size(), "facts replaced, not added");
    }

    @Test
    void rerunAllReExtractsEveryStoredReport() throws Exception {
        UUID reportId = UUID.randomUUID();
        post(reportId);
        awaitExtraction(reportId);
        long before = given().get("/extractions/" + reportId).then().extract().<Number>path("revision").longValue();

        // every stored report is current already: nothing outdated to do
        given().post("/extractions/rerun").then().statusCode(200).body("rerun", equalTo(0));
        given().queryParam("all", "true").post("/extractions/rerun").then().statusCode(200)
                .body("rerun", greaterThanOrEqualTo(1)).body("failed", equalTo(0))
                .body("extractorVersion", equalTo(Extractor.VERSION));

        long after = given().get("/extractions/" + reportId).then().extract().<Number>path("revision").longValue();
        assertTrue(after > before);
        List<JsonNode> messages = factsMessages(reportId, 2);
        assertEquals(2, messages.size());
        assertEquals(factKeys(messages.get(0)), factKeys(messages.get(1)));
    }

    @Test
    void rerunOfAnUnknownReportIsANotFoundProblem() {
        given().post("/extractions/" + UUID.randomUUID() + "/rerun").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
