package org.counterpart.facts.inbound;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.infra.TopicReader;
import org.counterpart.infra.TopicWriter;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A deleted report's facts are removed and retracted downstream with an empty fact set and a higher revision. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "facts"))
class ReportWithdrawalIT {

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static void send(UUID reportId, String json) {
        TopicWriter.write(bootstrap(), "reports", reportId.toString(), json, Map.of());
    }

    private static void await(Duration timeout, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(300);
        }
    }

    @Test
    void aDeletedReportsFactsAreRetracted() throws Exception {
        UUID reportId = UUID.randomUUID();
        send(reportId, """
                {"eventId":"%s","type":"ReportSubmitted","reportId":"%s","text":"In 2019, Xiamen allocated \
                90 million yuan of aid funds to Linxia Prefecture.","language":"en","publishedAt":"2019-12-01"}"""
                .formatted(UUID.randomUUID(), reportId));
        await(Duration.ofSeconds(60), () -> given().get("/extractions/" + reportId).statusCode() == 200);
        given().queryParam("reportId", reportId.toString()).get("/facts").then().body("$", not(empty()));

        UUID deletion = UUID.randomUUID();
        String deleted = """
                {"eventId":"%s","type":"ReportDeleted","reportId":"%s","occurredAt":"2020-01-01T00:00:00Z",
                 "contentHash":"abc"}""".formatted(deletion, reportId);
        send(reportId, deleted);
        await(Duration.ofSeconds(60), () -> given().get("/extractions/" + reportId).statusCode() == 404);
        given().queryParam("reportId", reportId.toString()).get("/facts").then().statusCode(200).body("$", empty());

        send(reportId, deleted); // redelivered: nothing more is published
        List<ConsumerRecord<String, String>> published = TopicReader.read(bootstrap(), "facts",
                r -> reportId.toString().equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(2, published.size(), "the facts, then their retraction");
        String retraction = published.get(1).value();
        assertTrue(retraction.contains("\"type\":\"FactsRetracted\"") && retraction.contains("\"facts\":[]"),
                retraction);
        assertTrue(revision(retraction) > revision(published.get(0).value()));
    }

    private static long revision(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"revision\":(\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }
}
