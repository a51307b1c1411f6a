package org.counterpart.metrics.events;

import org.counterpart.edge.inbound.UnusableEvent;

/**
 * A message that can never be applied, however often it is retried: it goes to the dead-letter topic with this
 * message as the reason, and consumption moves on.
 */
public class MalformedEventException extends UnusableEvent {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
