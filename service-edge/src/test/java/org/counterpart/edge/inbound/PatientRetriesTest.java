package org.counterpart.edge.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PatientRetriesTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final PatientRetries retries = new PatientRetries(3, Duration.ofMillis(500), Duration.ofSeconds(2),
            pauses::add);

    private static RuntimeException databaseAway() {
        return new RuntimeException("could not open connection",
                new SQLException("Connection to localhost:5432 refused", "08001"));
    }

    @Test
    void anOutageIsWaitedOutHoweverLongItLasts() {
        AtomicInteger calls = new AtomicInteger();
        String result = retries.call("test", () -> {
            if (calls.incrementAndGet() < 40) {
                throw databaseAway();
            }
            return "applied";
        });
        assertEquals("applied", result);
        assertEquals(40, calls.get(), "far more attempts than the bound for unknown failures");
        assertEquals(Duration.ofMillis(500), pauses.get(0));
        assertEquals(Duration.ofSeconds(1), pauses.get(1));
        assertEquals(Duration.ofSeconds(2), pauses.get(39 - 1), "pauses stop growing at the ceiling");
    }

    @Test
    void anEventTheDatabaseRefusesFailsAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        RuntimeException tooLong = new RuntimeException(new SQLException("value too long for type", "22001"));
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> retries.call("test", () -> {
            calls.incrementAndGet();
            throw tooLong;
        }));
        assertSame(tooLong, thrown);
        assertEquals(1, calls.get());
        assertEquals(List.of(), pauses);
    }

    @Test
    void anUnusableEventFailsAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(UnusableEvent.class, () -> retries.call("test", () -> {
            calls.incrementAndGet();
            throw new UnusableEvent("metric not in the vocabulary");
        }));
        assertEquals(1, calls.get());
    }

    @Test
    void anUnknownFailureIsTriedABoundedNumberOfTimes() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("something else");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> retries.call("test", () -> {
            calls.incrementAndGet();
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals(3, calls.get());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), pauses);
    }

    @Test
    void outagesBetweenUnknownFailuresDoNotUseUpTheirBound() {
        AtomicInteger calls = new AtomicInteger();
        String result = retries.call("test", () -> {
            int call = calls.incrementAndGet();
            if (call <= 10) {
                throw call % 5 == 0 ? new IllegalStateException("odd") : databaseAway();
            }
            return "applied";
        });
        assertEquals("applied", result);
        assertEquals(11, calls.get());
    }
}
