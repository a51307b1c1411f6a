package org.counterpart.ingest.outbound;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.edge.outbox.OutboxEvent;
import org.counterpart.infra.TopicReader;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * One event must never hold up the others: a report at the size limit is published like any other, and an event
 * Kafka can never take is parked with its reason while the events behind it go out, each exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class OutboxIsolationIT {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private static List<ConsumerRecord<String, String>> eventsOf(String key, int expected, Duration patience) {
        return TopicReader.read(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "reports", r -> key.equals(r.key()), expected, patience);
    }

    /** Our own filler: varied sentences, so that compression does not make the size trivial. */
    private static String textOfBytes(int bytes) {
        StringBuilder text = new StringBuilder(bytes);
        long n = 0;
        while (text.length() < bytes) {
            text.append("Line ").append(n).append(": the donor county sent ").append(n * 7919 % 100_003)
                    .append(" yuan to project ").append(Long.toHexString(n * 2654435761L)).append(".\n");
            n++;
        }
        return text.substring(0, bytes);
    }

    private static void awaitStatus(String id, String status, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (status.equals(given().get("/reports/" + id).then().extract().path("status"))) {
                return;
            }
            Thread.sleep(200);
        }
        given().get("/reports/" + id).then().body("status", equalTo(status));
    }

    @Test
    void aReportOfOneMebibyteLessOneByteIsPublishedAndTheNextOneWithinTenSeconds() throws Exception {
        String large = given().contentType(ContentType.TEXT).body(textOfBytes(1024 * 1024 - 1))
                .post("/reports").then().statusCode(202).extract().path("id");
        String next = given().contentType(ContentType.TEXT)
                .body("In 2021 a coastal city sent 12 teachers to a mountain county (" + UUID.randomUUID() + ").")
                .post("/reports").then().statusCode(202).extract().path("id");

        awaitStatus(next, "published", TEN_SECONDS);
        awaitStatus(large, "published", TEN_SECONDS);
        assertEquals(1, eventsOf(large, 2, Duration.ofSeconds(3)).size(), "the large report's event, once");
        assertEquals(1, eventsOf(next, 2, Duration.ofSeconds(3)).size(), "the next report's event, once");
    }

    @Test
    void anEventKafkaCannotTakeIsParkedAndTheOnesBehindItGoOut() throws Exception {
        // A row larger than any event the outbox takes today (written by hand, as if before the limit was lowered).
        UUID stuck = UUID.randomUUID();
        int limit = ConfigProvider.getConfig().getValue("counterpart.outbox.max-event-bytes", Integer.class);
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEvent row = new OutboxEvent();
            row.eventId = UUID.randomUUID();
            row.topic = "reports";
            row.key = stuck.toString();
            row.type = "ReportSubmitted";
            row.aggregateId = stuck;
            row.createdAt = Instant.now();
            row.payload = "{\"filler\":\"" + "x".repeat(limit + 1) + "\"}";
            row.persist();
        });
        String behind = given().contentType(ContentType.TEXT)
                .body("A prefecture received 3 hospitals from its partner (" + UUID.randomUUID() + ").")
                .post("/reports").then().statusCode(202).extract().path("id");

        awaitStatus(behind, "published", TEN_SECONDS);
        assertEquals(1, eventsOf(behind, 2, Duration.ofSeconds(3)).size());
        assertEquals(0, eventsOf(stuck.toString(), 1, Duration.ofSeconds(2)).size(), "never sent");

        String listing = given().get("/admin/outbox").then().statusCode(200).extract().asString();
        assertTrue(listing.contains(stuck.toString()), listing);
        assertTrue(listing.contains("EventTooLargeException"), listing);
        given().get("/q/health/ready").then().statusCode(200);
        assertTrue(given().get("/q/health/ready").then().extract().asString().contains("degraded"));
    }
}
