package org.counterpart.facts.events;

/** A message on the reports topic that is not a report event this service can read: dead-lettered, not retried. */
public class MalformedReportEvent extends RuntimeException {

    public MalformedReportEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
