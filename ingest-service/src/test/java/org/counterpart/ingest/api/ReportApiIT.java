package org.counterpart.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.contract.CloudEventMessage;
import org.counterpart.contract.EventSchema;
import org.counterpart.contract.PublishedEvents;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.counterpart.infra.TopicReader;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ReportApiIT {

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static List<ConsumerRecord<String, String>> eventsOf(String reportId, int expected) {
        return TopicReader.read(bootstrap(), "reports", r -> reportId.equals(r.key()), expected, Duration.ofSeconds(30));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void jsonReportIsStoredAndPublishedOnceWithCloudEventHeaders() {
        String id = given().contentType(ContentType.JSON)
                .body("""
                        {"text":"Up to now, Xiamen has sent 95 million yuan of aid funds to Linxia Prefecture.",
                         "title":"Xiamen and Linxia","language":"en","publishedAt":"2019-06-30",
                         "sourceUrl":"https://example.org/xiamen-linxia"}""")
                .post("/reports")
                .then().statusCode(202)
                .header("Location", containsString("/reports/"))
                .body("status", equalTo("accepted"))
                .extract().path("id");

        List<ConsumerRecord<String, String>> events = eventsOf(id, 1);
        assertEquals(1, events.size(), "one event per accepted report");
        ConsumerRecord<String, String> event = events.get(0);
        assertEquals("1.0", header(event, "ce_specversion"));
        assertEquals("org.counterpart.reports.ReportSubmitted", header(event, "ce_type"));
        assertEquals(id, header(event, "ce_subject"));
        assertTrue(event.value().contains("\"reportId\":\"" + id + "\""), event.value());
        assertTrue(event.value().contains("\"publishedAt\":\"2019-06-30\""), event.value());

        given().get("/reports/" + id).then().statusCode(200)
                .body("title", equalTo("Xiamen and Linxia"))
                .body("language", equalTo("en"))
                .body("publishedAt", equalTo("2019-06-30"))
                .body("status", equalTo("published"))
                .body("text", containsString("95 million yuan"));
    }

    @Test
    void theSameTextPostedAgainIsADuplicateAndPublishedOnlyOnce() {
        String text = "Since 2016, Qingdao has helped Anshun build 41 projects.";
        String id = given().contentType(ContentType.TEXT).body(text).post("/reports")
                .then().statusCode(202).extract().path("id");
        given().contentType(ContentType.TEXT).body("  Since 2016,\u00a0Qingdao has helped Anshun build 41 projects.\n")
                .post("/reports")
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("duplicate", is(true))
                .header("Location", containsString(id));
        given().contentType(ContentType.JSON).body("{\"text\":\"" + text + "\"}").post("/reports")
                .then().statusCode(200).body("id", equalTo(id));

        assertEquals(1, eventsOf(id, 1).size(), "a duplicate publishes nothing");
    }

    @Test
    void reportsPostedAtOnceAreEachStoredAndPublishedOnceWithTheirDuplicatesNamed() throws Exception {
        // A text posted twice at once still gives one report (the unique text decides the race), and the second
        // post its id.
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            texts.add("In 2019 (" + run + "), Suzhou helped " + (100 + i) + " workers from Tongren find jobs.");
        }
        List<String> posts = new java.util.ArrayList<>(texts);
        posts.addAll(texts.subList(0, 6));
        java.util.Collections.shuffle(posts, new java.util.Random(7));
        java.util.concurrent.ExecutorService posters = java.util.concurrent.Executors.newFixedThreadPool(12);
        java.util.Map<String, java.util.Set<String>> idsByText = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger duplicates = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (String text : posts) {
                done.add(posters.submit(() -> {
                    io.restassured.response.Response response =
                            given().contentType(ContentType.TEXT).body(text).post("/reports");
                    if (response.statusCode() == 202) {
                        accepted.incrementAndGet();
                    } else if (response.statusCode() == 200 && response.jsonPath().getBoolean("duplicate")) {
                        duplicates.incrementAndGet();
                    } else {
                        throw new AssertionError(response.statusCode() + " " + response.asString());
                    }
                    idsByText.computeIfAbsent(text, t -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                            .add(response.jsonPath().getString("id"));
                }));
            }
            for (java.util.concurrent.Future<?> post : done) {
                post.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            posters.shutdownNow();
        }
        assertEquals(20, accepted.get());
        assertEquals(6, duplicates.get());
        java.util.Set<String> reportIds = new java.util.HashSet<>();
        for (String text : texts) {
            java.util.Set<String> ids = idsByText.get(text);
            assertEquals(1, ids.size(), "one report for " + text + ": " + ids);
            String id = ids.iterator().next();
            given().get("/reports/" + id).then().statusCode(200).body("text", equalTo(text));
            reportIds.add(id);
        }
        List<ConsumerRecord<String, String>> published = TopicReader.read(bootstrap(), "reports",
                r -> reportIds.contains(r.key()), 20, Duration.ofSeconds(30));
        assertEquals(reportIds, published.stream().map(ConsumerRecord::key).collect(java.util.stream.Collectors.toSet()));
        assertEquals(20, published.size(), "each published once");
    }

    @Test
    void htmlIsReducedToItsArticleText() {
        String id = given().contentType("text/html; charset=UTF-8")
                .body("<html><body><nav>Home &gt; News</nav><p>天津市向甘肃省投入财政援助资金5.6亿元。</p>"
                        + "<script>steal()</script><footer>电话 010-1234567</footer></body></html>")
                .post("/reports").then().statusCode(202).extract().path("id");
        String text = given().get("/reports/" + id).then().statusCode(200)
                .body("language", equalTo("zh"))
                .body("contentType", equalTo("text/html"))
                .extract().path("text");
        assertTrue(text.contains("5.6亿元"), text);
        assertFalse(text.contains("steal"), text);
        assertFalse(text.contains("Home"), text);
        assertFalse(text.contains("010-1234567"), text);
    }

    @Test
    void badInputGetsAProblemDocumentAndNoWrite() {
        given().contentType(ContentType.JSON).body("{\"text\":\"  \\n \"}").post("/reports")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        given().contentType(ContentType.TEXT).body("").post("/reports")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"text\": \"unterminated").post("/reports")
                .then().statusCode(400).contentType("application/problem+json").body("title", notNullValue());
        given().contentType(ContentType.JSON).body("{\"text\":\"ok\",\"publishedAt\":\"31/12/2020\"}").post("/reports")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/xml").body("<report/>").post("/reports")
                .then().statusCode(415).contentType("application/problem+json");
        byte[] big = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        given().contentType(ContentType.TEXT).body(big).post("/reports")
                .then().statusCode(413).contentType("application/problem+json");
        given().get("/reports/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().get("/reports/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void aDeletedReportIsGoneAndItsDeletionPublished() {
        String id = given().contentType(ContentType.TEXT).body("In 2018, Changzhou trained 75 doctors from Hechi.")
                .post("/reports").then().statusCode(202).extract().path("id");
        given().delete("/reports/" + id).then().statusCode(204);
        given().get("/reports/" + id).then().statusCode(404);
        given().delete("/reports/" + id).then().statusCode(404).contentType("application/problem+json");

        List<ConsumerRecord<String, String>> events = eventsOf(id, 2);
        assertEquals(2, events.size());
        assertEquals("org.counterpart.reports.ReportDeleted", header(events.get(1), "ce_type"));
        assertFalse(events.get(1).value().contains("\"text\""), "a deletion carries no text");
        // Posting the same text again after the deletion is a new report, not a duplicate.
        given().contentType(ContentType.TEXT).body("In 2018, Changzhou trained 75 doctors from Hechi.")
                .post("/reports").then().statusCode(202);
    }

    /**
     * Every message the service has written to the topic (this test's and the earlier tests'), read as a subscriber
     * reads it: with the CloudEvents SDK, held to CloudEvents 1.0 and to the schema its dataschema names.
     */
    @Test
    void everyPublishedMessageIsACloudEventMatchingTheSchemaItNames() {
        String id = given().contentType(ContentType.TEXT).body("In 2020, Foshan sent 12 teachers to Liangshan.")
                .post("/reports").then().statusCode(202).extract().path("id");
        given().delete("/reports/" + id).then().statusCode(204);
        eventsOf(id, 2);

        List<ConsumerRecord<String, String>> all = TopicReader.read(bootstrap(), "reports", r -> true, 2,
                Duration.ofSeconds(30));
        assertTrue(all.size() >= 2, "the topic holds this test's events at least");
        Map<String, EventSchema> served = new HashMap<>();
        List<String> problems = PublishedEvents.problems(all, path -> served.computeIfAbsent(path,
                p -> EventSchema.parse(p, given().get(p).then().statusCode(200).extract().asString())));
        assertEquals(List.of(), problems);
        // Absolute, from the configured public address (the %test profile sets one), naming the served schema.
        assertEquals(URI.create("https://ingest.counterpart.test/schemas/report-event.schema.json"),
                CloudEventMessage.read(all.get(0)).event().getDataSchema());
    }

    @Test
    void schemasAreServed() {
        given().get("/schemas/report-event.schema.json").then().statusCode(200).body("title", equalTo("ReportEvent"));
        given().get("/asyncapi.yaml").then().statusCode(200).body(containsString("asyncapi: 3.0.0"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/reports"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
