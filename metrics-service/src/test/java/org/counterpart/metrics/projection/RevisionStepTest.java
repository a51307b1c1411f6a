package org.counterpart.metrics.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RevisionStepTest {

    private static final long BILLION = 1_000_000_000L;

    static Stream<Arguments> revisions() {
        return Stream.of(
                // situation, revision, highest seen, largest step, refused
                Arguments.of("the first event of an empty projection", 1L, 0L, BILLION, false),
                Arguments.of("a first revision exactly one step up", BILLION, 0L, BILLION, false),
                Arguments.of("a first revision one more than a step up", BILLION + 1, 0L, BILLION, true),
                Arguments.of("10^15 after revision 17", 1_000_000_000_000_000L, 17L, BILLION, true),
                Arguments.of("one step above the highest", 17 + BILLION, 17L, BILLION, false),
                Arguments.of("a step and one above the highest", 18 + BILLION, 17L, BILLION, true),
                Arguments.of("a report re-extracted after two billion others: far above its own, not above the highest",
                        2 * BILLION + 3, 2 * BILLION, BILLION, false),
                Arguments.of("an older revision, for the stale check to find", 5L, 2 * BILLION, BILLION, false),
                Arguments.of("revision 0, older than anything", 0L, 9L, BILLION, false),
                Arguments.of("the largest long there is", Long.MAX_VALUE, 0L, BILLION, true),
                Arguments.of("the largest long, right after its predecessor", Long.MAX_VALUE, Long.MAX_VALUE - 1, BILLION, false),
                Arguments.of("a step of 1: the next revision", 11L, 10L, 1L, false),
                Arguments.of("a step of 1: one further", 12L, 10L, 1L, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("revisions")
    void aRevisionMayBeAtMostOneStepAboveTheHighestSeen(String situation, long revision, long highestSeen, long largest,
                                                          boolean refused) {
        assertEquals(refused, new RevisionStep(largest).refusal(revision, highestSeen).isPresent(), situation);
    }

    @Test
    void theRefusalSaysHowFarAndFromWhere() {
        assertEquals("revision 1000000000000000 is more than 1000000000 above 17, the highest revision seen so far",
                new RevisionStep(BILLION).refusal(1_000_000_000_000_000L, 17).orElseThrow());
    }

    @Test
    void aStepOfNothingWouldRefuseEveryNewRevision() {
        assertThrows(IllegalArgumentException.class, () -> new RevisionStep(0));
    }
}
