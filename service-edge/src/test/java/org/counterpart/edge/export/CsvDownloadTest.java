package org.counterpart.edge.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import org.counterpart.edge.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvDownloadTest {

    @ParameterizedTest(name = "format={0}, Accept: {1} -> csv {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "csv  | application/json    | true",
            "CSV  | -                   | true",
            "json | text/csv            | false",
            "-    | text/csv            | true",
            "-    | application/json    | false",
            "-    | */*                 | false",
            "-    | -                   | false",
            "''   | text/csv            | true",
            "-    | application/json, text/csv;q=0.5 | false",
            "-    | text/csv, application/json;q=0.5 | true"})
    void theFormatParameterWinsAndOtherwiseTheAcceptHeaderChooses(String format, String accept, boolean csv) {
        assertEquals(csv, CsvDownload.asked(format, acceptable(accept)));
    }

    @Test
    void anUnknownFormatIsRefusedByName() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> CsvDownload.asked("xlsx", List.of(MediaType.WILDCARD_TYPE)));
        assertEquals("format", refused.invalidParams().get(0).name());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "counterpart-totals-funds_cny.csv | attachment; filename=\"counterpart-totals-funds_cny.csv\"",
            "counterpart-claims-深圳-Baise.csv | `attachment; filename=\"counterpart-claims-__-Baise.csv\"; "
                    + "filename*=UTF-8''counterpart-claims-%E6%B7%B1%E5%9C%B3-Baise.csv`",
            "a\"b.csv                          | `attachment; filename=\"a_b.csv\"; filename*=UTF-8''a%22b.csv`"})
    void theFileNameIsAsciiWithTheUtf8NameBesideItWhenThatLostSomething(String name, String disposition) {
        assertEquals(disposition, CsvDownload.disposition(name));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "counterpart,claims,Shenzhen,Baise,funds_cny | counterpart-claims-Shenzhen-Baise-funds_cny.csv",
            "counterpart,totals,,funds_cny              | counterpart-totals-funds_cny.csv",
            "counterpart,claims,Shanghai and Guangdong   | counterpart-claims-Shanghai_and_Guangdong.csv",
            "counterpart,claims,深圳,../etc              | counterpart-claims-深圳-.._etc.csv"})
    void aFileNameIsItsPartsJoined(String parts, String name) {
        assertEquals(name, CsvDownload.fileName(parts.split(",", -1)));
    }

    @Test
    void theBodyStartsWithAByteOrderMarkThenUtf8() {
        byte[] body = (byte[]) CsvDownload.of("x.csv", "a,深圳\r\n").getEntity();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3));
        assertEquals("a,深圳\r\n", new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
    }

    private static List<MediaType> acceptable(String accept) {
        if (accept == null) {
            return List.of(MediaType.WILDCARD_TYPE);
        }
        // already in order of preference in the rows above
        return Arrays.stream(accept.split(",")).map(String::strip).map(MediaType::valueOf).toList();
    }
}
