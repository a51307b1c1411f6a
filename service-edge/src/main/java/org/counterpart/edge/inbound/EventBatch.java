package org.counterpart.edge.inbound;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies the events of one poll together: all of them in one transaction, so that a busy partition costs one
 * commit per poll rather than one per event. Each event stays idempotent on its own (the service records it in its
 * {@link MessageLog} inside that transaction), and the events apply in the order of their partition.
 *
 * <p>If the batch fails for a reason the event may be at fault for, its transaction has rolled back whole, and each
 * event is applied again in a transaction of its own with the retries it would have had alone: a poison event costs
 * its batch a second pass and never takes its neighbours with it to the dead-letter topic. A batch that fails because
 * the database is away waits for it, as one event would ({@link PatientRetries}).
 *
 * <p>Pure of Kafka's consumer and of the messaging framework: it says which records to dead-letter, and the
 * caller (the channel's method) nacks those and acknowledges the batch.
 *
 * @param <E> the service's event
 * @param <R> what applying one event gives
 */
public final class EventBatch<E, R> {

    private static final Logger LOG = Logger.getLogger(EventBatch.class);

    /** What a consuming service does with its events. */
    public interface Steps<E, R> {

        /** The event in a record; null for one this service does not act on; {@link UnusableEvent} if unreadable. */
        E read(ConsumerRecord<String, String> record);

        /** Applies every event in one transaction, in order, and gives their results in the same order. */
        List<R> applyAll(List<E> events);

        /** Applies one event in a transaction of its own. */
        R applyOne(E event);

        /**
         * The reason the service refuses an applied event for what it says, having written nothing for it (it is
         * then dead-lettered); null when it was applied.
         */
        UnusableEvent refusal(E event, R result);

        /** Told of each event settled, refused ones included, after its transaction committed: to count outcomes. */
        void settled(E event, R result);

        /** Told of each event that could not be applied (it is dead-lettered), after the last attempt. */
        void failed(E event, RuntimeException failure);

        /** How to name the event in logs and retries. */
        String describe(E event);
    }

    /** A record to send to the dead-letter topic, and why. */
    public record DeadLetter(ConsumerRecord<String, String> record, RuntimeException reason) {
    }

    /** What became of a poll's records: how many events were settled (applied or refused), and what to dead-letter. */
    public record Outcome(int settled, boolean appliedOneByOne, List<DeadLetter> deadLetters) {
    }

    private record Read<E>(ConsumerRecord<String, String> record, E event) {
    }

    private final Steps<E, R> steps;
    private final PatientRetries eachRetries;
    private final PatientRetries batchRetries;

    /**
     * @param eachRetries the retries of one event alone
     * @param batchRetries the retries of the whole batch: patient with an outage, but giving up at once on any other
     *                     failure, since applying the events one by one then finds the culprit
     */
    public EventBatch(Steps<E, R> steps, PatientRetries eachRetries, PatientRetries batchRetries) {
        this.steps = steps;
        this.eachRetries = eachRetries;
        this.batchRetries = batchRetries;
    }

    public Outcome apply(List<ConsumerRecord<String, String>> records) {
        List<DeadLetter> deadLetters = new ArrayList<>();
        List<Read<E>> readable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                E event = steps.read(record);
                if (event != null) {
                    readable.add(new Read<>(record, event));
                }
            } catch (UnusableEvent e) {
                deadLetters.add(new DeadLetter(record, e));
            }
        }
        if (readable.isEmpty()) {
            return new Outcome(0, false, deadLetters);
        }
        List<R> results = null;
        if (readable.size() > 1) {
            List<E> events = readable.stream().map(Read::event).toList();
            try {
                results = batchRetries.call("Applying " + events.size() + " events from "
                        + describe(readable.get(0).record()), () -> steps.applyAll(events));
            } catch (RuntimeException e) {
                LOG.warnf("A batch of %d events failed (%s); applying them one by one", events.size(), e);
            }
        }
        int settled = 0;
        if (results != null) {
            for (int i = 0; i < readable.size(); i++) {
                settled += settle(readable.get(i), results.get(i), deadLetters);
            }
            return new Outcome(settled, false, sorted(deadLetters));
        }
        for (Read<E> read : readable) {
            R result;
            try {
                result = eachRetries.call("Applying " + steps.describe(read.event()),
                        () -> steps.applyOne(read.event()));
            } catch (RuntimeException e) {
                steps.failed(read.event(), e);
                deadLetters.add(new DeadLetter(read.record(), e));
                continue;
            }
            settled += settle(read, result, deadLetters);
        }
        return new Outcome(settled, readable.size() > 1, sorted(deadLetters));
    }

    private int settle(Read<E> read, R result, List<DeadLetter> deadLetters) {
        steps.settled(read.event(), result);
        UnusableEvent refusal = steps.refusal(read.event(), result);
        if (refusal != null) {
            deadLetters.add(new DeadLetter(read.record(), refusal));
        }
        return 1;
    }

    /** In the order the records came, so that the dead-letter topic keeps the partition's order. */
    private static List<DeadLetter> sorted(List<DeadLetter> deadLetters) {
        deadLetters.sort(java.util.Comparator
                .comparing((DeadLetter d) -> d.record().partition())
                .thenComparingLong(d -> d.record().offset()));
        return deadLetters;
    }

    private static String describe(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
