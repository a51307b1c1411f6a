package org.counterpart.metrics.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionNamesTest {

    private static final Map<String, RegionNames.Name> GAZETTEER = RegionNames.fromClassPath();

    /** The gazetteer the build copied from facts-service, as the dashboard gets it. */
    @ParameterizedTest(name = "{0} -> {1} / {2} / {3}")
    @CsvSource(delimiter = '|', value = {
            "440000 | 广东省     | 广东   | Guangdong",
            "440300 | 深圳市     | 深圳   | Shenzhen",
            "451000 | 百色市     | 百色   | Baise",
            "450000 | 广西壮族自治区 | 广西 | Guangxi",
            "110000 | 北京市     | 北京   | Beijing"})
    void aCodeHasItsChineseAndEnglishNames(String code, String zh, String shortName, String en) {
        assertEquals(new RegionNames.Name(zh, shortName, en), GAZETTEER.get(code));
    }

    @Test
    void everyLineOfTheCopiedGazetteerIsARegion() {
        assertTrue(GAZETTEER.size() > 3000, "provinces, prefectures and counties: " + GAZETTEER.size());
        assertTrue(GAZETTEER.values().stream().noneMatch(name -> name.zh().isEmpty() || name.en().isEmpty()));
    }

    @Test
    void commentsAreSkippedAndAShortLineIsRefusedWithItsNumber() throws Exception {
        String tsv = "# code\tparent\tlevel\tzh\tzh_short\tname\tvariants\n"
                + "522600\t520000\tprefecture\t黔东南苗族侗族自治州\t黔东南\tQiandongnan\tQiandongnan Prefecture\n";
        assertEquals(Map.of("522600", new RegionNames.Name("黔东南苗族侗族自治州", "黔东南", "Qiandongnan")),
                RegionNames.read(new StringReader(tsv)));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RegionNames.read(new StringReader(tsv + "530000\t\tprovince\n")));
        assertTrue(refused.getMessage().startsWith("line 3 "), refused.getMessage());
    }
}
