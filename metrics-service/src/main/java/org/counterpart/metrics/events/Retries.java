package org.counterpart.metrics.events;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Tries an action a few times with doubling pauses before letting its failure through. Applying a well-formed
 * event fails mostly for passing reasons (database restarting, a lock timeout); dead-lettering it at once would
 * quietly leave that report's facts behind, while waiting a little holds up the partition, which is what we want.
 */
final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class);

    /** Pauses the calling thread; replaced in tests so that they do not wait. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final int attempts;
    private final Duration firstPause;
    private final Duration longestPause;
    private final Pause pause;

    Retries(int attempts, Duration firstPause, Pause pause) {
        this(attempts, firstPause, Duration.ofDays(1), pause);
    }

    /** With a ceiling on the pause, so that many attempts ride out a database restart without waiting for hours. */
    Retries(int attempts, Duration firstPause, Duration longestPause, Pause pause) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.attempts = attempts;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.pause = pause;
    }

    static Retries sleeping(int attempts, Duration firstPause, Duration longestPause) {
        return new Retries(attempts, firstPause, longestPause, duration -> Thread.sleep(duration.toMillis()));
    }

    <T> T call(String what, Supplier<T> action) {
        Duration next = firstPause;
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                LOG.warnf("%s failed (attempt %d of %d), trying again in %s: %s", what, attempt, attempts, next, e);
                try {
                    pause.pause(next);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(interrupted);
                    throw e;
                }
                next = next.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : next.multipliedBy(2);
            }
        }
    }
}
