package org.counterpart.metrics.it;

import static org.counterpart.metrics.it.FactsTopic.funds;
import static org.counterpart.metrics.it.FactsTopic.replaced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.counterpart.metrics.it.LiveStreamClient.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /totals/stream over real HTTP: named events with ids after a change on the real facts topic, a heartbeat, and
 * a client that reconnects with Last-Event-ID getting what it missed, or a reset when that is no longer kept.
 * A second connection stays open throughout, as another dashboard would, and tells when each change was announced.
 */
@QuarkusTest
@TestProfile(LiveStreamIT.Fast.class)
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "metrics"))
class LiveStreamIT {

    /** A heartbeat a test can wait for, and a replay buffer a test can outrun. */
    public static class Fast implements QuarkusTestProfile {
        static final int REPLAY_SIZE = 3;

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("counterpart.live-stream.heartbeat", "1s",
                    "counterpart.live-stream.replay-size", String.valueOf(REPLAY_SIZE));
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FactsTopic topic;

    @TestHTTPResource("/totals/stream")
    URI stream;

    @BeforeAll
    static void connect() {
        topic = new FactsTopic();
    }

    @AfterAll
    static void disconnect() {
        topic.close();
    }

    @Test
    void aChangeIsANamedEventWithAnIdAndQuietStreamsHearAHeartbeat() throws Exception {
        try (LiveStreamClient client = new LiveStreamClient(stream, null)) {
            assertEquals(200, client.status());
            assertTrue(client.contentType().startsWith("text/event-stream"), client.contentType());
            Event ready = client.nextAnnouncement(PATIENCE);
            assertEquals("ready", ready.name());
            assertNotNull(ready.id());

            Event heartbeat = client.next(e -> e.name().equals("heartbeat"), Duration.ofSeconds(5), "heartbeat");
            assertNull(heartbeat.id(), "a heartbeat must not move the client's Last-Event-ID");

            String donor = "Donor " + UUID.randomUUID().toString().substring(0, 8);
            String report = UUID.randomUUID().toString();
            topic.publish(replaced(report, 1, List.of(funds(donor, 250, 2019))));

            Event change = announcementOf(client, report);
            assertEquals("totals-changed", change.name());
            assertTrue(sequence(change.id()) > sequence(ready.id()), change.id() + " after " + ready.id());
            JsonNode data = JSON.readTree(change.data());
            assertEquals("facts", data.get("cause").asText());
            assertTrue(data.get("totals").findValuesAsText("donor").contains(donor), change.data());
        }
    }

    @Test
    void aClientReconnectingWithLastEventIdGetsWhatItMissedOrAResetWhenThatIsGone() throws Exception {
        try (LiveStreamClient observer = new LiveStreamClient(stream, null)) {
            observer.nextAnnouncement(PATIENCE);
            String first = announcementOf(observer, publishChange()).id();

            // The client saw `first`, then lost its connection; one change happened meanwhile.
            String missedReport = publishChange();
            String missed = announcementOf(observer, missedReport).id();
            try (LiveStreamClient back = new LiveStreamClient(stream, first)) {
                Event replayed = back.nextAnnouncement(PATIENCE);
                assertEquals("totals-changed", replayed.name());
                assertEquals(sequence(first) + 1, sequence(replayed.id()), "the replay starts right after " + first);
                Event ofMissed = missed.equals(replayed.id()) ? replayed
                        : back.next(e -> missed.equals(e.id()), PATIENCE, "the missed event " + missed);
                assertTrue(ofMissed.data().contains(missedReport), ofMissed.data());
            }

            // Away for longer than the buffer holds: more changes than it keeps.
            for (int i = 0; i < Fast.REPLAY_SIZE; i++) {
                announcementOf(observer, publishChange());
            }
            try (LiveStreamClient late = new LiveStreamClient(stream, first)) {
                Event reset = late.nextAnnouncement(PATIENCE);
                assertEquals("reset", reset.name());
                assertEquals("expired", JSON.readTree(reset.data()).get("reason").asText());
                assertTrue(sequence(reset.id()) >= sequence(missed) + Fast.REPLAY_SIZE, reset.id());
            }

            // An id of another run (the service restarted since) cannot be placed: reset too.
            try (LiveStreamClient stranger = new LiveStreamClient(stream, "zz0-" + sequence(first))) {
                Event reset = stranger.nextAnnouncement(PATIENCE);
                assertEquals("reset", reset.name());
                assertEquals("unknown-id", JSON.readTree(reset.data()).get("reason").asText());
            }
        }
    }

    /** Publishes a fact of a report of its own; returns the report id. */
    private static String publishChange() {
        String report = UUID.randomUUID().toString();
        topic.publish(replaced(report, 1, List.of(funds("Donor " + report.substring(0, 8), 10, 2018))));
        return report;
    }

    /** The announcement (totals-changed) naming the report, skipping those of other changes. */
    private static Event announcementOf(LiveStreamClient client, String report) throws InterruptedException {
        return client.next(e -> e.name().equals("totals-changed") && e.data().contains(report), PATIENCE,
                "totals-changed event of report " + report);
    }

    private static long sequence(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }
}
