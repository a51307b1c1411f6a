package org.counterpart.metrics.totals;

import static org.counterpart.metrics.totals.Claims.BAISE;
import static org.counterpart.metrics.totals.Claims.DALIAN;
import static org.counterpart.metrics.totals.Claims.GUANGDONG;
import static org.counterpart.metrics.totals.Claims.GUANGXI;
import static org.counterpart.metrics.totals.Claims.HECHI;
import static org.counterpart.metrics.totals.Claims.LIANJIANG;
import static org.counterpart.metrics.totals.Claims.LIUPANSHUI;
import static org.counterpart.metrics.totals.Claims.RONGSHUI;
import static org.counterpart.metrics.totals.Claims.SHENZHEN;
import static org.counterpart.metrics.totals.Claims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * DOMAIN rule 4, all figures for 2019:
 * <pre>
 *   funds_cny
 *     Guangdong -> Guangxi (own claim)      900 million
 *       Shenzhen -> Baise                   500 million
 *       Shenzhen -> Hechi                   300 million
 *       Lianjiang -> Rongshui (counties)    150 million   (Zhanjiang -> Liuzhou is in no report: skipped)
 *     children 500 + 300 + 150 = 950 > 900  -> Guangdong -> Guangxi = 950 million, 3 claims, own claim unused
 *     Dalian -> Liupanshui                   80 million   -> Liaoning -> Guizhou (no report names it) = 80 million
 *     "seven cities in East China" -> Tongren 20 million  a group: no parent, top level
 *     grand total = 950 + 80 + 20 = 1,050 million
 *
 *   projects
 *     Guangdong -> Guangxi (own claim)      120
 *       Shenzhen -> Baise 40, Shenzhen -> Hechi 30: 70 < 120  -> Guangdong -> Guangxi = 120, its own claim
 * </pre>
 */
class Rule4RollUpScenarioTest {

    private static final Party EAST_GROUP = new Party("seven cities in East China", null, "group");
    private static final Party TONGREN = new Party("Tongren", "520600", "prefecture");

    private final List<Total> totals = TotalCalculator.standard().totals(List.of(
            claim("900000000").pair(GUANGDONG, GUANGXI).inYear(2019).build(),
            claim("500000000").pair(SHENZHEN, BAISE).inYear(2019).build(),
            claim("300000000").pair(SHENZHEN, HECHI).inYear(2019).build(),
            claim("150000000").pair(LIANJIANG, RONGSHUI).inYear(2019).build(),
            claim("80000000").pair(DALIAN, LIUPANSHUI).inYear(2019).build(),
            claim("20000000").pair(EAST_GROUP, TONGREN).inYear(2019).build(),
            claim("120").metric("projects", "projects").pair(GUANGDONG, GUANGXI).inYear(2019).build(),
            claim("40").metric("projects", "projects").pair(SHENZHEN, BAISE).inYear(2019).build(),
            claim("30").metric("projects", "projects").pair(SHENZHEN, HECHI).inYear(2019).build()));

    @Test
    void aParentPairTotalsItsChildPairsWhenTheyAddUpToMore() {
        Total province = Scenario.totalOf(totals, "Guangdong", "Guangxi", "funds_cny");

        assertEquals(new BigDecimal("950000000"), province.total());
        assertTrue(province.fromChildPairs());
        assertEquals(new BigDecimal("900000000"), province.own().total());
        assertEquals(3, province.claimCount());
        assertEquals(List.of("Baise", "Hechi", "Rongshui"),
                province.childPairs().stream().map(t -> t.pair().recipient().name()).sorted().toList());
        assertEquals(Reason.CHILD_PAIRS_LARGER, province.unused().get(0).reason());
        assertNull(province.parent());
        assertEquals("Guangdong", Scenario.totalOf(totals, "Lianjiang", "Rongshui", "funds_cny").parent().donor().name());
    }

    @Test
    void aParentPairKeepsItsOwnClaimsWhenTheyAreLarger() {
        Total province = Scenario.totalOf(totals, "Guangdong", "Guangxi", "projects");

        assertEquals(new BigDecimal("120"), province.total());
        assertFalse(province.fromChildPairs());
        assertEquals(new BigDecimal("70"), province.childPairsTotal());
        assertEquals(1, province.claimCount());
    }

    @Test
    void aPairNoReportNamesIsCreatedFromTheCodes() {
        Total province = Scenario.totalOf(totals, "Liaoning", "Guizhou", "funds_cny");

        assertEquals(new BigDecimal("80000000"), province.total());
        assertEquals("210000", province.pair().donor().code());
        assertEquals("520000", province.pair().recipient().code());
    }

    @Test
    void theGrandTotalAddsUpTheTopLevelPairs() {
        List<Total> funds = totals.stream().filter(t -> t.metric().equals("funds_cny")).toList();

        List<Total> counted = RollUpSum.counted(funds, t -> true);

        assertEquals(List.of("Guangdong", "Liaoning", "seven cities in East China"),
                counted.stream().map(t -> t.pair().donor().name()).sorted().toList());
        assertEquals(new BigDecimal("1050000000"), RollUpSum.sum(counted));
        // Shenzhen's pairs alone: 500 + 300 = 800 million; with their parent selected too, only the parent counts.
        assertEquals(new BigDecimal("800000000"),
                RollUpSum.sum(RollUpSum.counted(funds, t -> t.pair().donor().name().equals("Shenzhen"))));
        assertEquals(new BigDecimal("950000000"), RollUpSum.sum(RollUpSum.counted(funds,
                t -> t.pair().donor().code() != null && t.pair().donor().code().startsWith("44"))));
    }
}
