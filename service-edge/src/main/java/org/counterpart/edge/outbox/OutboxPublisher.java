package org.counterpart.edge.outbox;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Future;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.counterpart.edge.OutboxSettings;
import org.counterpart.edge.PublicSettings;
import org.counterpart.edge.kafka.KafkaClientSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends outbox rows to Kafka as CloudEvents (binary mode: attributes in ce_* headers, the payload as it is) and
 * hands back the broker's acknowledgement. A plain idempotent producer rather than a reactive channel: the relay
 * must know, row by row, whether the broker has the event before it marks it sent.
 */
@IfBuildProperty(name = "counterpart.outbox.publishes", stringValue = "true")
@ApplicationScoped
public class OutboxPublisher {

    private final OutboxSettings settings;
    private final OutboxTopics topics;
    private final PublicSettings publicSettings;
    private final Properties config = new Properties();
    private volatile KafkaProducer<String, byte[]> producer;

    public OutboxPublisher(OutboxSettings settings, OutboxTopics topics, KafkaClientSettings client,
                           PublicSettings publicSettings,
                           @ConfigProperty(name = "quarkus.application.name") String application) {
        this.settings = settings;
        this.topics = topics;
        this.publicSettings = publicSettings;
        config.putAll(client.properties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression());
        // The record size is checked before compression: room for the largest event the outbox takes, plus headers.
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(OutboxTopics.maxMessageBytes(settings)));
        // Fail fast while the broker is away; the rows stay in the outbox and the relay tries again.
        long timeout = settings.brokerTimeout().toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeout + 2000));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox-relay");
    }

    public Future<RecordMetadata> send(OutboxEvent event) throws Exception {
        OutboxSettings.Topic topic = topics.ensure(event.topic);
        // CloudEvents 1.0 wants an absolute URI for dataschema: a consumer has no request to resolve a path against.
        ProducerRecord<String, byte[]> record = CloudEventRecord.of(event, topic.typePrefix() + event.type,
                URI.create(settings.source()), publicSettings.resolve(topic.dataSchema()));
        return producer().send(record);
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
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
