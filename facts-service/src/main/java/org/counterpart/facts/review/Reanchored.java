package org.counterpart.facts.review;

import java.util.List;

/**
 * The reviews of a report after a new extraction: every new fact with where it stands ({@code facts}, in the
 * extraction's order); the reviews whose anchor no fact holds any more ({@code orphaned}: kept and listed, so a
 * person can look again, never dropped); and the reviews of analyst-added facts, which no extraction touches
 * ({@code ofAnalystFacts}).
 */
public record Reanchored(List<ReviewedFact> facts, List<Review> orphaned, List<Review> ofAnalystFacts) {

    public Reanchored {
        facts = List.copyOf(facts);
        orphaned = List.copyOf(orphaned);
        ofAnalystFacts = List.copyOf(ofAnalystFacts);
    }
}
