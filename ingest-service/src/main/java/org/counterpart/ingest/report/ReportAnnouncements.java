package org.counterpart.ingest.report;

/**
 * Announces report changes to subscribers, in the transaction of the change. Implemented on the way out
 * (outbound), so that the report's own code does not depend on wire messages.
 */
public interface ReportAnnouncements {

    void submitted(Report report);

    void deleted(Report report);
}
