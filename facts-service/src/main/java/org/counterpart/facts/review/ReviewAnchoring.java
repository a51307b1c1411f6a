package org.counterpart.facts.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Carries a report's reviews over to a new extraction of it, so that an analyst's work survives a rerun:
 * <ul>
 * <li>a fact at the anchor of a review gets that review again: confirmed, corrected or rejected as before;</li>
 * <li>except a confirmation whose reading the machine no longer gives: the fact is {@link ReviewStatus#CHANGED} and
 * goes back to the queue. A correction stays, because it states the right reading whatever the machine reads; a
 * rejection stays, because it says the figure at that place is not this kind of fact;</li>
 * <li>with several reviews at one anchor, the latest stands (the later one in the list when two share a time): the
 * earlier ones are the fact's history, not competing verdicts;</li>
 * <li>a review whose anchor no fact holds is orphaned: kept and listed, never dropped. There is no tolerance for a
 * figure whose offsets moved, because the stored text never changes: a figure elsewhere is another figure;</li>
 * <li>reviews of analyst-added facts are left as they are: an extraction neither replaces nor matches those facts.</li>
 * </ul>
 */
public final class ReviewAnchoring {

    private ReviewAnchoring() {
    }

    public static Reanchored reapply(List<Review> reviews, List<MachineFact> extraction) {
        Map<Anchor, Review> latest = new HashMap<>();
        List<Review> ofMachineFacts = new ArrayList<>();
        List<Review> ofAnalystFacts = new ArrayList<>();
        for (Review review : reviews) {
            if (review.factOrigin() == Origin.ANALYST) {
                ofAnalystFacts.add(review);
                continue;
            }
            ofMachineFacts.add(review);
            latest.merge(review.anchor(), review, (kept, later) -> later.at().isBefore(kept.at()) ? kept : later);
        }

        List<ReviewedFact> facts = new ArrayList<>();
        Set<Anchor> held = new HashSet<>();
        for (MachineFact fact : extraction) {
            held.add(fact.anchor());
            facts.add(standing(fact, Optional.ofNullable(latest.get(fact.anchor()))));
        }
        List<Review> orphaned = ofMachineFacts.stream().filter(r -> !held.contains(r.anchor())).toList();
        return new Reanchored(facts, orphaned, ofAnalystFacts);
    }

    private static ReviewedFact standing(MachineFact fact, Optional<Review> review) {
        ReviewStatus status = review.map(r -> switch (r.action()) {
            case CONFIRM -> r.seen().sameAs(fact.reading()) ? ReviewStatus.CONFIRMED : ReviewStatus.CHANGED;
            case CORRECT -> ReviewStatus.CORRECTED;
            case REJECT -> ReviewStatus.REJECTED;
        }).orElse(ReviewStatus.UNREVIEWED);
        return new ReviewedFact(fact, status, review);
    }
}
