package org.counterpart.edge.inbound;

import java.time.Duration;
import java.util.function.Supplier;

import org.counterpart.edge.failure.FailureKind;
import org.jboss.logging.Logger;

/**
 * Applies an event, retrying by the kind of failure: an event that can never be applied fails at once (to be
 * dead-lettered), one that fails because the database is away is retried with pauses up to a ceiling for as long
 * as the outage lasts (its partition waits; the others go on), anything else a bounded number of times. Each
 * attempt must be its own transaction.
 */
public final class PatientRetries {

    private static final Logger LOG = Logger.getLogger(PatientRetries.class);

    /** Pauses the calling thread; replaced in tests so that they do not wait. */
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final int unknownAttempts;
    private final Duration firstPause;
    private final Duration longestPause;
    private final Pause pause;

    public PatientRetries(int unknownAttempts, Duration firstPause, Duration longestPause, Pause pause) {
        if (unknownAttempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + unknownAttempts);
        }
        this.unknownAttempts = unknownAttempts;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.pause = pause;
    }

    public static PatientRetries sleeping(int unknownAttempts, Duration firstPause, Duration longestPause) {
        return new PatientRetries(unknownAttempts, firstPause, longestPause,
                duration -> Thread.sleep(duration.toMillis()));
    }

    public <T> T call(String what, Supplier<T> action) {
        Duration next = firstPause;
        int unknownFailures = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                FailureKind kind = FailureKind.of(e);
                if (kind == FailureKind.PERMANENT) {
                    throw e;
                }
                if (kind == FailureKind.UNKNOWN && ++unknownFailures >= unknownAttempts) {
                    throw e;
                }
                if (kind == FailureKind.TRANSIENT && attempt % 10 != 1) {
                    LOG.debugf("%s still failing (attempt %d), waiting %s: %s", what, attempt, next, e);
                } else {
                    LOG.warnf("%s failed (%s, attempt %d), trying again in %s: %s", what, kind, attempt, next, e);
                }
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
