package org.counterpart.edge.inbound;

/**
 * An incoming event that can never be applied, whatever is retried: unreadable, incomplete, or with values the
 * service refuses. Thrown by a service's reader or checks; the consumer dead-letters it at once with this message
 * as the reason.
 */
public class UnusableEvent extends RuntimeException {

    public UnusableEvent(String reason) {
        super(reason);
    }

    public UnusableEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
