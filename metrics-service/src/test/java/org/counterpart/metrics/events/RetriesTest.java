package org.counterpart.metrics.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RetriesTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final Retries retries = new Retries(4, Duration.ofMillis(500), pauses::add);

    @Test
    void aPassingFailureIsRetriedWithDoublingPauses() {
        AtomicInteger calls = new AtomicInteger();

        String result = retries.call("test", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("database restarting");
            }
            return "applied";
        });

        assertEquals("applied", result);
        assertEquals(3, calls.get());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), pauses);
    }

    @Test
    void pausesStopGrowingAtTheCeiling() {
        List<Duration> capped = new ArrayList<>();
        Retries withCeiling = new Retries(6, Duration.ofMillis(500), Duration.ofSeconds(2), capped::add);
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> withCeiling.call("test", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("database restarting");
        }));
        assertEquals(6, calls.get());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(2)), capped);
    }

    @Test
    void afterTheLastAttemptTheFailureGoesThrough() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("still down");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> retries.call("test", () -> {
            calls.incrementAndGet();
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(4, calls.get());
        assertEquals(3, pauses.size());
    }

    @Test
    void successAtOnceDoesNotPause() {
        assertEquals(1, retries.call("test", () -> 1));
        assertEquals(List.of(), pauses);
    }
}
