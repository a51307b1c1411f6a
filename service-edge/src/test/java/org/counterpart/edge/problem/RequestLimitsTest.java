package org.counterpart.edge.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestLimitsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/reports/3f1c, false",
            "/totals?donor=%E7%A6%8F%E5%BB%BA, false",
            "/totals?donor=a+b, false",
            "/projection/reports/%00, true",
            "/reports/a%0Ab, true",
            "/reports/%C2%85, true",
            "/reports/%zz, true"})
    void controlCharactersInThePathAreRefused(String uri, boolean refused) {
        assertEquals(refused, RequestLimits.hasControlCharacter(RequestLimits.decoded(uri)));
    }
}
