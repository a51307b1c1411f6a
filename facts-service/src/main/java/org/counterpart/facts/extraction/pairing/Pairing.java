package org.counterpart.facts.extraction.pairing;

import org.counterpart.facts.extraction.gazetteer.Region;

/** One East–West pairing regime: donor helps recipient from {@code fromYear} to {@code toYear} inclusive. */
public record Pairing(Region donor, Region recipient, int fromYear, int toYear) {
    /** Whether the pairing was in force in the year; an unknown year (null) matches any regime. */
    public boolean activeIn(Integer year) {
        return year == null || (year >= fromYear && year <= toYear);
    }
}
