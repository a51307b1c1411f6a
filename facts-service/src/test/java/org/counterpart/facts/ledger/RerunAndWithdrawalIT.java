package org.counterpart.facts.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.infra.BlockingTransaction;
import org.counterpart.infra.TopicReader;
import org.counterpart.infra.TopicWriter;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rerun and a deletion of the same report, forced into both orders: a test transaction locks the report's fact
 * rows, so the first writer stops mid-transaction right where it would replace them, and the second arrives while
 * the first is still open. Whatever the order, the report ends withdrawn: no extraction, no facts, and the
 * retraction is the last and highest-revision message for it on the facts topic.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "facts"))
class RerunAndWithdrawalIT {

    private static final String REPORT = "In 2019, Ningbo allocated 420 million yuan of fiscal aid funds to Qianxinan "
            + "and implemented 215 projects there.";
    private static final String LOCK_FACTS = "SELECT id FROM fact WHERE report_id = ? FOR UPDATE";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRerunUnderWayWhenTheDeletionArrivesIsRetractedAfterIt() throws Exception {
        UUID reportId = extractedReport();
        int status;
        try (BlockingTransaction blocker = BlockingTransaction.open()) {
            assertTrue(blocker.lock(LOCK_FACTS, reportId) > 0, "the report has facts to lock");
            CompletableFuture<Integer> rerun = rerunAsync(reportId);
            blocker.awaitWaiting(1); // the rerun has read the report and waits to replace its facts
            delete(reportId);
            blocker.awaitWaiting(2); // the withdrawal waits behind it
            blocker.release();
            status = rerun.get(60, TimeUnit.SECONDS);
        }
        assertEquals(202, status, "the rerun came first and completes");
        assertWithdrawn(reportId, 3);
    }

    @Test
    void aRerunArrivingDuringTheDeletionFindsNoReport() throws Exception {
        UUID reportId = extractedReport();
        int status;
        try (BlockingTransaction blocker = BlockingTransaction.open()) {
            assertTrue(blocker.lock(LOCK_FACTS, reportId) > 0, "the report has facts to lock");
            delete(reportId);
            blocker.awaitWaiting(1); // the withdrawal has begun and waits to remove the facts
            CompletableFuture<Integer> rerun = rerunAsync(reportId);
            blocker.awaitWaiting(2); // the rerun waits behind it
            blocker.release();
            status = rerun.get(60, TimeUnit.SECONDS);
        }
        assertEquals(404, status, "the deletion came first: nothing is left to re-extract");
        assertWithdrawn(reportId, 2);
    }

    @Test
    void aLateReportSubmittedLeavesAWithdrawnReportWithdrawn() throws Exception {
        UUID reportId = extractedReport();
        delete(reportId);
        await("the deletion is applied", () -> given().get("/extractions/" + reportId).statusCode() == 404);
        double ignoredBefore = alreadyWithdrawnCount();

        submit(reportId); // a resent submission with a new event id, after the deletion
        await("the late submission is handled", () -> alreadyWithdrawnCount() > ignoredBefore
                || given().get("/extractions/" + reportId).statusCode() == 200);

        assertWithdrawn(reportId, 2);
        given().post("/extractions/" + reportId + "/rerun").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static UUID extractedReport() {
        UUID reportId = UUID.randomUUID();
        submit(reportId);
        await("the report is extracted", () -> given().get("/extractions/" + reportId).statusCode() == 200);
        return reportId;
    }

    private static CompletableFuture<Integer> rerunAsync(UUID reportId) {
        return CompletableFuture.supplyAsync(
                () -> given().post("/extractions/" + reportId + "/rerun").then().extract().statusCode());
    }

    /** No extraction, no facts, and a retraction as the report's last word on the facts topic. */
    private static void assertWithdrawn(UUID reportId, int messages) throws Exception {
        await("no extraction is left", () -> given().get("/extractions/" + reportId).statusCode() == 404);
        given().queryParam("reportId", reportId.toString()).get("/facts").then().statusCode(200).body("$", empty());

        List<JsonNode> published = factsMessages(reportId, messages);
        assertEquals(messages, published.size(), published.toString());
        JsonNode last = published.get(published.size() - 1);
        assertEquals("FactsRetracted", last.get("type").asText(), last.toString());
        assertEquals(0, last.get("facts").size(), last.toString());
        for (JsonNode earlier : published.subList(0, published.size() - 1)) {
            assertTrue(last.get("revision").asLong() > earlier.get("revision").asLong(), published.toString());
        }
    }

    private static List<JsonNode> factsMessages(UUID reportId, int expected) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : TopicReader.read(bootstrap(), "facts",
                rec -> reportId.toString().equals(rec.key()), expected, Duration.ofSeconds(30))) {
            out.add(JSON.readTree(r.value()));
        }
        return out;
    }

    private static double alreadyWithdrawnCount() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("counterpart_report_events_total\\{outcome=\"already_withdrawn\"[^}]*} (\\S+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void submit(UUID reportId) {
        send(reportId, """
                {"eventId":"%s","type":"ReportSubmitted","reportId":"%s","occurredAt":"2020-01-10T00:00:00Z",
                 "text":"%s","language":"en","publishedAt":"2020-01-10","receivedAt":"2020-01-10T00:00:00Z",
                 "contentHash":"x"}""".formatted(UUID.randomUUID(), reportId, REPORT));
    }

    private static void delete(UUID reportId) {
        send(reportId, """
                {"eventId":"%s","type":"ReportDeleted","reportId":"%s","occurredAt":"2020-02-01T00:00:00Z",
                 "contentHash":"x"}""".formatted(UUID.randomUUID(), reportId));
    }

    private static void send(UUID reportId, String json) {
        TopicWriter.write(bootstrap(), "reports", reportId.toString(), json, Map.of("ce_specversion", "1.0"));
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
