package org.counterpart.metrics.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.counterpart.edge.kafka.KafkaClientSettings;
import org.counterpart.metrics.message.FactsEvent;
import org.counterpart.metrics.projection.FactsSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The {@code facts} topic from its beginning to where it ends at the moment the replay starts, read by a fresh
 * consumer that assigns itself every partition: no consumer group, so the service's own group and its offsets
 * are left alone. Messages that cannot be read or break the rules are skipped with their reason (they were
 * dead-lettered when first consumed).
 */
@ApplicationScoped
public class TopicFactsSource implements FactsSource {

    private static final Logger LOG = Logger.getLogger(TopicFactsSource.class);

    private final FactsEventReader reader;
    private final KafkaClientSettings client;
    private final String topic;
    private final Duration timeout;

    public TopicFactsSource(FactsEventReader reader,
                            KafkaClientSettings client,
                            @ConfigProperty(name = "mp.messaging.incoming.facts.topic", defaultValue = "facts") String topic,
                            @ConfigProperty(name = "counterpart.rebuild.timeout", defaultValue = "30m") Duration timeout) {
        this.reader = reader;
        this.client = client;
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public void forEach(Consumer<FactsEvent> apply, Consumer<String> skip) {
        // The service's own connection settings (SASL in the compose deployment), as its channels use.
        Properties props = client.properties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "metrics-service-rebuild");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Where the topic ends now: events published later reach the projection through the live consumer.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (!reachedEnd(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Replaying " + topic + " took longer than " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    FactsEvent event;
                    try {
                        event = reader.read(record.key(), record.value());
                    } catch (MalformedEventException e) {
                        skip.accept(e.reason());
                        LOG.debugf("Replay skips %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
                        continue;
                    }
                    apply.accept(event);
                }
            }
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
