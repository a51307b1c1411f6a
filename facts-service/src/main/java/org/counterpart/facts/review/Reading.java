package org.counterpart.facts.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.fact.Party;

/**
 * What the machine read at an anchor, as far as a confirmation vouches for it: the amount, who gave it to whom and
 * for when. A confirmation is a person saying "this reading is right"; once the machine reads something else, that
 * statement no longer covers it.
 * Parties are compared by their region code, or by level and name for a group or an unresolved region, so that a
 * renamed display name alone does not count as a new reading.
 */
public record Reading(BigDecimal value, String unit, String donor, String recipient,
                      LocalDate periodStart, LocalDate periodEnd) {

    public Reading {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
    }

    public static Reading of(ExtractedFact fact) {
        return new Reading(fact.value(), fact.unit(), party(fact.donor()), party(fact.recipient()),
                fact.periodStart(), fact.periodEnd());
    }

    static String party(Party party) {
        if (party == null) {
            return null;
        }
        return party.code() != null ? party.code() : party.level() + ":" + party.name();
    }

    /** The same reading: values equal as numbers (5.0 is 5), everything else exactly. */
    public boolean sameAs(Reading other) {
        return value.compareTo(other.value) == 0
                && unit.equals(other.unit)
                && Objects.equals(donor, other.donor)
                && Objects.equals(recipient, other.recipient)
                && Objects.equals(periodStart, other.periodStart)
                && Objects.equals(periodEnd, other.periodEnd);
    }
}
