package org.counterpart.facts.inbound;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.counterpart.contract.CloudEventMessage;
import org.counterpart.contract.EventSchema;
import org.counterpart.contract.PublishedEvents;
import org.counterpart.facts.outbound.FactsEventSchema;
import org.counterpart.infra.TopicReader;
import org.counterpart.infra.TopicWriter;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "facts"))
class ReportToFactsIT {

    private static final String REPORT = "Up to now, Hangzhou has invested a total of 350 million yuan of aid funds "
            + "in Qiandongnan Prefecture and implemented 120 aid projects there.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String reportEvent(UUID eventId, UUID reportId, String text) {
        return """
                {"eventId":"%s","type":"ReportSubmitted","reportId":"%s","occurredAt":"2020-06-01T00:00:00Z",
                 "text":"%s","language":"en","publishedAt":"2020-06-01","receivedAt":"2020-06-01T00:00:00Z",
                 "contentHash":"x","someFutureField":1}""".formatted(eventId, reportId, text);
    }

    private static void send(String key, String value) {
        TopicWriter.write(bootstrap(), "reports", key, value, Map.of("ce_specversion", "1.0"));
    }

    private static void awaitExtraction(UUID reportId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (given().get("/extractions/" + reportId).statusCode() == 200) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("report " + reportId + " was not extracted in time");
    }

    @Test
    void aReportEventBecomesStoredAndPublishedFacts() throws Exception {
        UUID reportId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        send(reportId.toString(), reportEvent(eventId, reportId, REPORT));
        awaitExtraction(reportId);

        given().get("/extractions/" + reportId).then().statusCode(200)
                .body("status", equalTo("done"))
                .body("reportId", equalTo(reportId.toString()));
        given().queryParam("reportId", reportId.toString()).get("/facts").then().statusCode(200)
                .body("metric", hasItem("funds_cny"))
                .body("find { it.metric == 'funds_cny' }.value", equalTo(350000000))
                .body("find { it.metric == 'funds_cny' }.donor.name", equalTo("Hangzhou"))
                .body("find { it.metric == 'funds_cny' }.recipient.name", equalTo("Qiandongnan"))
                .body("find { it.metric == 'funds_cny' }.evidence.sentence", equalTo(REPORT));
        given().queryParam("donor", "hangzhou").queryParam("metric", "funds_cny").get("/facts").then()
                .statusCode(200).body("reportId", hasItem(reportId.toString()));

        List<ConsumerRecord<String, String>> published = TopicReader.read(bootstrap(), "facts",
                r -> reportId.toString().equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, published.size());
        ConsumerRecord<String, String> event = published.get(0);
        assertEquals("org.counterpart.facts.FactsReplaced",
                new String(event.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
        assertTrue(event.value().contains("\"metric\":\"funds_cny\""), event.value());
        assertEquals("2020-06-01", JSON.readTree(event.value()).path("publishedAt").asText(),
                "the report's publication date travels with its facts");
        assertEquals(List.of(), FactsEventSchema.problems(event.value()), event.value());
        assertFactsTopicIsCompactedRollingAndFitsTheLargestEvent();

        // The same event delivered again changes nothing and publishes nothing.
        int revision = given().get("/extractions/" + reportId).then().extract().path("revision");
        send(reportId.toString(), reportEvent(eventId, reportId, REPORT));
        UUID marker = UUID.randomUUID();
        send(marker.toString(), reportEvent(UUID.randomUUID(), marker, "Nothing to count here."));
        awaitExtraction(marker);
        given().get("/extractions/" + reportId).then().body("revision", equalTo(revision));
        assertEquals(1, TopicReader.read(bootstrap(), "facts", r -> reportId.toString().equals(r.key()), 1,
                Duration.ofSeconds(10)).size());
    }

    /** Set by the outbox's topic set-up before the first event: compaction only cleans rolled segments. */
    private static void assertFactsTopicIsCompactedRollingAndFitsTheLargestEvent() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "facts");
            Config config = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic);
            assertEquals("compact", config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
            assertEquals(Long.toString(Duration.ofDays(1).toMillis()), config.get(TopicConfig.SEGMENT_MS_CONFIG).value());
            int maxEvent = ConfigProvider.getConfig().getValue("counterpart.outbox.max-event-bytes", Integer.class);
            assertTrue(Integer.parseInt(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()) > maxEvent);
        }
    }

    @Test
    void regionsNamedTogetherAreOneGroupDonorWithTheirMembers() throws Exception {
        String text = "In 2020 Shanghai and Guangdong sent 837 cadres to Yunnan.";
        UUID reportId = UUID.randomUUID();
        send(reportId.toString(), reportEvent(UUID.randomUUID(), reportId, text));
        awaitExtraction(reportId);

        // EXPECTED TO FAIL until the extractor reads "Shanghai and Guangdong" as one group donor (work in progress
        // in the extraction package). With the extractor of commit 4a95b48 this sentence yields no fact at all, so
        // the first assertion below finds no fact of value 837. Not to be weakened: it is the acceptance test.
        String cadres = "find { it.value == 837 }";
        given().queryParam("reportId", reportId.toString()).get("/facts").then().log().ifValidationFails()
                .statusCode(200)
                .body(cadres + ".donor.level", equalTo("group"))
                .body(cadres + ".donor.code", nullValue())
                .body(cadres + ".donor.members.name", containsInAnyOrder("Shanghai", "Guangdong"))
                .body(cadres + ".donor.members.code", containsInAnyOrder("310000", "440000"))
                .body(cadres + ".recipient.name", equalTo("Yunnan"))
                .body(cadres + ".recipient.containsKey('members')", equalTo(false));
        // the group is found through either member
        given().queryParam("reportId", reportId.toString()).queryParam("donor", "440000").get("/facts").then()
                .body("value", hasItem(837));
        given().queryParam("reportId", reportId.toString()).queryParam("donor", "shanghai").get("/facts").then()
                .body("value", hasItem(837));

        List<ConsumerRecord<String, String>> published = TopicReader.read(bootstrap(), "facts",
                r -> reportId.toString().equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, published.size());
        String value = published.get(0).value();
        assertEquals(List.of(), FactsEventSchema.problems(value), value);
        JsonNode fact = null;
        for (JsonNode f : JSON.readTree(value).get("facts")) {
            if (f.get("value").decimalValue().compareTo(java.math.BigDecimal.valueOf(837)) == 0) fact = f;
        }
        assertNotNull(fact, value);
        assertEquals("group", fact.at("/donor/level").asText(), value);
        assertTrue(fact.at("/donor/code").isNull(), value);
        assertEquals(List.of("Guangdong:440000", "Shanghai:310000"), members(fact.at("/donor/members")), value);
        assertTrue(fact.at("/donor/membersInferred").isBoolean(), value);
        assertEquals("Yunnan", fact.at("/recipient/name").asText(), value);
    }

    private static List<String> members(JsonNode members) {
        List<String> out = new java.util.ArrayList<>();
        members.forEach(m -> out.add(m.get("name").asText() + ":" + m.get("code").asText()));
        out.sort(null); // the order of members is not part of the contract
        return out;
    }

    @Test
    void anUnreadableEventIsDeadLetteredAndDoesNotBlockTheNext() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        send(poisonKey, "{ this is not json");
        UUID next = UUID.randomUUID();
        send(next.toString(), reportEvent(UUID.randomUUID(), next, REPORT.replace("350", "360")));
        awaitExtraction(next);
        List<ConsumerRecord<String, String>> dead = TopicReader.read(bootstrap(), "reports-dlq",
                r -> poisonKey.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).headers().lastHeader("dead-letter-reason") != null, "the reason travels with it");
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("counterpart_report_events_total{outcome=\"malformed\""));
    }

    @Test
    void aPoisonEventInThePollOfOthersIsDeadLetteredAloneAndTheOthersApply() throws Exception {
        // One partition, written at once: the consumer takes them in one poll (as a rule), whose transaction the
        // poison fails (a readable event with a date PostgreSQL cannot store); the others are then applied one by
        // one and only the poison is dead-lettered.
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        String poisonKey = "poison-" + UUID.randomUUID();
        String poison = reportEvent(UUID.randomUUID(), UUID.randomUUID(), REPORT)
                .replace("\"publishedAt\":\"2020-06-01\"", "\"publishedAt\":\"-300000-06-01\"");
        assertTrue(poison.contains("-300000-06-01"), poison);
        TopicWriter.writeAll(bootstrap(), "reports", 0, List.of(
                Map.entry(before.toString(), reportEvent(UUID.randomUUID(), before, REPORT.replace("350", "371"))),
                Map.entry(poisonKey, poison),
                Map.entry(after.toString(), reportEvent(UUID.randomUUID(), after, REPORT.replace("350", "372")))),
                Map.of("ce_specversion", "1.0"));
        awaitExtraction(before);
        awaitExtraction(after);
        List<ConsumerRecord<String, String>> dead = TopicReader.read(bootstrap(), "reports-dlq",
                r -> r.key() != null && (r.key().equals(poisonKey) || r.key().equals(before.toString())
                        || r.key().equals(after.toString())), 1, Duration.ofSeconds(30));
        assertEquals(List.of(poisonKey), dead.stream().map(ConsumerRecord::key).toList());
    }

    @Test
    void aReportOfTenThousandNumbersIsExtractedQuicklyAndYieldsNothingInvented() throws Exception {
        StringBuilder numbers = new StringBuilder("Figures: ");
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            numbers.append(random.nextInt(1_000_000)).append(i % 17 == 0 ? ". " : ", ");
        }
        UUID reportId = UUID.randomUUID();
        send(reportId.toString(), reportEvent(UUID.randomUUID(), reportId, numbers.toString()));
        awaitExtraction(reportId);
        given().get("/extractions/" + reportId).then().statusCode(200)
                .body("status", equalTo("done"))
                .body("factCount", equalTo(0));
    }

    /**
     * Every message the service has written to the facts topic in this class's tests, read as a subscriber reads it:
     * with the CloudEvents SDK, held to CloudEvents 1.0 and to the schema its dataschema names (fetched from the
     * service, as a subscriber would).
     */
    @Test
    void everyPublishedMessageIsACloudEventMatchingTheSchemaItNames() throws Exception {
        UUID reportId = UUID.randomUUID();
        send(reportId.toString(), reportEvent(UUID.randomUUID(), reportId, REPORT));
        awaitExtraction(reportId);
        TopicReader.read(bootstrap(), "facts", r -> reportId.toString().equals(r.key()), 1, Duration.ofSeconds(30));

        List<ConsumerRecord<String, String>> all = TopicReader.read(bootstrap(), "facts", r -> true, 1,
                Duration.ofSeconds(30));
        Map<String, EventSchema> served = new HashMap<>();
        assertEquals(List.of(), PublishedEvents.problems(all, path -> served.computeIfAbsent(path,
                p -> EventSchema.parse(p, given().get(p).then().statusCode(200).extract().asString()))));
        assertEquals(URI.create("https://facts.counterpart.test/schemas/facts-event.schema.json"),
                CloudEventMessage.read(all.get(0)).event().getDataSchema());
    }

    @Test
    void badQueriesAreProblemsNotErrors() {
        given().queryParam("reportId", "nope").get("/facts").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("metric", "'; drop table fact; --").get("/facts").then().statusCode(400);
        given().queryParam("donor", "<script>").get("/facts").then().statusCode(400);
        given().queryParam("minConfidence", "certain").get("/facts").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/extractions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/schemas/facts-event.schema.json").then().statusCode(200).body("title", equalTo("FactsEvent"));
    }
}
