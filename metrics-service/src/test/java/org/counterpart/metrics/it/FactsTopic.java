package org.counterpart.metrics.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plays facts-service in integration tests: publishes facts events on the real broker exactly as the contract
 * says (key = report id, CloudEvents binary-mode headers, JSON value), and reads the dead-letter topic.
 */
final class FactsTopic implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, String> producer;
    private final String topic;

    FactsTopic() {
        this("facts");
    }

    /** @param topic the topic the service under test consumes (a test profile may give it its own) */
    FactsTopic(String topic) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Publishes an event and waits until the broker has it. */
    void publish(Map<String, Object> event) {
        publishAsText(event, toJson(event));
    }

    /**
     * Publishes an event with one piece of its JSON text replaced, as a producer writing what no Java number holds
     * (1e1000000) might.
     */
    void publishEdited(Map<String, Object> event, String written, String instead) {
        String json = toJson(event);
        if (!json.contains(written)) {
            throw new IllegalArgumentException(written + " is not in " + json);
        }
        publishAsText(event, json.replace(written, instead));
    }

    private void publishAsText(Map<String, Object> event, String json) {
        String reportId = (String) event.get("reportId");
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, reportId, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", (String) event.get("eventId"));
        header(record, "ce_type", (String) event.get("type"));
        header(record, "ce_source", "/facts-service");
        header(record, "ce_subject", reportId);
        header(record, "content-type", "application/json");
        send(record);
    }

    /** Publishes any text under a key, as a broken producer might. */
    void publishRaw(String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish to facts", e);
        }
    }

    /** The dead-lettered records with this key, read from the start of facts-dlq. */
    static List<ConsumerRecord<String, String>> deadLettered(String key, Duration within) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("facts-dlq"));
            Instant deadline = Instant.now().plus(within);
            while (found.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String toJson(Map<String, Object> event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- events as facts-service writes them ---

    static Map<String, Object> replaced(String reportId, long revision, List<Map<String, Object>> facts) {
        return event("FactsReplaced", reportId, revision, facts);
    }

    static Map<String, Object> retracted(String reportId, long revision) {
        return event("FactsRetracted", reportId, revision, List.of());
    }

    private static Map<String, Object> event(String type, String reportId, long revision, List<Map<String, Object>> facts) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("reportId", reportId);
        event.put("revision", revision);
        event.put("extractorVersion", "1.0.0");
        event.put("occurredAt", "2026-11-22T10:00:00Z");
        event.put("facts", facts.stream().map(fact -> withReport(fact, reportId)).toList());
        return event;
    }

    private static Map<String, Object> withReport(Map<String, Object> fact, String reportId) {
        Map<String, Object> copy = new LinkedHashMap<>(fact);
        copy.put("reportId", reportId);
        return copy;
    }

    /** A period fact for one calendar year, between two parties known only by name. */
    static Map<String, Object> fact(String donor, String recipient, String metric, long value, String unit, int year) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("id", UUID.randomUUID().toString());
        fact.put("metric", metric);
        fact.put("value", value);
        fact.put("unit", unit);
        fact.put("qualifier", "exact");
        fact.put("basis", "period");
        fact.put("periodStart", year + "-01-01");
        fact.put("periodEnd", year + "-12-31");
        fact.put("asOf", null);
        fact.put("donor", Map.of("name", donor, "level", "prefecture"));
        fact.put("recipient", Map.of("name", recipient, "level", "prefecture"));
        fact.put("evidence", Map.of("sentence", donor + " gave " + value + " in " + year, "start", 0, "end", 20));
        fact.put("extractorVersion", "1.0.0");
        return fact;
    }

    /** A period fact between two regions with GB/T 2260 codes, with its evidence sentence. */
    static Map<String, Object> regional(String[] donor, String[] recipient, String metric, long value, String unit,
                                        int year, String evidence) {
        Map<String, Object> fact = fact(donor[0], recipient[0], metric, value, unit, year);
        fact.put("donor", Map.of("name", donor[0], "code", donor[1], "level", donor[2]));
        fact.put("recipient", Map.of("name", recipient[0], "code", recipient[1], "level", recipient[2]));
        fact.put("evidence", Map.of("sentence", evidence, "start", 0, "end", evidence.length()));
        return fact;
    }

    /** The same fact as a running total from a start (or from the beginning: null) to an as-of date. */
    static Map<String, Object> asCumulative(Map<String, Object> fact, String since, String asOf) {
        Map<String, Object> cumulative = new LinkedHashMap<>(fact);
        cumulative.put("basis", "cumulative");
        cumulative.put("periodStart", since);
        cumulative.put("periodEnd", null);
        cumulative.put("asOf", asOf);
        return cumulative;
    }

    /** The same fact as a budget: plans never count. */
    static Map<String, Object> asPlan(Map<String, Object> fact) {
        Map<String, Object> plan = new LinkedHashMap<>(fact);
        plan.put("basis", "plan");
        return plan;
    }

    static Map<String, Object> funds(String donor, long value, int year) {
        return fact(donor, "Liupanshui", "funds_cny", value, "CNY", year);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
