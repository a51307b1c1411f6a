package org.counterpart.edge.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.counterpart.edge.problem.ProblemException;
import org.counterpart.edge.problem.ProblemType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Limits and cursors as a list accepts or refuses them, and cursors reading back as written. */
class PageRequestTest {

    @ParameterizedTest(name = "limit \"{0}\" -> {1}")
    @CsvSource(value = {"NULL,1000", "'',1000", "' 7 ',7", "1,1", "10000,10000"}, nullValues = "NULL")
    void aLimitInRangeOrNoneIsTaken(String limit, int expected) {
        assertEquals(expected, PageRequest.of(limit, null, 2, 1000, 10_000).limit());
    }

    @ParameterizedTest(name = "limit \"{0}\" is refused")
    @ValueSource(strings = {"0", "-1", "10001", "ten", "1.5", "2147483648"})
    void aLimitOutOfRangeIsAnInvalidQuery(String limit) {
        ProblemException refused = assertThrows(ProblemException.class, () -> PageRequest.of(limit, null, 2, 1000, 10_000));
        assertEquals(ProblemType.INVALID_QUERY, refused.type());
        assertEquals("limit", refused.invalidParams().get(0).name());
    }

    @ParameterizedTest(name = "cursor \"{0}\" is refused")
    @ValueSource(strings = {"not-a-cursor", "%%%", "YQ", "YR9iH2M"})
    void aCursorThisListDidNotGiveOutIsAnInvalidQuery(String cursor) {
        // "YQ" is one part ("a"), "YR9iH2M" three ("a", "b", "c"): this list's cursors have two
        ProblemException refused = assertThrows(ProblemException.class, () -> PageRequest.of(null, cursor, 2, 10, 100));
        assertEquals("cursor", refused.invalidParams().get(0).name());
    }

    @ParameterizedTest(name = "keys {0} read back")
    @CsvSource(value = {"funds_cny|1200.50|广东 → 广西", "|-3|", "a b|c/d?e=f&g|<h>"}, delimiter = ',')
    void aCursorReadsBackAsWritten(String joined) {
        List<String> keys = List.of(joined.split("\\|", -1));
        PageCursor cursor = new PageCursor(keys);
        assertEquals(Optional.of(cursor), PageRequest.of(null, cursor.encode(), keys.size(), 10, 100).after());
        assertEquals(cursor.encode(), cursor.encode().replaceAll("[^A-Za-z0-9_-]", ""), "URL-safe");
    }
}
