package org.counterpart.metrics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.counterpart.metrics.api.RecentChanges.Announcement;
import org.counterpart.metrics.api.RecentChanges.Missed;
import org.counterpart.metrics.api.RecentChanges.Replay;
import org.counterpart.metrics.api.RecentChanges.Reset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a client reconnecting with Last-Event-ID is sent. History, one letter per step: c a change (kept), r a
 * rebuild (announced, not kept), s a change nobody was told of. The run is "k7".
 */
class RecentChangesTest {

    @ParameterizedTest(name = "capacity {0}, history ''{1}'', Last-Event-ID ''{2}'' -> {3}")
    @CsvSource(delimiter = '|', value = {
            // Replays: everything after the id, oldest first.
            "3 | c c c   | k7-0  | replay k7-1 k7-2 k7-3",
            "3 | c c c   | k7-2  | replay k7-3",
            "3 | c c c   | k7-3  | replay",
            "3 |         | k7-0  | replay",
            "3 | c c c c | k7-1  | replay k7-2 k7-3 k7-4",
            "1 | c c     | k7-1  | replay k7-2",
            "3 | c r c   | k7-2  | replay k7-3",
            "3 | c s c   | k7-2  | replay k7-3",
            // Too old: the next one it needs is gone (evicted, a rebuild, or never announced).
            "3 | c c c c | k7-0  | reset expired k7-4",
            "1 | c c     | k7-0  | reset expired k7-2",
            "3 | c r c   | k7-1  | reset expired k7-3",
            "3 | c r     | k7-0  | reset expired k7-2",
            "3 | c s c   | k7-1  | reset expired k7-3",
            "3 | s       | k7-0  | reset expired k7-1",
            // Not an id of this run: from the future, another run, or not an id at all.
            "3 | c c     | k7-3  | reset unknown-id k7-2",
            "3 | c c     | q2-1  | reset unknown-id k7-2",
            "3 | c c     | k7    | reset unknown-id k7-2",
            "3 | c c     | k7-   | reset unknown-id k7-2",
            "3 | c c     | k7--1 | reset unknown-id k7-2",
            "3 | c c     | k7-1x | reset unknown-id k7-2",
            "3 | c c     | k71-1 | reset unknown-id k7-2",
            "3 | c c     | k7-99999999999999999999 | reset unknown-id k7-2"})
    void aReconnectingClientGetsWhatItMissedOrAReset(int capacity, String history, String lastEventId, String expected) {
        RecentChanges<String> recent = new RecentChanges<>("k7", capacity);
        for (String step : steps(history)) {
            switch (step) {
                case "c" -> recent.add("totals-changed", "change");
                case "r" -> recent.addUnreplayable("rebuild", "everything");
                case "s" -> recent.skip();
                default -> throw new IllegalArgumentException(step);
            }
        }
        assertEquals(expected, describe(recent.after(lastEventId)));
    }

    @Test
    void idsCountUpAcrossAllKindsOfStepAndTheReplayCarriesNameAndData() {
        RecentChanges<String> recent = new RecentChanges<>("k7", 5);
        assertEquals("k7-0", recent.newestId());
        assertEquals("k7-1", recent.add("totals-changed", "first").id());
        recent.skip();
        assertEquals("k7-3", recent.addUnreplayable("rebuild", "all").id());
        Announcement<String> fourth = recent.add("totals-changed", "fourth");
        assertEquals("k7-4", recent.newestId());
        assertEquals(new Replay<>(List.of(new Announcement<>("k7-4", "totals-changed", "fourth"))), recent.after("k7-3"));
        assertEquals(new Announcement<>("k7-4", "totals-changed", "fourth"), fourth);
    }

    @Test
    void aRunMustNotContainTheSeparatorAndCapacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RecentChanges<String>("a-b", 3));
        assertThrows(IllegalArgumentException.class, () -> new RecentChanges<String>("", 3));
        assertThrows(IllegalArgumentException.class, () -> new RecentChanges<String>("k7", 0));
    }

    private static List<String> steps(String history) {
        return history == null ? List.of() : Arrays.stream(history.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static String describe(Missed<String> missed) {
        if (missed instanceof Reset<String> reset) {
            return "reset " + reset.reason() + " " + reset.newestId();
        }
        List<String> words = new ArrayList<>(List.of("replay"));
        ((Replay<String>) missed).announcements().forEach(a -> words.add(a.id()));
        return String.join(" ", words);
    }
}
