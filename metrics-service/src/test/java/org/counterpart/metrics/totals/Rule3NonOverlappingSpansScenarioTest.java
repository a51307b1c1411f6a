package org.counterpart.metrics.totals;

import static org.counterpart.metrics.totals.Claims.DALIAN;
import static org.counterpart.metrics.totals.Claims.LIUPANSHUI;
import static org.counterpart.metrics.totals.Claims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * DOMAIN rule 3. Dalian -> Liupanshui, aid funds:
 * <pre>
 *   A  period 2016                          100,000,000
 *   B  period 2017                          150,000,000
 *   C  period 2018                          200,000,000
 *   D  cumulative 2016-01-01 .. 2017-12-31  260,000,000   covers A and B
 *   E  cumulative (no start) .. 2019-06-30  487,000,000   covers everything up to mid-2019
 *   F  period 2019                          120,000,000   overlaps E
 *   G  plan 2020                            300,000,000   never counts
 *   H  no dates at all                       50,000,000   overlaps everything (see Claim#span)
 *
 *   A + B + C + F = 100 + 150 + 200 + 120 = 570 million
 *   D + C + F     = 260 + 200 + 120       = 580 million   <- the largest non-overlapping sum
 *   E             = 487 million;  H = 50 million
 *   total = 580,000,000, used D, C, F; unused A, B, E, H overlapped, G plan
 * </pre>
 */
class Rule3NonOverlappingSpansScenarioTest {

    private final TotalCalculator calculator = TotalCalculator.standard();

    private List<Claim> claims() {
        return List.of(
                claim("100000000").report("A").pair(DALIAN, LIUPANSHUI).inYear(2016).build(),
                claim("150000000").report("B").pair(DALIAN, LIUPANSHUI).inYear(2017).build(),
                claim("200000000").report("C").pair(DALIAN, LIUPANSHUI).inYear(2018).build(),
                claim("260000000").report("D").pair(DALIAN, LIUPANSHUI)
                        .cumulative(LocalDate.of(2016, 1, 1), LocalDate.of(2017, 12, 31)).build(),
                claim("487000000").report("E").pair(DALIAN, LIUPANSHUI).cumulative(null, LocalDate.of(2019, 6, 30)).build(),
                claim("120000000").report("F").pair(DALIAN, LIUPANSHUI).inYear(2019).build(),
                claim("300000000").report("G").pair(DALIAN, LIUPANSHUI).inYear(2020).plan().build(),
                claim("50000000").report("H").pair(DALIAN, LIUPANSHUI).undated().build());
    }

    @Test
    void theLargestSumOfNonOverlappingClaimsIsTheTotal() {
        Total total = Scenario.totalOf(calculator.totals(claims()), "Dalian", "Liupanshui", "funds_cny");

        assertEquals(new BigDecimal("580000000"), total.total());
        assertEquals(List.of("D", "C", "F"), reportsOf(total.used()));
        Map<Reason, List<String>> unused = total.unused().stream().collect(Collectors.groupingBy(UnusedClaim::reason,
                Collectors.mapping(u -> u.claim().claim().source().reportId(), Collectors.toList())));
        assertEquals(List.of("G"), unused.get(Reason.PLAN));
        assertEquals(List.of("A", "B", "E", "H"), unused.get(Reason.OVERLAPPED).stream().sorted().toList());
    }

    @Test
    void theChoiceDoesNotDependOnTheOrderClaimsArrive() {
        List<Claim> claims = new ArrayList<>(claims());
        Random random = new Random(3);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(claims, random);
            Total total = Scenario.totalOf(calculator.totals(claims), "Dalian", "Liupanshui", "funds_cny");
            assertEquals(List.of("D", "C", "F"), reportsOf(total.used()));
        }
    }

    @Test
    void anUndatedClaimCountsOnlyWhenItAloneBeatsTheDatedOnes() {
        // 2017: 10 + 2018: 20 = 30 < undated 45: the undated claim alone is the total.
        Total total = Scenario.totalOf(calculator.totals(List.of(
                claim("10").report("x").pair(DALIAN, LIUPANSHUI).inYear(2017).build(),
                claim("20").report("y").pair(DALIAN, LIUPANSHUI).inYear(2018).build(),
                claim("45").report("z").pair(DALIAN, LIUPANSHUI).undated().build())), "Dalian", "Liupanshui", "funds_cny");

        assertEquals(new BigDecimal("45"), total.total());
        assertEquals(List.of("z"), reportsOf(total.used()));
    }

    @Test
    void aYearRangeKeepsOnlyClaimsLyingWithinIt() {
        // 2018 and 2019 only: C 200 + F 120 = 320 million; D, E (open start) and H (no dates) lie outside.
        List<Claim> within = claims().stream().filter(new YearRange(2018, 2019)::contains).toList();
        Total total = Scenario.totalOf(calculator.totals(within), "Dalian", "Liupanshui", "funds_cny");

        assertEquals(new BigDecimal("320000000"), total.total());
    }

    private static List<String> reportsOf(List<DistinctClaim> claims) {
        return claims.stream().map(c -> c.claim().source().reportId()).toList();
    }
}
