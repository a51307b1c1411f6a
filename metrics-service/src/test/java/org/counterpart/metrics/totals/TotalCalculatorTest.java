package org.counterpart.metrics.totals;

import static org.counterpart.metrics.totals.Claims.DALIAN;
import static org.counterpart.metrics.totals.Claims.LIUPANSHUI;
import static org.counterpart.metrics.totals.Claims.NINGBO;
import static org.counterpart.metrics.totals.Claims.QIANXINAN;
import static org.counterpart.metrics.totals.Claims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TotalCalculatorTest {

    private final TotalCalculator calculator = TotalCalculator.standard();

    @Test
    void addsUpTheDistinctClaimsOfOnePair() {
        Total total = single(calculator.totals(List.of(
                claim("100000000").inYear(2017).build(),
                claim("50000000").inYear(2018).build())));

        assertEquals(new BigDecimal("150000000"), total.total());
        assertEquals(2, total.claimCount());
        assertEquals("East city", total.pair().donor().name());
        assertEquals("West city", total.pair().recipient().name());
        assertEquals("funds_cny", total.metric());
        assertEquals("CNY", total.unit());
    }

    @Test
    void plansNeverCount() {
        List<Total> totals = calculator.totals(List.of(
                claim("100000000").build(),
                claim("300000000").inYear(2018).plan().build(),
                claim("900").metric("projects", "projects").plan().build()));

        Total funds = single(totals);
        assertEquals(new BigDecimal("100000000"), funds.total());
        assertEquals(1, funds.claimCount());
    }

    @Test
    void theSameClaimFromTwoReportsCountsOnceWithBothSources() {
        // 485,000,000 is 0.41% below 487,000,000: two outlets reporting one figure.
        Claim first = claim("487000000").report("a").build();
        Claim second = claim("485000000").report("b").build();

        Total total = single(calculator.totals(List.of(second, first)));

        assertEquals(new BigDecimal("487000000"), total.total());
        assertEquals(1, total.claimCount());
        assertEquals(List.of("a", "b"),
                total.used().get(0).sources().stream().map(Source::reportId).sorted().toList());
    }

    @Test
    void aTotalStatedTwiceInOneReportCountsOnce() {
        Total total = single(calculator.totals(List.of(
                claim("1780000000").report("r").build(),
                claim("1780000000").report("r").build())));

        assertEquals(new BigDecimal("1780000000"), total.total());
        assertEquals(1, total.claimCount());
    }

    @Test
    void exactlyOnePercentApartIsStillTheSameClaim() {
        Total total = single(calculator.totals(List.of(claim("100").build(), claim("99").build())));

        assertEquals(new BigDecimal("100"), total.total());
        assertEquals(1, total.claimCount());
    }

    @Test
    void moreThanOnePercentApartForTheSameSpanConflict() {
        // 98.9 is 1.1% below 100: two claims for one span that disagree. One is kept (equal support, both
        // exact: the larger), the other is listed as a conflict; never 198.9, never an average.
        Total total = single(calculator.totals(List.of(claim("100").build(), claim("98.9").build())));

        assertEquals(new BigDecimal("100"), total.total());
        assertEquals(1, total.claimCount());
        assertEquals(1, total.conflicts().size());
        assertEquals(Reason.CONFLICT, total.unused().get(0).reason());
    }

    @Test
    void theSameFigureForDifferentPeriodsIsTwoClaims() {
        // 2017 and 2018 do not overlap: both count.
        Total total = single(calculator.totals(List.of(
                claim("100000000").inYear(2017).build(),
                claim("100000000").inYear(2018).build())));

        assertEquals(new BigDecimal("200000000"), total.total());
        assertEquals(2, total.claimCount());
    }

    @Test
    void theSameFigureOnAnotherBasisIsAnotherClaimButTheirSpansOverlap() {
        // Not a restatement (another basis), but "up to 2019" covers 2019: rule 3 uses only one of them.
        Total total = single(calculator.totals(List.of(
                claim("100000000").inYear(2019).build(),
                claim("100000000").cumulative(null, LocalDate.of(2019, 12, 31)).build())));

        assertEquals(new BigDecimal("100000000"), total.total());
        assertEquals(1, total.claimCount());
        assertEquals(Reason.OVERLAPPED, total.unused().get(0).reason());
    }

    @Test
    void cumulativeClaimsAsOfTheSameDateAreTheSameClaim() {
        LocalDate asOf = LocalDate.of(2020, 4, 30);
        Total total = single(calculator.totals(List.of(
                claim("487000000").cumulative(LocalDate.of(2016, 1, 1), asOf).build(),
                claim("487000000").cumulative(LocalDate.of(2016, 1, 1), asOf).build(),
                claim("487000000").cumulative(LocalDate.of(2016, 1, 1), LocalDate.of(2020, 6, 30)).build())));

        // Two distinct claims (as of April and of June), but both cover 2016 onwards: only one counts.
        assertEquals(new BigDecimal("487000000"), total.total());
        assertEquals(1, total.claimCount());
        assertEquals(List.of(Reason.OVERLAPPED, Reason.DUPLICATE),
                total.unused().stream().map(UnusedClaim::reason).toList());
    }

    @Test
    void anAtLeastBoundThatTheExactFigureSatisfiesIsTheSameClaim() {
        Total total = single(calculator.totals(List.of(
                claim("480000000").qualifier(Qualifier.AT_LEAST).build(),
                claim("487000000").build())));

        // The exact figure is the one that counts.
        assertEquals(new BigDecimal("487000000"), total.total());
        assertEquals(1, total.claimCount());
        assertEquals(Qualifier.EXACT, total.used().get(0).claim().qualifier());
    }

    @Test
    void anAtLeastBoundAboveTheExactFigureIsAnotherClaim() {
        // "over 500 million" and "487 million" for one period disagree: a conflict; the exact figure is kept.
        Total total = single(calculator.totals(List.of(
                claim("500000000").qualifier(Qualifier.AT_LEAST).build(),
                claim("487000000").build())));

        assertEquals(new BigDecimal("487000000"), total.total());
        assertEquals(1, total.claimCount());
        assertEquals(1, total.conflicts().size());
    }

    @Test
    void mergingRestatementsDoesNotDependOnTheOrderReportsArrived() {
        // 100.9 is within 1% of both neighbours, but 100 and 101.8 are 1.77% apart: the largest figure leads,
        // 100.9 joins it, 100 stands alone and conflicts with it; 101.8 has two sources, so it is kept.
        List<Claim> claims = new ArrayList<>(List.of(
                claim("100").build(), claim("100.9").build(), claim("101.8").build()));
        Random random = new Random(7);
        for (int round = 0; round < 10; round++) {
            Collections.shuffle(claims, random);
            Total total = single(calculator.totals(claims));
            assertEquals(new BigDecimal("101.8"), total.total(), "order " + claims);
            assertEquals(1, total.claimCount());
            assertEquals(2, total.used().get(0).sources().size());
        }
    }

    @Test
    void eachPairHasItsOwnTotalAndTheCodeNamesAParty() {
        Party qianxinanSpelledOtherwise = new Party("Qianxi'nan", "522300", "prefecture");
        List<Total> totals = calculator.totals(List.of(
                claim("10").pair(NINGBO, QIANXINAN).inYear(2017).build(),
                claim("20").pair(NINGBO, qianxinanSpelledOtherwise).inYear(2018).build(),
                claim("5").pair(DALIAN, LIUPANSHUI).build()));
        // Plus the province pairs they roll up into: Zhejiang -> Guizhou and Liaoning -> Guizhou.
        assertEquals(4, totals.size());
        totals = totals.stream().filter(t -> t.childPairs().isEmpty()).toList();

        assertEquals(2, totals.size());
        Total ningbo = totals.stream().filter(t -> t.pair().donor().equals(NINGBO)).findFirst().orElseThrow();
        assertEquals(new BigDecimal("30"), ningbo.total());
        assertEquals(2, ningbo.claimCount());
        Total dalian = totals.stream().filter(t -> t.pair().donor().equals(DALIAN)).findFirst().orElseThrow();
        assertEquals(new BigDecimal("5"), dalian.total());
    }

    @Test
    void aGroupWithoutCodeIsNamedIgnoringCase() {
        Party group = new Party("seven cities in East China", null, "group");
        Party sameGroup = new Party("Seven Cities in East China", null, "group");
        Total total = single(calculator.totals(List.of(
                claim("3").pair(group, LIUPANSHUI).inYear(2017).build(),
                claim("4").pair(sameGroup, LIUPANSHUI).inYear(2018).build())));

        assertEquals(new BigDecimal("7"), total.total());
    }

    @Test
    void unitsAreNeverAddedTogether() {
        List<Total> totals = calculator.totals(List.of(
                claim("100").metric("workers_transferred", "people").build(),
                claim("50").metric("workers_transferred", "person-times").build()));

        assertEquals(2, totals.size());
        assertTrue(totals.stream().allMatch(t -> t.claimCount() == 1));
    }

    @Test
    void metricsAreNeverAddedTogether() {
        List<Total> totals = calculator.totals(List.of(
                claim("100").metric("projects", "projects").build(),
                claim("100").metric("agreements", "agreements").build()));

        assertEquals(2, totals.size());
    }

    @Test
    void totalsAreWrittenWithoutExponentOrTrailingZeros() {
        Total total = single(calculator.totals(List.of(
                claim("4.87E+8").inYear(2017).build(),
                claim("1.50").inYear(2018).build(),
                claim("1.50").inYear(2019).build())));

        assertEquals("487000003", total.total().toString());
    }

    @Test
    void noClaimsNoTotals() {
        assertTrue(calculator.totals(List.of()).isEmpty());
    }

    private static Total single(List<Total> totals) {
        assertEquals(1, totals.size(), "totals: " + totals);
        return totals.get(0);
    }
}
