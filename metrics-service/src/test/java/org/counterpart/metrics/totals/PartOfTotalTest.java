package org.counterpart.metrics.totals;

import static org.counterpart.metrics.totals.Claims.GUANGDONG;
import static org.counterpart.metrics.totals.Claims.GUANGXI;
import static org.counterpart.metrics.totals.Claims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A part stated for its whole's own pair: shown, flagged as a part, never taken for a restatement of the whole. */
class PartOfTotalTest {

    @Test
    void aPartOfTheSamePairIsShownAsAPartAndItsWholeCounts() {
        // "3.04 billion yuan in 2019, including more than 1.93 billion for industry": without the rule the part
        // would pass for the same claim as its whole (an at-least bound the whole satisfies) and be listed as one
        // of its sources.
        List<Total> totals = TotalCalculator.standard().totals(List.of(
                claim("3040000000").pair(GUANGDONG, GUANGXI).inYear(2019).report("r").fact("whole").build(),
                claim("1930000000").pair(GUANGDONG, GUANGXI).inYear(2019).qualifier(Qualifier.AT_LEAST)
                        .report("r").fact("part").partOf("whole").build()));

        Total total = Scenario.totalOf(totals, "Guangdong", "Guangxi", "funds_cny");
        assertEquals(new BigDecimal("3040000000"), total.total());
        assertEquals(List.of("whole"), total.used().stream().map(DistinctClaim::id).toList());
        assertEquals(1, total.used().get(0).sources().size());
        assertEquals(List.of(Reason.PART), total.unused().stream().map(UnusedClaim::reason).toList());
        assertEquals("whole", total.unused().get(0).claim().claim().partOf());
    }
}
