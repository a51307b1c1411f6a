package org.counterpart.metrics.projection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RefreshPaceTest {

    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest(name = "share {0}: a refresh of {1} s ending at 100 s lets the next start at {2} s")
    @CsvSource({
            "0.5, 10, 110",
            "0.25, 10, 130",
            "1.0, 10, 100",
            "0.5, 0, 100"})
    void theNextRefreshWaitsInProportionToTheLast(double share, long tookSeconds, long nextAtSeconds) {
        RefreshPace pace = new RefreshPace(share);
        assertTrue(pace.due(0), "the first refresh never waits");
        long ended = 100 * SECOND;
        pace.ran(ended - tookSeconds * SECOND, ended);
        if (nextAtSeconds > 100) {
            assertFalse(pace.due(nextAtSeconds * SECOND - 1));
        }
        assertTrue(pace.due(nextAtSeconds * SECOND));
    }

    @org.junit.jupiter.api.Test
    void nanoTimeMayBeNegative() {
        RefreshPace pace = new RefreshPace(0.5);
        long ended = Long.MIN_VALUE + 20 * SECOND;
        pace.ran(ended - 5 * SECOND, ended);
        assertFalse(pace.due(ended + 4 * SECOND));
        assertTrue(pace.due(ended + 5 * SECOND));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.5, 1.5, Double.NaN})
    void aShareOutsideZeroToOneIsRefused(double share) {
        assertThrows(IllegalArgumentException.class, () -> new RefreshPace(share));
    }
}
