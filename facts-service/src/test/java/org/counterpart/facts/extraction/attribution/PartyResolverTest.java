package org.counterpart.facts.extraction.attribution;

import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.Extractor;
import org.counterpart.facts.extraction.fact.Party;
import org.counterpart.facts.extraction.fact.ReportText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The party stage, read through the whole extractor on short reports written for this table: each fact is written
 * {@code metric donor>recipient}, a region by its code, a group as {@code name{member codes}}; facts are separated by
 * " ; " in extraction order, and an empty cell means the report yields no fact (out of scope, or no party said).
 */
class PartyResolverTest {
    private static final Extractor X = Extractor.standard();
    private static final LocalDate PUB = LocalDate.of(2020, 7, 15);

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # lang | report text | facts
            # regions named together are one party, never split
            en | In 2020 Shanghai and Guangdong sent 837 cadres to Yunnan. | personnel_exchanged Shanghai and Guangdong{310000,440000}>530000
            zh | 2019年，杭州市和宁波市向黔东南苗族侗族自治州拨付帮扶资金5亿元。 | funds_cny Hangzhou and Ningbo{330100,330200}>522600
            zh | 2019年，杭州市向黔东南苗族侗族自治州和恩施土家族苗族自治州拨付帮扶资金5亿元。 | funds_cny 330100>Qiandongnan and Enshi{522600,422800}
            zh | 2019年，杭州市向黔东南和恩施拨付帮扶资金5亿元。 | funds_cny 330100>Qiandongnan and Enshi{522600,422800}
            en | In 2019 Hangzhou allocated 500 million yuan of aid funds to Qiandongnan and Enshi. | funds_cny 330100>Qiandongnan and Enshi{522600,422800}
            # the receiver as subject, the passive, help named in a phrase
            en | In 2019 Tongren received 612 million yuan of aid funds from Suzhou. | funds_cny 320500>520600
            en | In 2019, 300 million yuan of aid funds was allocated to Bijie by Guangzhou. | funds_cny 440100>520500
            zh | 在广州市的帮扶下，2019年毕节市引进企业35家。 | enterprises_introduced 440100>520500
            en | With the help of Guangzhou, Bijie introduced 35 enterprises in 2019. | enterprises_introduced 440100>520500
            en | In 2019, with support from Guangzhou, 35 enterprises were introduced to Bijie. | enterprises_introduced 440100>520500
            # a figure for each member: one fact per member
            en | In 2019 Shanghai allocated 20 million yuan each to Honghe and Wenshan. | funds_cny 310000>532500 ; funds_cny 310000>532600
            en | In 2019, 20 million yuan was allocated respectively to Honghe and Wenshan by Shanghai. | funds_cny 310000>532500 ; funds_cny 310000>532600
            en | In 2019 Hangzhou and Ningbo allocated 10 million yuan each in aid funds to Qiandongnan. | funds_cny 330100>522600 ; funds_cny 330200>522600
            zh | 2019年，上海市向红河和文山投入帮扶资金各2000万元。 | funds_cny 310000>532500 ; funds_cny 310000>532600
            zh | 2019年，上海市、江苏省向云南省投入帮扶资金各2000万元。 | funds_cny 310000>530000 ; funds_cny 320000>530000
            zh | 2019年，上海市向红河州、文山州各投入帮扶资金2000万元。 | funds_cny 310000>532500 ; funds_cny 310000>532600
            zh | 2019年，杭州市、宁波市各选派教师40名到黔东南州支教。 | personnel_exchanged 330100>522600 ; personnel_exchanged 330200>522600
            en | In 2019 Hangzhou and Ningbo each allocated 10 million yuan of aid funds to Qiandongnan. | funds_cny 330100>522600 ; funds_cny 330200>522600
            en | In 2019 Hangzhou and Ningbo sent 40 teachers each to Qiandongnan. | personnel_exchanged 330100>522600 ; personnel_exchanged 330200>522600
            # figures listed "respectively" go to the members in order
            en | In 2019 Hangzhou and Ningbo sent 40 and 50 teachers respectively to Qiandongnan. | personnel_exchanged 330100>522600 ; personnel_exchanged 330200>522600
            # a short Chinese name with 州 joins the next one
            zh | 2019年，杭州市向黔东南州和恩施州拨付帮扶资金5亿元。 | funds_cny 330100>Qiandongnan and Enshi{522600,422800}
            # aid inside one province is out of scope
            en | In 2019 Guangzhou allocated 50 million yuan of aid funds to Lianjiang City. |
            en | In 2019, Guangzhou allocated 500 million yuan of aid funds to Qingyuan, a city in northern Guangdong. |
            zh | 2019年，广州市向清远市投入帮扶资金5亿元。 |
            # support to Xinjiang and Tibet is out of scope
            en | In 2019, Shanghai sent 200 doctors to Kashgar in Xinjiang. |
            en | In 2019 Beijing allocated 500 million yuan of aid funds to Tibet. |
            zh | 2019年，上海市向喀什地区选派干部200名。 |
            zh | 2019年，广东省向西藏林芝市投入援藏资金5亿元。 |
            # central or provincial government money is not the pairing's, even in a report about the pair
            zh | 2019年，杭州市向黔东南州投入帮扶资金2亿元。同年，中央财政向黔东南州投入扶贫资金5亿元。 | funds_cny 330100>522600
            zh | 杭州市对口帮扶黔东南州。2019年，中央财政向黔东南州投入扶贫资金5亿元。 |
            zh | 2019年，中央财政向黔东南州投入扶贫资金5亿元，杭州市投入帮扶资金2亿元。 | funds_cny 330100>522600
            en | Hangzhou allocated 200 million yuan of aid funds to Qiandongnan in 2019. In the same year, the central government allocated 5 billion yuan of poverty relief funds to Qiandongnan. | funds_cny 330100>522600
            # the receiving side's own results, with no word of help, are not the pairing's
            en | In 2019 Foshan allocated 300 million yuan of aid funds to Liangshan. In 2019 Liangshan lifted 120,000 people out of poverty. | funds_cny 440600>513400
            en | Foshan helps Liangshan. In 2019 Liangshan Prefecture built 2,000 kilometres of roads and lifted 120,000 people out of poverty. |
            en | In 2019 Foshan allocated 300 million yuan of aid funds to Liangshan. With this help, Liangshan lifted 120,000 people out of poverty in 2019. | funds_cny 440600>513400 ; people_lifted 440600>513400
            en | In 2019 Liangshan lifted 120,000 people out of poverty with help from Foshan. | people_lifted 440600>513400
            # a sentence naming one side takes the other from the report's pair
            en | Fujian sent 120 doctors to Ningxia in 2019. Ningxia received 30 million yuan of aid funds. | personnel_exchanged 350000>640000 ; funds_cny 350000>640000
            """)
    void partiesOfEachFact(String language, String text, String expected) {
        List<ExtractedFact> facts = X.extract(new ReportText(text, null, language, PUB));
        String actual = facts.stream().map(f -> f.metric() + " " + party(f.donor()) + ">" + party(f.recipient()))
                .collect(Collectors.joining(" ; "));
        assertEquals(expected == null ? "" : expected, actual, text);
    }

    private static String party(Party p) {
        if (p == null) return "null";
        if (!p.isGroup()) return p.code();
        return p.name() + p.members().stream().map(Party::code).collect(Collectors.joining(",", "{", "}"));
    }
}
