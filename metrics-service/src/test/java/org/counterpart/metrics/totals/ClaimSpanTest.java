package org.counterpart.metrics.totals;

import static org.counterpart.metrics.totals.Claims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ClaimSpanTest {

    private static final LocalDate JAN_2016 = LocalDate.of(2016, 1, 1);
    private static final LocalDate APR_2020 = LocalDate.of(2020, 4, 30);

    @Test
    void aPeriodClaimCoversItsPeriod() {
        assertEquals(new Span(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31)), claim("1").inYear(2017).build().span());
    }

    @Test
    void aCumulativeClaimCoversFromItsStartToItsAsOfDate() {
        assertEquals(new Span(JAN_2016, APR_2020), claim("1").cumulative(JAN_2016, APR_2020).build().span());
    }

    @Test
    void aCumulativeClaimWithoutStartCoversFromTheBeginning() {
        assertEquals(new Span(null, APR_2020), claim("1").cumulative(null, APR_2020).build().span());
    }

    @Test
    void spansOverlapWhenTheyShareADay() {
        Span y2017 = claim("1").inYear(2017).build().span();
        Span y2018 = claim("1").inYear(2018).build().span();
        Span since2016 = claim("1").cumulative(JAN_2016, APR_2020).build().span();
        Span uptoEnd2017 = new Span(null, LocalDate.of(2017, 12, 31));
        Span fromEnd2017 = new Span(LocalDate.of(2017, 12, 31), LocalDate.of(2018, 3, 1));

        assertFalse(y2017.overlaps(y2018));
        assertFalse(y2018.overlaps(y2017));
        assertTrue(since2016.overlaps(y2017));
        assertTrue(y2018.overlaps(since2016));
        assertTrue(uptoEnd2017.overlaps(y2017));
        assertFalse(uptoEnd2017.overlaps(y2018));
        assertTrue(fromEnd2017.overlaps(y2017));
    }
}
