package org.counterpart.ingest.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.counterpart.infra.EmbeddedPostgresServer;
import org.counterpart.infra.LocalKafkaBroker;
import org.counterpart.infra.TopicReader;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Reports accepted while Kafka is down are kept in the outbox and published once a broker appears. */
@QuarkusTest
@TestProfile(KafkaOutageIT.BrokerNotYetThere.class)
class KafkaOutageIT {

    @Test
    void reportAcceptedWhileKafkaIsDownIsPublishedWhenItReturns() throws Exception {
        String id = given().contentType(ContentType.JSON)
                .body("{\"text\":\"In 2020 Jiaxing bought 230 million yuan of produce from Shiqu County.\"}")
                .post("/reports").then().statusCode(202).extract().path("id");

        Thread.sleep(3000);
        given().get("/reports/" + id).then().statusCode(200).body("status", equalTo("accepted"));

        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        Path dir = Files.createTempDirectory("kafka-returns");
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dir, port, freePort(), 1)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String status = "accepted";
            while (!status.equals("published") && System.nanoTime() < deadline) {
                Thread.sleep(500);
                status = given().get("/reports/" + id).then().statusCode(200).extract().path("status");
            }
            assertEquals("published", status);
            List<?> events = TopicReader.read(broker.bootstrapServers(), "reports", r -> id.equals(r.key()), 1,
                    Duration.ofSeconds(30));
            assertEquals(1, events.size());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static class BrokerNotYetThere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("counterpart.outbox.broker-timeout", "2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(NoBrokerYet.class));
        }
    }

    /** A database as usual, and a Kafka address where no broker listens yet. */
    public static class NoBrokerYet implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            EmbeddedInfraResource.SharedInfra infra = EmbeddedInfraResource.SharedInfra.get();
            try {
                return Map.of(
                        "kafka.bootstrap.servers", "localhost:" + freePort(),
                        "quarkus.datasource.jdbc.url", infra.database("ingest_outage"),
                        "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                        "quarkus.datasource.password", "postgres");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
        }
    }
}
