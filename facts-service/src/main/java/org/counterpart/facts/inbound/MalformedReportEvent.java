package org.counterpart.facts.inbound;

import org.counterpart.edge.inbound.UnusableEvent;

/** A message on the reports topic that is not a report event this service can read: dead-lettered, not retried. */
public class MalformedReportEvent extends UnusableEvent {

    public MalformedReportEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
