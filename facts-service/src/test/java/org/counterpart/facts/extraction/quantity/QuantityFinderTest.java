package org.counterpart.facts.extraction.quantity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The quantity stage alone: the figures {@link QuantityFinder} reads in one sentence. Each figure is written
 * {@code value/kind/classifier/qualifier/as written}, with {@code /usd=…} for a folded bracketed dollar conversion
 * and {@code /pt} for person-times; figures are separated by " ; ", and an empty cell means no figure at all.
 */
class QuantityFinderTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # English scale words and currencies
            Suzhou allocated 3.68 billion yuan to Tongren.                     | 3680000000/CNY/-/EXACT/3.68 billion yuan
            Jiangsu raised RMB 25 million for the schools.                     | 25000000/CNY/-/EXACT/RMB 25 million
            The fund holds USD 12 million.                                     | 12000000/USD/-/EXACT/USD 12 million
            Donors gave 12 million US dollars.                                 | 12000000/USD/-/EXACT/12 million US dollars
            Beijing spent about 5 million yuan on the clinic.                  | 5000000/CNY/-/APPROXIMATE/5 million yuan
            # Chinese multipliers, numerals, commas mixed with 万
            2018年，大连市拨付帮扶资金4.87亿元。                                  | 487000000/CNY/-/EXACT/4.87亿元
            上海市投入资金1,933.7万元。                                          | 19337000/CNY/-/EXACT/1,933.7万元
            双方签订五个合作协议。                                                | 5/COUNT/个/EXACT/五个
            累计引进企业近1918个。                                                | 1918/COUNT/个/APPROXIMATE/1918个
            东部地区累计投入超过670亿元。                                          | 67000000000/CNY/-/AT_LEAST/670亿元
            帮助转移就业3.2万余人。                                               | 32000/COUNT/人/AT_LEAST/3.2万余人
            向东部输送劳动力五百多人。                                             | 500/COUNT/人/AT_LEAST/五百多人
            # English qualifiers and spelled-out numbers
            More than 2,000 workers found jobs in Fujian.                      | 2000/COUNT/-/AT_LEAST/2,000
            Nearly 3,000 rural workers left for Jiangsu.                       | 3000/COUNT/-/APPROXIMATE/3,000
            Some 40 enterprises moved west.                                    | 40/COUNT/-/APPROXIMATE/40
            The plants hired 20,000-plus people.                               | 20000/COUNT/-/AT_LEAST/20,000-plus
            more than 80 villages and 20,000 people gained roads               | 80/COUNT/-/AT_LEAST/80 ; 20000/COUNT/-/AT_LEAST/20,000
            The cities signed five agreements.                                 | 5/COUNT/-/EXACT/five
            The province finished twenty-three projects.                       | 23/COUNT/-/EXACT/twenty-three
            2000 workers found jobs in Zhejiang.                               | 2000/COUNT/-/EXACT/2000
            # a bracketed dollar conversion belongs to the yuan figure
            Guangdong gave 4.5 billion yuan (US$649 million) to Guangxi.       | 4500000000/CNY/-/EXACT/4.5 billion yuan (US$649 million)/usd=649000000
            Guangdong gave 4.5 billion yuan ($649 million) to Guangxi.         | 4500000000/CNY/-/EXACT/4.5 billion yuan ($649 million)/usd=649000000
            # person-times are not persons
            The courses trained 3,200 person-times of cadres.                  | 3200/COUNT/-/EXACT/3,200/pt
            培训干部2000人次。                                                   | 2000/COUNT/人次/EXACT/2000人次/pt
            # ordinals, plan names, dates, years, rates and serial numbers are no quantities
            In the 13th Five-Year Plan years Shandong and Chongqing met often. |
            They discussed the 6th Plenary Session of the 18th CPC Central Committee. |
            On August 29 2019 the delegation arrived in Guiyang.               |
            From August 29 to 31 the delegation stayed in Guiyang.             |
            The talks ran from the 14th to the 16th.                           |
            Poverty incidence fell from 12.4 percent to 0.8 percent.           |
            贫困发生率下降到0.6%。                                                |
            2019年3月5日，双方举行联席会议。                                       |
            The team rebuilt No. 3 Middle School.                              |
            The leaders met 3 times.                                           |
            “十三五”期间，投入资金3亿元。                                          | 300000000/CNY/-/EXACT/3亿元
            In 2019 Shanghai sent 300 teachers to Yunnan.                      | 300/COUNT/-/EXACT/300
            In 2019, Shanghai sent 300 teachers to Yunnan.                     | 300/COUNT/-/EXACT/300
            Since 2016, Fujian has sent 500 doctors.                           | 500/COUNT/-/EXACT/500
            From 2016 to 2019 Jiangsu built 45 schools.                        | 45/COUNT/-/EXACT/45
            2016—2017年，投入资金3亿元。                                           | 300000000/CNY/-/EXACT/3亿元
            """)
    void figuresOfOneSentence(String sentence, String expected) {
        assertEquals(expected == null ? "" : expected, render(QuantityFinder.find(sentence)), sentence);
    }

    private static String render(List<Quantity> found) {
        return found.stream().map(QuantityFinderTest::render).collect(Collectors.joining(" ; "));
    }

    private static String render(Quantity q) {
        String s = q.value().toPlainString() + "/" + q.kind() + "/" + (q.classifier() == null ? "-" : q.classifier())
                + "/" + q.qualifier() + "/" + q.asWritten();
        if (q.usd() != null) s += "/usd=" + q.usd().toPlainString();
        if (q.personTimes()) s += "/pt";
        return s;
    }
}
