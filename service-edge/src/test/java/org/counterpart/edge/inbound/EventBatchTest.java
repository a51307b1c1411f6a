package org.counterpart.edge.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A stand-in service: events are the record values; "bad" cannot be read, "poison" fails whenever it is applied,
 * "refused" is applied but refused; "ignored" is not acted on. A transaction is simulated: applyAll commits its
 * events only if every one applies.
 */
class EventBatchTest {

    private final List<String> committed = new ArrayList<>();
    private final List<String> settled = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<Integer> transactions = new ArrayList<>();
    private int outagesLeft;

    private final EventBatch.Steps<String, String> steps = new EventBatch.Steps<>() {
        @Override
        public String read(ConsumerRecord<String, String> record) {
            if (record.value().equals("bad")) {
                throw new UnusableEvent("unreadable");
            }
            return record.value().equals("ignored") ? null : record.value();
        }

        @Override
        public List<String> applyAll(List<String> events) {
            if (outagesLeft > 0) {
                outagesLeft--;
                throw new RuntimeException("no connection", new SQLException("refused", "08001"));
            }
            List<String> results = new ArrayList<>();
            for (String event : events) {
                results.add(applied(event));
            }
            transactions.add(events.size());
            committed.addAll(events);
            return results;
        }

        @Override
        public String applyOne(String event) {
            String result = applied(event);
            transactions.add(1);
            committed.add(event);
            return result;
        }

        private String applied(String event) {
            if (event.equals("poison")) {
                throw new IllegalStateException("cannot apply " + event);
            }
            return event.equals("refused") ? "REFUSED" : "OK";
        }

        @Override
        public UnusableEvent refusal(String event, String result) {
            return result.equals("REFUSED") ? new UnusableEvent(event + " refused") : null;
        }

        @Override
        public void settled(String event, String result) {
            settled.add(event);
        }

        @Override
        public void failed(String event, RuntimeException failure) {
            failed.add(event);
        }

        @Override
        public String describe(String event) {
            return event;
        }
    };

    private final List<Duration> pauses = new ArrayList<>();
    private final EventBatch<String, String> batch = new EventBatch<>(steps,
            new PatientRetries(2, Duration.ofMillis(10), Duration.ofMillis(40), pauses::add),
            new PatientRetries(1, Duration.ofMillis(10), Duration.ofMillis(40), pauses::add));

    private static List<ConsumerRecord<String, String>> records(String... values) {
        return IntStream.range(0, values.length)
                .mapToObj(i -> new ConsumerRecord<>("reports", 1, 100L + i, "key-" + i, values[i]))
                .toList();
    }

    private static List<Long> offsets(EventBatch.Outcome outcome) {
        return outcome.deadLetters().stream().map(d -> d.record().offset()).toList();
    }

    @Test
    void aCleanPollIsOneTransaction() {
        EventBatch.Outcome outcome = batch.apply(records("a", "b", "c", "d"));
        assertEquals(List.of(4), transactions);
        assertEquals(List.of("a", "b", "c", "d"), committed);
        assertEquals(List.of("a", "b", "c", "d"), settled);
        assertEquals(4, outcome.settled());
        assertFalse(outcome.appliedOneByOne());
        assertTrue(outcome.deadLetters().isEmpty());
    }

    @Test
    void aPoisonEventIsFoundOneByOneAndOnlyItIsDeadLettered() {
        EventBatch.Outcome outcome = batch.apply(records("a", "poison", "c"));
        assertTrue(outcome.appliedOneByOne());
        assertEquals(List.of(1, 1), transactions, "the failed batch committed nothing; then each alone");
        assertEquals(List.of("a", "c"), committed);
        assertEquals(List.of("a", "c"), settled);
        assertEquals(List.of("poison"), failed);
        assertEquals(List.of(101L), offsets(outcome));
        assertEquals(2, outcome.settled());
    }

    @Test
    void unreadableAndRefusedEventsAreDeadLetteredInPartitionOrderAndTheRestCommitTogether() {
        EventBatch.Outcome outcome = batch.apply(records("refused", "a", "bad", "ignored", "b"));
        assertEquals(List.of(3), transactions, "the unreadable and the ignored never reach a transaction");
        assertEquals(List.of("refused", "a", "b"), settled, "a refused event is settled (its outcome counted)");
        assertEquals(List.of(100L, 102L), offsets(outcome));
        assertEquals("refused refused", outcome.deadLetters().get(0).reason().getMessage());
        assertEquals("unreadable", outcome.deadLetters().get(1).reason().getMessage());
    }

    @Test
    void aBatchWaitsOutAnOutageWholeInsteadOfFallingApart() {
        outagesLeft = 3;
        EventBatch.Outcome outcome = batch.apply(records("a", "b"));
        assertFalse(outcome.appliedOneByOne());
        assertEquals(List.of(2), transactions);
        assertEquals(3, pauses.size(), "one pause per failed attempt, however many");
    }

    @Test
    void aSingleEventIsAppliedAloneWithItsOwnRetries() {
        EventBatch.Outcome outcome = batch.apply(records("poison"));
        assertEquals(List.of(), transactions);
        assertEquals(List.of("poison"), failed);
        assertEquals(1, pauses.size(), "an unknown failure of one event is tried twice (its own bound)");
        assertEquals(List.of(100L), offsets(outcome));
    }

    @Test
    void aPollOfNothingToActOnAppliesNothing() {
        EventBatch.Outcome outcome = batch.apply(records("ignored", "bad"));
        assertEquals(List.of(), transactions);
        assertEquals(0, outcome.settled());
        assertEquals(List.of(101L), offsets(outcome));
    }
}
