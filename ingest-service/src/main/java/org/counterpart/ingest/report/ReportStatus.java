package org.counterpart.ingest.report;

import java.util.Locale;

/**
 * Where a report is on its way out: stored with its event (accepted), its event acknowledged by Kafka
 * (published), or its event refused for good and waiting for an operator (parked). Derived from the outbox,
 * never stored twice.
 */
public enum ReportStatus {
    ACCEPTED,
    PUBLISHED,
    PARKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
