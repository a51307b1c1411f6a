package org.counterpart.ingest.report;

import java.util.Locale;

/**
 * Where a report is on its way out: stored with its event (accepted), or its event acknowledged by Kafka
 * (published). Derived from the outbox, never stored twice.
 */
public enum ReportStatus {
    ACCEPTED,
    PUBLISHED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
