package org.counterpart.metrics.totals;

import static org.counterpart.metrics.totals.Claims.BAISE;
import static org.counterpart.metrics.totals.Claims.DALIAN;
import static org.counterpart.metrics.totals.Claims.GUANGDONG;
import static org.counterpart.metrics.totals.Claims.GUANGXI;
import static org.counterpart.metrics.totals.Claims.HECHI;
import static org.counterpart.metrics.totals.Claims.LIUPANSHUI;
import static org.counterpart.metrics.totals.Claims.SHENZHEN;
import static org.counterpart.metrics.totals.Claims.claim;
import static org.counterpart.metrics.totals.ReviewStatus.CONFIRMED;
import static org.counterpart.metrics.totals.ReviewStatus.CORRECTED;
import static org.counterpart.metrics.totals.ReviewStatus.REJECTED;
import static org.counterpart.metrics.totals.ReviewStatus.UNREVIEWED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How much of a total a person has checked, one situation per row: the claims (aid funds for 2019 unless a row
 * says otherwise), then one pair's total and its reviewed share. The share must follow the total's own rules:
 * it is taken over the claims the total adds up and no others.
 */
class ReviewedShareTableTest {

    private static final Party NINGBO = Claims.NINGBO;
    private static final Party QIANXINAN = Claims.QIANXINAN;

    record Row(String situation, List<Claims> claims, String pair, String total, String share) {
        @Override
        public String toString() {
            return situation;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                row("nobody has reviewed anything",
                        List.of(f("300"), f("100").inYear(2018)),
                        "Ningbo -> Qianxinan", "400", "0"),
                row("every claim confirmed",
                        List.of(f("300").reviewed(CONFIRMED), f("100").inYear(2018).reviewed(CORRECTED)),
                        "Ningbo -> Qianxinan", "400", "1"),
                row("a corrected claim is its value's share: the corrected value, which the claim states",
                        List.of(f("300").reviewed(CORRECTED), f("100").inYear(2018)),
                        "Ningbo -> Qianxinan", "400", "0.75"),
                row("a confirmation the machine's new reading no longer matches is not reviewed",
                        List.of(f("300").confirmedThenChanged(), f("100").inYear(2018).reviewed(CONFIRMED)),
                        "Ningbo -> Qianxinan", "400", "0.25"),
                row("a status of unreviewed is not reviewed, whoever is named",
                        List.of(f("300").reviewed(UNREVIEWED)),
                        "Ningbo -> Qianxinan", "300", "0"),
                row("a figure an analyst added counts by its review, like any other",
                        List.of(f("300").addedByAnalyst().reviewed(CONFIRMED), f("100").inYear(2018).addedByAnalyst()),
                        "Ningbo -> Qianxinan", "400", "0.75"),
                row("a reviewed claim that overlaps a larger running total is not added, so neither is its review",
                        List.of(f("1000").cumulative(LocalDate.of(2016, 1, 1), LocalDate.of(2019, 12, 31)),
                                f("200").inYear(2018).reviewed(CONFIRMED)),
                        "Ningbo -> Qianxinan", "1000", "0"),
                row("a reviewed plan never counts",
                        List.of(f("500").plan().reviewed(CONFIRMED), f("100")),
                        "Ningbo -> Qianxinan", "100", "0"),
                row("of two reports stating the same figure, the reviewed statement is the one counted",
                        List.of(f("460").report("a-report"), f("460").report("b-report").reviewed(CONFIRMED)),
                        "Ningbo -> Qianxinan", "460", "1"),
                row("a reviewed restatement within 1% does not make the larger unreviewed figure reviewed",
                        List.of(f("460").report("a-report"), f("458").report("b-report").reviewed(CONFIRMED)),
                        "Ningbo -> Qianxinan", "460", "0"),
                row("a conflict keeps the claim most reports state: its review, not the other's, counts",
                        List.of(f("500").report("a-report"), f("500").report("b-report"),
                                f("300").report("c-report").reviewed(CORRECTED)),
                        "Ningbo -> Qianxinan", "500", "0"),
                row("a part beside its whole in the same pair is not added, nor is its review",
                        List.of(f("3040").report("r").fact("whole"),
                                f("1930").report("r").partOf("whole").reviewed(CONFIRMED)),
                        "Ningbo -> Qianxinan", "3040", "0"),
                row("a parent that takes its child pairs' sum has their review, not its own figure's",
                        List.of(p(GUANGDONG, GUANGXI, "900").reviewed(CONFIRMED),
                                p(SHENZHEN, BAISE, "500").reviewed(CONFIRMED), p(SHENZHEN, HECHI, "500")),
                        "Guangdong -> Guangxi", "1000", "0.5"),
                row("a parent that keeps its own larger figure has its review, not its child pairs'",
                        List.of(p(GUANGDONG, GUANGXI, "900"),
                                p(SHENZHEN, BAISE, "500").reviewed(CONFIRMED), p(SHENZHEN, HECHI, "300").reviewed(CONFIRMED)),
                        "Guangdong -> Guangxi", "900", "0"),
                row("the child pair keeps its own share inside its parent",
                        List.of(p(GUANGDONG, GUANGXI, "900"),
                                p(SHENZHEN, BAISE, "500").reviewed(CONFIRMED), p(SHENZHEN, HECHI, "300").reviewed(CONFIRMED)),
                        "Shenzhen -> Baise", "500", "1"),
                row("a share is rounded down to three decimals: two thirds is 0.666",
                        List.of(f("200").reviewed(CONFIRMED), f("100").inYear(2018)),
                        "Ningbo -> Qianxinan", "300", "0.666"),
                row("all but a sliver checked is not shown as all checked",
                        List.of(f("999999").reviewed(CONFIRMED), f("1").inYear(2018)),
                        "Ningbo -> Qianxinan", "1000000", "0.999"),
                row("a total of zero has a share of zero",
                        List.of(f("0").reviewed(CONFIRMED)),
                        "Ningbo -> Qianxinan", "0", "0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theReviewedShareFollowsTheClaimsTheTotalAddsUp(Row row) {
        List<Total> totals = TotalCalculator.standard().totals(row.claims().stream().map(Claims::build).toList());
        Total total = totalOf(totals, row.pair());

        assertEquals(new BigDecimal(row.total()), total.total(), row.pair());
        assertEquals(new BigDecimal(row.share()), total.reviewedShare(), row.pair() + " reviewed " + total.reviewedValue());
    }

    @Test
    void aGrandTotalsShareIsTheCheckedPartOfItsTopLevelPairs() {
        List<Total> totals = TotalCalculator.standard().totals(Stream.of(
                        p(GUANGDONG, GUANGXI, "900").reviewed(CONFIRMED),
                        p(SHENZHEN, BAISE, "500").reviewed(CONFIRMED), p(SHENZHEN, HECHI, "500"),
                        p(DALIAN, LIUPANSHUI, "80").reviewed(CORRECTED))
                .map(Claims::build).toList());

        List<Total> counted = RollUpSum.counted(totals, total -> true);

        // Guangdong -> Guangxi 1000 (500 checked) and Liaoning -> Guizhou 80 (checked): 580 of 1080.
        assertEquals(new BigDecimal("1080"), RollUpSum.sum(counted));
        assertEquals(new BigDecimal("0.537"), RollUpSum.reviewedShare(counted));
    }

    @Test
    void aFactAReviewerRejectedCannotBecomeAClaim() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> f("300").fact("f-9").reviewed(REJECTED).build());

        assertTrue(refused.getMessage().contains("f-9"), refused.getMessage());
    }

    // --- the table's notation ---

    private static Row row(String situation, List<Claims> claims, String pair, String total, String share) {
        return new Row(situation, claims, pair, total, share);
    }

    /** Ningbo -> Qianxinan, aid funds in 2019. */
    private static Claims f(String value) {
        return p(NINGBO, QIANXINAN, value);
    }

    private static Claims p(Party donor, Party recipient, String value) {
        return claim(value).pair(donor, recipient).inYear(2019);
    }

    private static Total totalOf(List<Total> totals, String pair) {
        return totals.stream()
                .filter(total -> (total.pair().donor().name() + " -> " + total.pair().recipient().name()).equals(pair))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no total " + pair + " in " + totals));
    }
}
