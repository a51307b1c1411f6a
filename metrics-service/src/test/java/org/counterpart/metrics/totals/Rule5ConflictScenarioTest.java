package org.counterpart.metrics.totals;

import static org.counterpart.metrics.totals.Claims.NINGBO;
import static org.counterpart.metrics.totals.Claims.QIANXINAN;
import static org.counterpart.metrics.totals.Claims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * DOMAIN rule 5. Ningbo -> Qianxinan, aid funds:
 * <pre>
 *   report A (2021-01-10)  2020  350,000,000 exact
 *   report B (2021-02-01)  2020  350,000,000 exact       restates A: claim X = 350 million, 2 sources
 *   report C (2021-03-01)  2020  420,000,000 exact       20% above X: a conflict
 *   report D (2021-01-20)  2020  more than 400,000,000   satisfied by 420 million, not by 350 million:
 *                                                         restates C: claim Y = 420 million, 2 sources
 *   report E               2021  100,000,000 exact       another year, no conflict
 *
 *   X and Y both have 2 sources; Y's newest report (C, 2021-03-01) is later than X's (B, 2021-02-01): Y is kept.
 *   total = 420,000,000 + 100,000,000 = 520,000,000 (never 770 million, never the average 385 million);
 *   X is listed unused with reason "conflict", and the conflict is flagged.
 * </pre>
 */
class Rule5ConflictScenarioTest {

    private final TotalCalculator calculator = TotalCalculator.standard();

    private List<Claim> claims() {
        return new ArrayList<>(List.of(
                claim("350000000").report("A").reportedAt("2021-01-10T00:00:00Z").pair(NINGBO, QIANXINAN).inYear(2020).build(),
                claim("350000000").report("B").reportedAt("2021-02-01T00:00:00Z").pair(NINGBO, QIANXINAN).inYear(2020).build(),
                claim("420000000").report("C").reportedAt("2021-03-01T00:00:00Z").pair(NINGBO, QIANXINAN).inYear(2020).build(),
                claim("400000000").report("D").reportedAt("2021-01-20T00:00:00Z").pair(NINGBO, QIANXINAN).inYear(2020)
                        .qualifier(Qualifier.AT_LEAST).build(),
                claim("100000000").report("E").reportedAt("2021-04-01T00:00:00Z").pair(NINGBO, QIANXINAN).inYear(2021).build()));
    }

    @Test
    void conflictingClaimsAreFlaggedAndOneIsChosenNeverAveraged() {
        Total total = Scenario.totalOf(calculator.totals(claims()), "Ningbo", "Qianxinan", "funds_cny");

        assertEquals(new BigDecimal("520000000"), total.total());
        assertEquals(1, total.conflicts().size());
        Conflict conflict = total.conflicts().get(0);
        assertEquals(new BigDecimal("420000000"), conflict.kept().value());
        assertEquals(List.of("C", "D"), conflict.kept().sources().stream().map(Source::reportId).sorted().toList());
        assertEquals(new BigDecimal("350000000"), conflict.others().get(0).value());
        UnusedClaim lost = total.unused().stream().filter(u -> u.reason() == Reason.CONFLICT).findFirst().orElseThrow();
        assertEquals(new BigDecimal("350000000"), lost.claim().value());
        assertEquals(conflict.kept(), lost.insteadOf());
    }

    @Test
    void moreSourcesWinOverALaterReport() {
        // A third outlet repeats 350 million: X now has 3 sources against Y's 2, so X is kept: 350 + 100 = 450 million.
        List<Claim> claims = claims();
        claims.add(claim("350000000").report("F").reportedAt("2020-12-31T00:00:00Z").pair(NINGBO, QIANXINAN).inYear(2020).build());

        Total total = Scenario.totalOf(calculator.totals(claims), "Ningbo", "Qianxinan", "funds_cny");

        assertEquals(new BigDecimal("450000000"), total.total());
        assertEquals(new BigDecimal("420000000"), total.conflicts().get(0).others().get(0).value());
    }

    @Test
    void theChoiceDoesNotDependOnArrivalOrder() {
        List<Claim> claims = claims();
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(claims, random);
            Total total = Scenario.totalOf(calculator.totals(claims), "Ningbo", "Qianxinan", "funds_cny");
            assertEquals(new BigDecimal("520000000"), total.total());
        }
    }
}
