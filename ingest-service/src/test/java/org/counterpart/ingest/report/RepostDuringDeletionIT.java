package org.counterpart.ingest.report;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.infra.BlockingTransaction;
import org.counterpart.infra.TopicReader;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A repost of a report whose deletion is under way. The test's own transaction holds back every new outbox row,
 * so the deletion stops right after it has chosen its report and before it commits; the repost comes in then.
 * It must wait for the deletion and be accepted as a new report, not be answered with the id being deleted.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class RepostDuringDeletionIT {

    private static final String TEXT = "In 2020, Dalian trained 64 nurses from Liupanshui.";

    @Test
    void aRepostThatLosesTheRaceToADeletionIsAcceptedAsANewReport() throws Exception {
        String original = post().then().statusCode(202).extract().path("id");
        awaitPublished(original); // the relay is idle: the only writers to wait below are the two under test

        CompletableFuture<Integer> deletion;
        CompletableFuture<ExtractableResponse<Response>> repost;
        try (BlockingTransaction blocker = BlockingTransaction.open()) {
            blocker.hold("LOCK TABLE outbox_event IN SHARE MODE");
            deletion = CompletableFuture.supplyAsync(() -> given().delete("/reports/" + original).statusCode());
            blocker.awaitWaiting("insert into outbox_event%", deletion::isDone);
            repost = CompletableFuture.supplyAsync(() -> post().then().extract());
            blocker.awaitWaiting("%from report%", repost::isDone);
            blocker.release();
            assertEquals(204, deletion.get(60, TimeUnit.SECONDS));
        }
        ExtractableResponse<Response> answer = repost.get(60, TimeUnit.SECONDS);

        assertEquals(202, answer.statusCode(), answer.asString());
        String id = answer.path("id");
        assertNotEquals(original, id, "the repost names the deleted report");
        given().get("/reports/" + original).then().statusCode(404);
        given().get("/reports/" + id).then().statusCode(200);
        awaitPublished(id);
        List<ConsumerRecord<String, String>> events = TopicReader.read(bootstrap(), "reports",
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size());
        assertEquals("org.counterpart.reports.ReportSubmitted", new String(
                events.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
    }

    private static Response post() {
        return given().contentType(ContentType.TEXT).body(TEXT).post("/reports");
    }

    private static void awaitPublished(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"published".equals(given().get("/reports/" + id).then().statusCode(200).extract().path("status"))) {
            assertTrue(System.nanoTime() < deadline, "report " + id + " was not published in time");
            Thread.sleep(100);
        }
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
