package org.counterpart.metrics.projection;

import java.util.Locale;

/** What one facts event did to the current facts; also the tag value of the processed-events counter. */
public enum ProjectionOutcome {
    /** The report's facts were replaced by a newer revision. */
    REPLACED,
    /** The report's facts were removed. */
    RETRACTED,
    /** The event had been applied before (redelivery): nothing changed. */
    DUPLICATE,
    /** A revision not newer than the one already applied: nothing changed. */
    STALE,
    /** Refused for what it says given the projection's state (a revision too far ahead): nothing changed. */
    REJECTED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
