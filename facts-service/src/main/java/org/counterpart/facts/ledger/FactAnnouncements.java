package org.counterpart.facts.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * Announces a report's recorded facts to subscribers, in the transaction that recorded them. Implemented on the
 * way out (outbound), so that the ledger does not depend on wire messages.
 */
public interface FactAnnouncements {

    /**
     * The report's whole fact set, replacing whatever subscribers held for it (an empty set clears it).
     *
     * @param publishedAt the report's publication date, null when it did not give one
     */
    void replaced(Extraction extraction, LocalDate publishedAt, List<Fact> facts);

    /** The report was deleted: subscribers drop everything they hold for it. */
    void retracted(Extraction extraction);
}
