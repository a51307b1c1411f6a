package org.counterpart.stack;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.counterpart.infra.TopicWriter;

/**
 * Events written straight onto the topics, as another producer (or a hostile one) would, in the shapes of
 * schemas/report-event.schema.json and schemas/facts-event.schema.json. Each starts well-formed; a test breaks
 * the one field it is about, so that field alone can be the reason the event is refused.
 */
final class HandWrittenEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private HandWrittenEvents() {
    }

    /** A ReportSubmitted as ingest-service publishes it (outbound/ReportEvent). */
    static ObjectNode reportSubmitted(UUID reportId, String text) {
        String now = Instant.now().toString();
        ObjectNode event = JSON.createObjectNode()
                .put("eventId", UUID.randomUUID().toString())
                .put("type", "ReportSubmitted")
                .put("reportId", reportId.toString())
                .put("occurredAt", now)
                .put("text", text)
                .put("language", "en")
                .put("receivedAt", now)
                .put("contentHash", sha256(text));
        event.putNull("title");
        event.putNull("sourceUrl");
        return event;
    }

    /**
     * A FactsReplaced as facts-service publishes it (outbound/FactsEvent): one funds_cny fact, Qingdao to Anshun
     * in 2012, a pair the pipeline checks of these tests never use.
     */
    static ObjectNode factsReplaced(UUID reportId) {
        String sentence = "In 2012 Qingdao gave Anshun 4.2 million yuan for village roads.";
        ObjectNode fact = JSON.createObjectNode()
                .put("id", UUID.randomUUID().toString())
                .put("reportId", reportId.toString())
                .put("metric", "funds_cny")
                .put("value", new BigDecimal("4200000"))
                .put("unit", "CNY")
                .put("asWritten", "4.2 million yuan")
                .put("qualifier", "exact")
                .put("basis", "period")
                .put("periodStart", "2012-01-01")
                .put("periodEnd", "2012-12-31")
                .put("confidence", "high")
                .put("extractorVersion", "2.0.0");
        fact.putNull("asOf");
        fact.putNull("alsoStated");
        fact.putNull("partOf");
        fact.putArray("reasons");
        fact.putObject("donor").put("name", "Qingdao").put("code", "370200").put("level", "prefecture");
        fact.putObject("recipient").put("name", "Anshun").put("code", "520400").put("level", "prefecture");
        fact.putObject("evidence").put("sentence", sentence).put("start", 0).put("end", sentence.length())
                .put("figureStart", 28).put("figureEnd", 44);
        ObjectNode event = JSON.createObjectNode()
                .put("eventId", UUID.randomUUID().toString())
                .put("type", "FactsReplaced")
                .put("reportId", reportId.toString())
                .put("revision", 7)
                .put("extractorVersion", "2.0.0")
                .put("occurredAt", Instant.now().toString());
        event.putArray("facts").add(fact);
        return event;
    }

    static ObjectNode firstFact(ObjectNode factsEvent) {
        return (ObjectNode) factsEvent.get("facts").get(0);
    }

    /** Writes the event keyed by its report, with the CloudEvents headers the outbox relay sets. */
    static void write(String bootstrap, String topic, ObjectNode event) {
        String type = event.get("type").asText();
        String prefix = topic.equals("reports") ? "org.counterpart.reports." : "org.counterpart.facts.";
        try {
            TopicWriter.write(bootstrap, topic, event.get("reportId").asText(), JSON.writeValueAsString(event),
                    Map.of("ce_specversion", "1.0", "ce_id", event.get("eventId").asText(),
                            "ce_source", "urn:counterpart:hostile-test", "ce_type", prefix + type,
                            "content-type", "application/json"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
