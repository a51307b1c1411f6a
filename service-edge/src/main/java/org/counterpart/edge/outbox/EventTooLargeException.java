package org.counterpart.edge.outbox;

/** The event is larger than the outbox (and so Kafka) takes; nothing was recorded. */
public class EventTooLargeException extends RuntimeException {

    private final long bytes;
    private final long limit;

    public EventTooLargeException(String type, long bytes, long limit) {
        super(type + " event of " + bytes + " bytes is larger than the " + limit + " bytes an event may have",
                null, false, false);
        this.bytes = bytes;
        this.limit = limit;
    }

    public long bytes() {
        return bytes;
    }

    public long limit() {
        return limit;
    }
}
