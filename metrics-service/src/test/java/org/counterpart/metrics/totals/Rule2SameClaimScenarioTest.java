package org.counterpart.metrics.totals;

import static org.counterpart.metrics.totals.Claims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * DOMAIN rule 2. Suzhou -> Tongren, aid funds:
 * <pre>
 *   report A  2019  460,000,000 exact
 *   report B  2019  460,000,000 exact          same figure, another outlet
 *   report C  2019  about 458,000,000          0.43% below 460 million: within 1%, the same claim
 *   report D  2019  more than 450,000,000      an at-least bound that 460 million satisfies: the same claim
 *   report E  2018  380,000,000 exact          another year: another claim
 *
 *   total = 460,000,000 (2019, counted once, 4 sources) + 380,000,000 (2018) = 840,000,000, 2 claims
 * </pre>
 */
class Rule2SameClaimScenarioTest {

    private static final Party SUZHOU = new Party("Suzhou", "320500", "prefecture");
    private static final Party TONGREN = new Party("Tongren", "520600", "prefecture");

    @Test
    void aClaimStatedByFourReportsCountsOnceWithAllFourSources() {
        List<Claim> claims = List.of(
                claim("460000000").report("A").pair(SUZHOU, TONGREN).inYear(2019).build(),
                claim("460000000").report("B").pair(SUZHOU, TONGREN).inYear(2019).build(),
                claim("458000000").report("C").pair(SUZHOU, TONGREN).inYear(2019).qualifier(Qualifier.APPROXIMATE).build(),
                claim("450000000").report("D").pair(SUZHOU, TONGREN).inYear(2019).qualifier(Qualifier.AT_LEAST).build(),
                claim("380000000").report("E").pair(SUZHOU, TONGREN).inYear(2018).build());

        Total total = Scenario.totalOf(TotalCalculator.standard().totals(claims), "Suzhou", "Tongren", "funds_cny");

        assertEquals(new BigDecimal("840000000"), total.total());
        assertEquals(2, total.claimCount());
        DistinctClaim of2019 = total.used().stream().filter(c -> c.span().singleYear() == 2019).findFirst().orElseThrow();
        assertEquals(new BigDecimal("460000000"), of2019.value());
        assertEquals(List.of("A", "B", "C", "D"), of2019.sources().stream().map(Source::reportId).sorted().toList());
        // The three restatements are listed as unused "duplicate" of the counted claim, nothing else is unused.
        assertEquals(3, total.unused().size());
        assertTrue(total.unused().stream().allMatch(u -> u.reason() == Reason.DUPLICATE && u.insteadOf() == of2019));
        assertTrue(total.conflicts().isEmpty());
    }
}
