package org.counterpart.metrics.projection;

import java.time.LocalDate;

/**
 * The reports some totals add up: how many, and the publication date of the newest of them.
 *
 * @param count           distinct reports
 * @param newestPublished the latest publication date among them; null when none of them gave one
 */
public record ReportsBehind(int count, LocalDate newestPublished) {
}
