package org.counterpart.facts.events;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends outbox rows to Kafka and hands back the broker's acknowledgement. A plain idempotent producer rather than a
 * reactive channel: the relay must know, row by row, whether the broker has the event before it marks it sent.
 */
@ApplicationScoped
public class KafkaPublisher {

    private final Properties config = new Properties();
    private final String bootstrapServers;
    private final int partitions;
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean topicReady;

    public KafkaPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                          @ConfigProperty(name = "counterpart.outbox.broker-timeout", defaultValue = "10s")
                          Duration brokerTimeout,
                          @ConfigProperty(name = "counterpart.facts-topic.partitions", defaultValue = "3")
                          int partitions) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        // Fail fast while the broker is away; the rows stay in the outbox and the relay tries again.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(brokerTimeout.toMillis()));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(brokerTimeout.toMillis()));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(brokerTimeout.toMillis() + 2000));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "facts-outbox-relay");
    }

    public Future<RecordMetadata> send(OutboxEvent event) throws Exception {
        if (!topicReady) {
            FactsTopic.ensureCompacted(bootstrapServers, FactEvents.TOPIC, partitions);
            topicReady = true;
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.key, event.payload);
        CloudEventHeaders.write(record.headers(), event);
        return producer().send(record);
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
