package org.counterpart.facts.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReviewAnchoringTest {

    private static final UUID REPORT = UUID.fromString("6f1c1f0e-7a0b-4c55-9a43-2f0b8f7d1e01");
    private static final Anchor FUNDS_AT_120 = new Anchor(REPORT, 120, 131, "funds_cny");
    private static final Reading READ = new Reading(new BigDecimal("3040000000"), "CNY", "310000", "530000",
            LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));
    private static final Instant T1 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T09:00:00Z");
    private static final UUID NEW_FACT = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

    private static Review review(String id, Anchor anchor, Origin origin, ReviewAction action, Instant at) {
        return new Review(UUID.fromString("00000000-0000-0000-0000-" + id), anchor, origin, action, READ, "wu.fang", at);
    }

    private static Review confirm(String id, Instant at) {
        return review(id, FUNDS_AT_120, Origin.MACHINE, ReviewAction.CONFIRM, at);
    }

    private static Review of(String id, ReviewAction action, Instant at) {
        return review(id, FUNDS_AT_120, Origin.MACHINE, action, at);
    }

    private static MachineFact fact(Anchor anchor, Reading reading) {
        return new MachineFact(NEW_FACT, anchor, reading);
    }

    private static Reading reading(BigDecimal value, String unit, String donor, String recipient, LocalDate start,
                                   LocalDate end) {
        return new Reading(value, unit, donor, recipient, start, end);
    }

    /**
     * Each case: the reviews recorded, the one fact the new extraction finds, where that fact then stands and under
     * which review, and which reviews are orphaned.
     */
    static Stream<Arguments> cases() {
        Review confirmed = confirm("000000000001", T1);
        Review corrected = of("000000000002", ReviewAction.CORRECT, T1);
        Review rejected = of("000000000003", ReviewAction.REJECT, T1);
        Review laterReject = of("000000000004", ReviewAction.REJECT, T2);
        Review sameTimeCorrect = of("000000000005", ReviewAction.CORRECT, T1);
        Review ofAnalystFact = review("000000000006", FUNDS_AT_120, Origin.ANALYST, ReviewAction.CONFIRM, T1);
        Anchor moved = new Anchor(REPORT, 122, 133, "funds_cny");
        Anchor shorter = new Anchor(REPORT, 120, 130, "funds_cny");
        Anchor otherMetric = new Anchor(REPORT, 120, 131, "investment_cny");
        LocalDate start = READ.periodStart();
        LocalDate end = READ.periodEnd();
        BigDecimal value = READ.value();
        return Stream.of(
                Arguments.of("no review: unreviewed", List.of(), fact(FUNDS_AT_120, READ),
                        ReviewStatus.UNREVIEWED, null, List.of()),
                Arguments.of("same anchor, same reading: confirmed again", List.of(confirmed),
                        fact(FUNDS_AT_120, READ), ReviewStatus.CONFIRMED, confirmed, List.of()),
                Arguments.of("same anchor, value written with a scale: still confirmed", List.of(confirmed),
                        fact(FUNDS_AT_120, reading(new BigDecimal("3040000000.00"), "CNY", "310000", "530000",
                                start, end)), ReviewStatus.CONFIRMED, confirmed, List.of()),
                Arguments.of("confirmed, value now differs: changed", List.of(confirmed),
                        fact(FUNDS_AT_120, reading(new BigDecimal("304000000"), "CNY", "310000", "530000", start,
                                end)), ReviewStatus.CHANGED, confirmed, List.of()),
                Arguments.of("confirmed, unit now differs: changed", List.of(confirmed),
                        fact(FUNDS_AT_120, reading(value, "USD", "310000", "530000", start, end)),
                        ReviewStatus.CHANGED, confirmed, List.of()),
                Arguments.of("confirmed, donor now differs: changed", List.of(confirmed),
                        fact(FUNDS_AT_120, reading(value, "CNY", "440000", "530000", start, end)),
                        ReviewStatus.CHANGED, confirmed, List.of()),
                Arguments.of("confirmed, recipient now differs: changed", List.of(confirmed),
                        fact(FUNDS_AT_120, reading(value, "CNY", "310000", "520000", start, end)),
                        ReviewStatus.CHANGED, confirmed, List.of()),
                Arguments.of("confirmed, period now differs: changed", List.of(confirmed),
                        fact(FUNDS_AT_120, reading(value, "CNY", "310000", "530000", start,
                                LocalDate.of(2022, 12, 31))), ReviewStatus.CHANGED, confirmed, List.of()),
                Arguments.of("corrected, machine reading changed: the correction stays", List.of(corrected),
                        fact(FUNDS_AT_120, reading(value, "USD", "440000", "530000", start, end)),
                        ReviewStatus.CORRECTED, corrected, List.of()),
                Arguments.of("rejected, machine reading changed: the rejection stays", List.of(rejected),
                        fact(FUNDS_AT_120, reading(value, "CNY", "440000", "530000", start, end)),
                        ReviewStatus.REJECTED, rejected, List.of()),
                Arguments.of("moved anchor: the fact is new, the review orphaned", List.of(confirmed),
                        fact(moved, READ), ReviewStatus.UNREVIEWED, null, List.of(confirmed)),
                Arguments.of("a shorter figure at the same start is another anchor", List.of(corrected),
                        fact(shorter, READ), ReviewStatus.UNREVIEWED, null, List.of(corrected)),
                Arguments.of("same figure read as another metric: orphaned", List.of(confirmed),
                        fact(otherMetric, READ), ReviewStatus.UNREVIEWED, null, List.of(confirmed)),
                Arguments.of("several reviews at one anchor: the latest stands", List.of(confirmed, laterReject),
                        fact(FUNDS_AT_120, READ), ReviewStatus.REJECTED, laterReject, List.of()),
                Arguments.of("the latest stands whatever the order given", List.of(laterReject, confirmed),
                        fact(FUNDS_AT_120, READ), ReviewStatus.REJECTED, laterReject, List.of()),
                Arguments.of("two at the same time: the one recorded later stands",
                        List.of(confirmed, sameTimeCorrect), fact(FUNDS_AT_120, READ), ReviewStatus.CORRECTED,
                        sameTimeCorrect, List.of()),
                Arguments.of("an analyst-added fact's review is not applied to a machine fact at its place",
                        List.of(ofAnalystFact), fact(FUNDS_AT_120, READ), ReviewStatus.UNREVIEWED, null, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reappliesReviewsToTheFactAtTheirAnchor(String description, List<Review> reviews, MachineFact fact,
                                                 ReviewStatus status, Review standing, List<Review> orphaned) {
        Reanchored outcome = ReviewAnchoring.reapply(reviews, List.of(fact));

        assertEquals(List.of(new ReviewedFact(fact, status, Optional.ofNullable(standing))), outcome.facts());
        assertEquals(orphaned, outcome.orphaned());
    }

    @Test
    void analystAddedFactsReviewsAreHandedBackUntouched() {
        Review ofAnalystFact = review("000000000006", FUNDS_AT_120, Origin.ANALYST, ReviewAction.CORRECT, T1);

        Reanchored outcome = ReviewAnchoring.reapply(List.of(ofAnalystFact, confirm("000000000001", T1)), List.of());

        assertEquals(List.of(ofAnalystFact), outcome.ofAnalystFacts());
        assertEquals(List.of(confirm("000000000001", T1)), outcome.orphaned());
    }

    @Test
    void whenNoFactHoldsAnAnchorEveryReviewThereIsOrphanedNotOnlyTheLatest() {
        Review first = confirm("000000000001", T1);
        Review second = of("000000000004", ReviewAction.REJECT, T2);

        Reanchored outcome = ReviewAnchoring.reapply(List.of(first, second), List.of());

        assertEquals(List.of(first, second), outcome.orphaned());
        assertEquals(List.of(), outcome.facts());
    }

    @Test
    void eachFactOfTheExtractionGetsOnlyTheReviewAtItsOwnAnchorInTheExtractionsOrder() {
        Anchor later = new Anchor(REPORT, 300, 305, "funds_cny");
        Review atLater = review("000000000007", later, Origin.MACHINE, ReviewAction.REJECT, T1);
        MachineFact first = new MachineFact(UUID.randomUUID(), FUNDS_AT_120, READ);
        MachineFact second = new MachineFact(UUID.randomUUID(), later, READ);

        Reanchored outcome = ReviewAnchoring.reapply(List.of(atLater), List.of(first, second));

        assertEquals(List.of(new ReviewedFact(first, ReviewStatus.UNREVIEWED, Optional.empty()),
                new ReviewedFact(second, ReviewStatus.REJECTED, Optional.of(atLater))), outcome.facts());
    }

    @Test
    void anAnchorMustSpanAFigure() {
        assertThrows(IllegalArgumentException.class, () -> new Anchor(REPORT, 10, 10, "funds_cny"));
        assertThrows(IllegalArgumentException.class, () -> new Anchor(REPORT, -1, 3, "funds_cny"));
    }
}
