package org.counterpart.edge.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CsvRowTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain                  | plain",
            "with, comma            | `\"with, comma\"`",
            "`say \"hi\"`           | `\"say \"\"hi\"\"\"`",
            "=SUM(A1:A2)            | '=SUM(A1:A2)",
            "@cmd                   | '@cmd",
            "-3 yuan                | '-3 yuan",
            "`+1, then`             | `\"'+1, then\"`",
            "杭州市向黔东南州投入资金 | 杭州市向黔东南州投入资金"})
    void aCellIsQuotedWhereNeededAndNeverRunsAsAFormula(String value, String cell) {
        assertEquals(cell, CsvRow.cell(value));
    }

    @Test
    void numbersKeepTheirSignAndARowEndsWithCrlf() {
        assertEquals("-5,,\"a\nb\"\r\n", CsvRow.of(new BigDecimal("-5"), null, "a\nb"));
    }
}
