package org.counterpart.infra;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes a record straight to a topic, as another producer (or a hostile one) would, and waits for the ack. */
public final class TopicWriter {

    private TopicWriter() {
    }

    public static void write(String bootstrap, String topic, String key, String value, Map<String, String> headers) {
        writeAll(bootstrap, topic, null, List.of(Map.entry(key, value)), headers);
    }

    /**
     * Writes several records at once, in order, to one partition if one is given, so that a consumer most likely
     * finds them in one poll.
     */
    public static void writeAll(String bootstrap, String topic, Integer partition,
                                List<Map.Entry<String, String>> keysAndValues, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> acks = new java.util.ArrayList<>();
            for (Map.Entry<String, String> keyAndValue : keysAndValues) {
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(topic, partition, keyAndValue.getKey(), keyAndValue.getValue());
                headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
                acks.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not write to " + topic, e);
        }
    }
}
