package org.counterpart.facts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RetriesTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final Retries retries = new Retries(6, Duration.ofMillis(500), Duration.ofSeconds(2), pauses::add);

    @Test
    void aPassingFailureIsRetriedWithDoublingPausesUpToTheCeiling() {
        AtomicInteger calls = new AtomicInteger();
        String result = retries.call("apply", () -> {
            if (calls.incrementAndGet() < 6) {
                throw new IllegalStateException("database away");
            }
            return "applied";
        });
        assertEquals("applied", result);
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(2)), pauses);
    }

    @Test
    void theFailureGoesThroughAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> retries.call("apply", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("still away");
        }));
        assertEquals(6, calls.get());
    }

    @Test
    void aMalformedEventIsNeverRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(MalformedReportEvent.class, () -> retries.call("apply", () -> {
            calls.incrementAndGet();
            throw new MalformedReportEvent("not JSON", null);
        }));
        assertEquals(1, calls.get());
        assertEquals(List.of(), pauses);
    }
}
