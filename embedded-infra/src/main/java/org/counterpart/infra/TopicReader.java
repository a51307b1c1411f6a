package org.counterpart.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning with a throw-away consumer group, as a subscriber would. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record of the topic matching the filter, read until {@code quiet} passes with nothing new. */
    public static List<ConsumerRecord<String, String>> read(String bootstrap, String topic,
                                                             Predicate<ConsumerRecord<String, String>> filter,
                                                             int atLeast, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        found.add(record);
                    }
                }
                // Once the expected records are in, one more quiet poll shows whether any extra (a duplicate) follows.
                if (found.size() >= atLeast && consumer.assignment().size() > 0) {
                    long quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                    while (System.nanoTime() < quietUntil) {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                            if (filter.test(r)) {
                                found.add(r);
                            }
                        });
                    }
                    return found;
                }
            }
        }
        return found;
    }
}
