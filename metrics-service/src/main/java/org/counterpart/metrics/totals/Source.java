package org.counterpart.metrics.totals;

/** Where a claim was stated: the fact and the report it came from, so a reader can go back to the evidence. */
public record Source(String reportId, String factId) {
}
