package org.counterpart.facts.extraction.gazetteer;

import org.counterpart.facts.extraction.Extractor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The region stage alone: GB/T 2260 codes of the regions {@link RegionMatcher} finds in a text, in text order
 * (space separated; an empty cell means none), and what {@link Venues#withoutVenues} keeps of them.
 */
class RegionMatcherTest {
    private static final RegionMatcher MATCHER = new RegionMatcher(Extractor.standard().gazetteer());

    @ParameterizedTest(name = "[{index}] {0} (preferring {1})")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # text                                                     | preferred provinces | codes in order
            # English names, with administrative words or without
            Guangdong and Guangxi signed the agreement.                 |        | 440000 450000
            Tianjin and Gansu; Shandong and Chongqing; Jiangsu and Shaanxi. |    | 120000 620000 370000 500000 320000 610000
            Beijing helped Inner Mongolia.                              |        | 110000 150000
            Guangzhou helps Bijie and Qiannan.                          |        | 440100 520500 522700
            Dalian sent staff to Liupanshui.                            |        | 210200 520200
            Hangzhou sent doctors to Qiandongnan Prefecture.            |        | 330100 522600
            Lianjiang City paired with Rongshui Miao Autonomous County. |        | 440881 450225
            Officials from Xinjiang and Tibet and Xizang came.          |        | 650000 540000 540000
            # spellings: apostrophes, spaces, a letter missing
            Ningbo helps Qianxi'nan.                                    |        | 330200 522300
            Ningbo helps Qian Xinan Prefecture.                         |        | 330200 522300
            Ningbo helps Qianxinan.                                     |        | 330200 522300
            Guandong sent officials to Guangxi.                         |        | 440000 450000
            Zhejang sent teachers to Sichuan.                           |        | 330000 510000
            # direction words are no names
            China's west and East China met.                            |        |
            # Chinese full and short names
            杭州市帮扶黔东南州，宁波市帮扶黔西南布依族苗族自治州。            |        | 330100 522600 330200 522300
            黔东南苗族侗族自治州和恩施土家族苗族自治州                        |        | 522600 422800
            黔东南州和恩施州                                              |        | 522600 422800
            恩施州和湘西州                                                |        | 422800 433100
            广西壮族自治区和广东省                                         |        | 450000 440000
            宁夏回族自治区、福建省                                         |        | 640000 350000
            # homonyms: the province under discussion decides, else the first by code
            Suzhou helps Tongren.                                       |        | 320500 520600
            Suzhou helps Tongren.                                       | 320000 | 320500 520600
            Suzhou built a school.                                      | 340000 | 341300
            Yulin received aid.                                         |        | 450900
            Yulin received aid.                                         | 610000 | 610800
            Yulin received aid.                                         | 450000 | 450900
            苏州市帮扶铜仁市。                                              | 340000 | 320500 520600
            """)
    void regionsFound(String text, String preferred, String codes) {
        Set<String> provinces = preferred == null ? Set.of() : Set.of(preferred.split("\\s+"));
        assertEquals(codes(codes), found(MATCHER.find(text, provinces)), text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # text                                                                 | codes kept
            Officials met at a meeting in Nanning to review Guangdong's aid to Guangxi. | 440000 450000
            At a joint meeting in Nanning, Guangdong and Guangxi reviewed their work. | 440000 450000
            Announcing details in Beijing, officials said Beijing helped Inner Mongolia. | 110000 150000
            双方在吉首市举行联席会议。                                                    |
            湘西州与济南市在吉首市举行联席会议。                                            | 433100 370100
            Guangzhou sent doctors to Bijie.                                        | 440100 520500
            """)
    void venuesAreDropped(String text, String codes) {
        assertEquals(codes(codes), found(Venues.withoutVenues(text, MATCHER.find(text, Set.of()))), text);
    }

    private static List<String> codes(String cell) {
        return cell == null ? List.of() : Arrays.asList(cell.trim().split("\\s+"));
    }

    private static List<String> found(List<RegionMention> mentions) {
        return mentions.stream().map(m -> m.region().code()).collect(Collectors.toList());
    }
}
