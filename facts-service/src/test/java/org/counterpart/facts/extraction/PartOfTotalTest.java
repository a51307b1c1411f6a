package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.fact.ReportText;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Parts of a stated total, through the extractor: each fact is written {@code metric value >recipient ^whole}, where
 * whole is {@link ExtractedFact#partOf()} (the index of the total in the same list, "-" for none); facts are
 * separated by " ; ".
 */
class PartOfTotalTest {
    private static final Extractor X = Extractor.standard();
    private static final LocalDate PUB = LocalDate.of(2020, 7, 15);

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # lang | report text | facts
            en | In 2019 Shanghai allocated 3.2 billion yuan of aid funds to Yunnan, of which 1.1 billion yuan went to Honghe. | funds_cny 3200000000 >530000 ^- ; funds_cny 1100000000 >532500 ^0
            en | In 2019 Shanghai allocated 3.2 billion yuan of aid funds to Yunnan, including 1.1 billion yuan of social assistance funds. | funds_cny 3200000000 >530000 ^- ; funds_cny 1100000000 >530000 ^0
            en | In 2019 Shanghai sent 800 people to Yunnan, including 120 doctors sent to Honghe. | personnel_exchanged 800 >530000 ^- ; personnel_exchanged 120 >532500 ^0
            zh | 2019年，上海市向云南省投入财政援助资金32亿元，其中红河州11亿元、文山州9亿元。 | funds_cny 3200000000 >530000 ^- ; funds_cny 1100000000 >532500 ^0 ; funds_cny 900000000 >532600 ^0
            en | In 2019 Shanghai allocated 3.2 billion yuan of aid funds to Yunnan. Of this, 1.1 billion yuan went to Honghe. | funds_cny 3200000000 >530000 ^- ; funds_cny 1100000000 >532500 ^0
            # the whole is the last figure of the same kind before the marker, counted in the report's list
            en | In 2019 Shanghai sent 800 officials and allocated 3.2 billion yuan of aid funds to Yunnan, of which 1.1 billion yuan went to Honghe. | personnel_exchanged 800 >530000 ^- ; funds_cny 3200000000 >530000 ^- ; funds_cny 1100000000 >532500 ^1
            en | In 2018 Shanghai allocated 2 billion yuan of aid funds to Yunnan. In 2019 Shanghai allocated 3.2 billion yuan of aid funds to Yunnan, of which 1.1 billion yuan went to Honghe and 0.9 billion yuan to Wenshan. | funds_cny 2000000000 >530000 ^- ; funds_cny 3200000000 >530000 ^- ; funds_cny 1100000000 >532500 ^1 ; funds_cny 900000000 >532600 ^1
            # 其中
            zh | 2019年，上海市向云南省投入财政援助资金32亿元，其中社会帮扶资金11亿元。 | funds_cny 3200000000 >530000 ^- ; funds_cny 1100000000 >530000 ^0
            zh | 2019年，上海市向云南省投入财政援助资金32亿元，其中红河州11亿元，文山州9亿元。 | funds_cny 3200000000 >530000 ^- ; funds_cny 1100000000 >532500 ^0 ; funds_cny 900000000 >532600 ^0
            zh | 2019年，上海市向云南省投入财政援助资金32亿元，其中向红河州投入11亿元。 | funds_cny 3200000000 >530000 ^- ; funds_cny 1100000000 >532500 ^0
            zh | 2019年，上海市向云南省选派干部800名，其中医生120名。 | personnel_exchanged 800 >530000 ^- ; personnel_exchanged 120 >530000 ^0
            zh | 2019年，上海市向云南省投入财政援助资金32亿元，实施项目500个，其中产业项目200个。 | funds_cny 3200000000 >530000 ^- ; projects 500 >530000 ^- ; projects 200 >530000 ^1
            # no marker: figures side by side are not parts
            en | In 2019 Shanghai allocated 3.2 billion yuan of aid funds to Yunnan and 1.1 billion yuan of aid funds to Guizhou. | funds_cny 3200000000 >530000 ^- ; funds_cny 1100000000 >520000 ^-
            """)
    void partsPointAtTheirWhole(String language, String text, String expected) {
        List<ExtractedFact> facts = X.extract(new ReportText(text, null, language, PUB));
        String actual = facts.stream().map(f -> f.metric() + " " + f.value().toPlainString() + " >" + f.recipient().code()
                + " ^" + (f.partOf() == null ? "-" : f.partOf())).collect(Collectors.joining(" ; "));
        assertEquals(expected, actual, text);
    }
}
