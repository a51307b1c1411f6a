package org.counterpart.metrics.projection;

/** A replayed event the database refused for what it says: the rebuild's pass is rolled back and run without it. */
final class MessageFailedToApply extends RuntimeException {

    private final String eventId;

    MessageFailedToApply(String eventId, RuntimeException cause) {
        super("Facts event " + eventId + " fails to apply: " + cause.getMessage(), cause);
        this.eventId = eventId;
    }

    String eventId() {
        return eventId;
    }
}
