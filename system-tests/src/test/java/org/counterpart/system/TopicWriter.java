package org.counterpart.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes straight to the deployment's topics through the broker's EXTERNAL listener on the host, authenticated as
 * the broker's super user (admin). Only a topic's owner may write it, so the duplicates and poison this writes stand
 * for an attacker holding write credentials (a leaked owner's or admin's password), or a faulty owner: what the
 * consumers must survive regardless.
 */
final class TopicWriter implements AutoCloseable {

    static final String USER = "admin";

    private final String bootstrap;
    private final String password;
    private final KafkaProducer<byte[], byte[]> producer;

    TopicWriter(String bootstrap, String adminPassword) {
        this.bootstrap = bootstrap;
        password = adminPassword;
        Properties props = connection();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    /** Writes copies of up to {@code count} messages already on the topic: same key, value and headers (ce_id). */
    int duplicate(String topic, int count, Random random) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> all = readAll(topic);
        Collections.shuffle(all, random);
        List<ConsumerRecord<byte[], byte[]>> picked = all.subList(0, Math.min(count, all.size()));
        for (ConsumerRecord<byte[], byte[]> record : picked) {
            ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(topic, null, record.key(), record.value());
            for (Header header : record.headers()) {
                copy.headers().add(header);
            }
            producer.send(copy).get();
        }
        return picked.size();
    }

    /** Writes messages no consumer can read: not JSON, JSON of no known shape, and binary garbage. Returns how many. */
    int poison(String topic) throws Exception {
        List<byte[]> values = List.of(
                "this is not JSON {".getBytes(StandardCharsets.UTF_8),
                "{\"unexpected\":true,\"eventId\":42}".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, 0, (byte) 0xfe, 1, 2, 3});
        for (byte[] value : values) {
            String id = UUID.randomUUID().toString();
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, id.getBytes(StandardCharsets.UTF_8), value);
            record.headers().add("ce_id", ("poison-" + id).getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", "org.counterpart.poison".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        return values.size();
    }

    /** The number of messages on a topic (sum of end offsets; nothing is compacted or expired here). */
    long size(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = connection();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /** The broker's address and SASL/SCRAM-SHA-512 as admin, as docker-compose.yml configures the listener. */
    private Properties connection() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        props.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"" + USER + "\" password=\"" + password + "\";");
        return props;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
