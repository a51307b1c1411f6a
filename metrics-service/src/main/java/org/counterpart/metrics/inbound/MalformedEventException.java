package org.counterpart.metrics.inbound;

import org.counterpart.edge.inbound.UnusableEvent;

/**
 * A message that can never be applied, however often it is retried: it goes to the dead-letter topic with this
 * message as the reason, and consumption moves on.
 */
public class MalformedEventException extends UnusableEvent {

    /** Not JSON, or not a facts event at all. */
    public static final String UNREADABLE = "unreadable";
    /** A facts event with something missing or not fitting together (see {@link FactsEventReader}). */
    public static final String CONTRACT = "contract";

    /** A short fixed code saying which rule the message breaks, for counting; the message says how. */
    private final String reason;

    public MalformedEventException(String message) {
        this(UNREADABLE, message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
        this.reason = UNREADABLE;
    }

    /** @param reason one of the codes here or of {@link FactsEventRules} */
    public MalformedEventException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
