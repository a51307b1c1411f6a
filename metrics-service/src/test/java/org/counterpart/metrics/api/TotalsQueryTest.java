package org.counterpart.metrics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.counterpart.edge.problem.Problem;
import org.counterpart.metrics.totals.Pair;
import org.counterpart.metrics.totals.Party;
import org.counterpart.metrics.totals.OwnClaims;
import org.counterpart.metrics.totals.Total;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.YearRange;
import org.junit.jupiter.api.Test;

class TotalsQueryTest {

    private static final Total DALIAN_LIUPANSHUI = Total.ofOwn(
            new Pair(new Party("Dalian", "210200", "prefecture"), new Party("Liupanshui", "520200", "prefecture")),
            "funds_cny", "CNY", OwnClaims.NONE);

    @Test
    void emptyValuesMeanNoFilter() {
        TotalsQuery query = TotalsQuery.of("", " ", null);

        assertEquals(new TotalsQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), YearRange.ALL, Confidence.MEDIUM, false), query);
        assertTrue(query.matches(DALIAN_LIUPANSHUI));
    }

    @Test
    void theMetricIsReadIgnoringCase() {
        assertEquals(Optional.of("funds_cny"), TotalsQuery.of("Funds_CNY", null, null).metric());
    }

    @Test
    void partiesMatchByNameOrCodeIgnoringCase() {
        assertTrue(TotalsQuery.of(null, "dalian", null).matches(DALIAN_LIUPANSHUI));
        assertTrue(TotalsQuery.of(null, "210200", "LIUPANSHUI").matches(DALIAN_LIUPANSHUI));
        assertFalse(TotalsQuery.of(null, "Liupanshui", null).matches(DALIAN_LIUPANSHUI));
        assertFalse(TotalsQuery.of(null, null, "Bijie").matches(DALIAN_LIUPANSHUI));
        assertFalse(TotalsQuery.of(null, "Dal", null).matches(DALIAN_LIUPANSHUI));
    }

    @Test
    void levelProvinceAndYearsFilter() {
        assertTrue(TotalsQuery.of(null, null, null, "Prefecture", "Guizhou", "2016", "2020", null).matches(DALIAN_LIUPANSHUI));
        assertTrue(TotalsQuery.of(null, null, null, null, "21", null, null, null).matches(DALIAN_LIUPANSHUI));
        assertFalse(TotalsQuery.of(null, null, null, "province", null, null, null, null).matches(DALIAN_LIUPANSHUI));
        assertFalse(TotalsQuery.of(null, null, null, null, "Guangdong", null, null, null).matches(DALIAN_LIUPANSHUI));
        assertEquals(new YearRange(2016, 2020), TotalsQuery.of(null, null, null, null, null, "2016", "2020", null).years());
    }

    @Test
    void badLevelsProvincesYearsAndExpansionsAreRefusedTogether() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> TotalsQuery.of(null, null, null, "city", "Atlantis", "20x6", "1800", "sources"));

        assertEquals(List.of("level", "province", "fromYear", "toYear", "expand"),
                e.invalidParams().stream().map(Problem.InvalidParam::name).toList());
        assertThrows(InvalidQueryException.class, () -> TotalsQuery.of(null, null, null, null, null, "2020", "2019", null));
    }

    @Test
    void everyRefusedParameterIsNamed() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> TotalsQuery.of("fund_cny", "x".repeat(201), "Bi\u0000jie"));

        assertEquals(List.of("metric", "donor", "recipient"),
                e.invalidParams().stream().map(Problem.InvalidParam::name).toList());
    }

    @Test
    void minConfidenceIsHighMediumOrLowAndMediumByDefault() {
        assertEquals(Confidence.MEDIUM, TotalsQuery.of(null, null, null, null, null, null, null, " ", null).minConfidence());
        assertEquals(Confidence.LOW, TotalsQuery.of(null, null, null, null, null, null, null, "Low", null).minConfidence());
        assertEquals(Confidence.HIGH, TotalsQuery.of(null, null, null, null, null, null, null, "high", null).scope().least());

        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> TotalsQuery.of(null, null, null, null, null, null, null, "certain", null));
        assertEquals(List.of("minConfidence"), e.invalidParams().stream().map(Problem.InvalidParam::name).toList());
    }
}
