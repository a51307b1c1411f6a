package org.counterpart.edge.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records of one poll (a channel with {@code batch=true}) as {@link EventBatch} takes them, and their settling
 * with the connector: each dead letter nacked on its own (the channel's dead-letter-queue strategy sends it with its
 * reason), one after another in partition order, and only then the poll acknowledged, so that its offsets are
 * committed after everything in it was applied or dead-lettered. Nacking the poll as a whole would dead-letter every
 * record in it.
 */
public final class PolledRecords {

    private PolledRecords() {
    }

    public static List<ConsumerRecord<String, String>> of(KafkaRecordBatch<String, String> batch) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            records.add(consumerRecord(record));
        }
        return records;
    }

    public static CompletionStage<Void> settle(KafkaRecordBatch<String, String> batch,
                                               List<EventBatch.DeadLetter> deadLetters) {
        CompletionStage<Void> done = CompletableFuture.completedFuture(null);
        for (EventBatch.DeadLetter deadLetter : deadLetters) {
            KafkaRecord<String, String> record = find(batch, deadLetter.record());
            done = done.thenCompose(ignored -> record.nack(deadLetter.reason()));
        }
        return done.thenCompose(ignored -> batch.ack());
    }

    private static KafkaRecord<String, String> find(KafkaRecordBatch<String, String> batch,
                                                    ConsumerRecord<String, String> wanted) {
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            ConsumerRecord<String, String> candidate = consumerRecord(record);
            if (candidate.partition() == wanted.partition() && candidate.offset() == wanted.offset()
                    && candidate.topic().equals(wanted.topic())) {
                return record;
            }
        }
        throw new IllegalArgumentException("No record " + wanted.topic() + "-" + wanted.partition() + "@"
                + wanted.offset() + " in this poll");
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return (ConsumerRecord<String, String>) record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("A polled record without its Kafka metadata"))
                .getRecord();
    }
}
