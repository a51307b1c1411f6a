package org.counterpart.facts.extraction.period;

import org.counterpart.facts.extraction.fact.Basis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The time-frame stage alone: {@link TimeFrameResolver#resolve} on one clause with the report's publication date
 * (no one-year report). An empty date cell means the resolver must leave that date unknown.
 */
class TimeFrameResolverTest {

    @ParameterizedTest(name = "[{index}] {0} @ {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # clause                                                           | published  | basis      | start      | end        | asOf
            # a stated period
            In 2019 Shanghai sent 300 teachers to Yunnan.                      | 2020-07-15 | PERIOD     | 2019-01-01 | 2019-12-31 |
            In 2019, Shanghai sent 300 teachers to Yunnan.                     | 2020-07-15 | PERIOD     | 2019-01-01 | 2019-12-31 |
            From 2016 to 2019 Suzhou allocated 1.2 billion yuan to Tongren.    | 2020-07-15 | PERIOD     | 2016-01-01 | 2019-12-31 |
            Between 2017 and 2019 Jiangsu sent 300 teachers to Shaanxi.        | 2020-07-15 | PERIOD     | 2017-01-01 | 2019-12-31 |
            2016—2017年，苏州市向铜仁市拨付资金3亿元。                             | 2020-07-15 | PERIOD     | 2016-01-01 | 2017-12-31 |
            2019年，广东省帮助广西转移就业3.2万人。                                | 2020-07-15 | PERIOD     | 2019-01-01 | 2019-12-31 |
            In March 2019 Fujian allocated 2 billion yuan.                     | 2020-07-15 | PERIOD     | 2019-03-01 | 2019-03-31 |
            Last year Fujian allocated 2 billion yuan.                         | 2020-07-15 | PERIOD     | 2019-01-01 | 2019-12-31 |
            This year Fujian allocated 2 billion yuan.                         | 2020-07-15 | PERIOD     | 2020-01-01 |            |
            In the past three years Fujian allocated 2 billion yuan.           | 2020-07-15 | PERIOD     | 2018-01-01 | 2020-07-15 |
            In the past three years Fujian allocated 2 billion yuan.           | 2020-02-10 | PERIOD     | 2017-01-01 | 2019-12-31 |
            近三年来，福建省投入资金2亿元。                                         | 2020-07-15 | PERIOD     | 2018-01-01 | 2020-07-15 |
            # no time word: undated period, unless the present perfect or "a total of" makes it a running total
            Fujian allocated 2 billion yuan.                                   | 2020-07-15 | PERIOD     |            |            |
            Fujian has allocated 2 billion yuan.                               | 2020-07-15 | CUMULATIVE |            |            | 2020-07-15
            A total of 2 billion yuan was allocated.                           | 2020-07-15 | CUMULATIVE |            |            | 2020-07-15
            It was the highest since 2013 with 2 billion yuan.                 | 2020-07-15 | PERIOD     |            |            |
            # running totals, as-of resolved against publication
            Since 2016 Suzhou has allocated 1.2 billion yuan to Tongren.       | 2020-07-15 | CUMULATIVE | 2016-01-01 |            | 2020-07-15
            So far Suzhou has allocated 1.2 billion yuan to Tongren.           | 2020-07-15 | CUMULATIVE |            |            | 2020-07-15
            Since 2016, Suzhou has allocated 1.2 billion yuan to Tongren.      | 2020-07-15 | CUMULATIVE | 2016-01-01 |            | 2020-07-15
            So far, Suzhou has sent 410 officials to Tongren.                  | 2020-07-15 | CUMULATIVE |            |            | 2020-07-15
            Up to now 2 billion yuan was allocated.                            | 2020-07-15 | CUMULATIVE |            |            | 2020-07-15
            2020年以来，苏州市向铜仁市拨付资金3亿元。                                | 2020-07-15 | CUMULATIVE | 2020-01-01 |            | 2020-07-15
            今年以来，福建省投入资金2亿元。                                          | 2020-07-15 | CUMULATIVE | 2020-01-01 |            | 2020-07-15
            截至2019年底，苏州市累计向铜仁市拨付资金3亿元。                            | 2020-07-15 | CUMULATIVE |            |            | 2019-12-31
            截至6月底，福建省累计投入资金2亿元。                                      | 2020-07-15 | CUMULATIVE |            |            | 2020-06-30
            截至9月底，福建省累计投入资金2亿元。                                      | 2020-07-15 | CUMULATIVE |            |            | 2019-09-30
            By the end of 2019 the two sides had signed 12 agreements.         | 2020-07-15 | CUMULATIVE |            |            | 2019-12-31
            As of the end of June Fujian had allocated 2 billion yuan.         | 2020-07-15 | CUMULATIVE |            |            | 2020-06-30
            As of the end of October Fujian had allocated 2 billion yuan.      | 2020-07-15 | CUMULATIVE |            |            | 2019-10-31
            As of May 31 2020 Fujian had allocated 2 billion yuan.             | 2020-07-15 | CUMULATIVE |            |            | 2020-05-31
            # plans are kept apart from actuals
            Shandong will invest 500 million yuan in Chongqing.                | 2020-07-15 | PLAN       |            |            |
            In 2021 Shandong will invest 500 million yuan in Chongqing.        | 2020-07-15 | PLAN       | 2021-01-01 | 2021-12-31 |
            From 2021 to 2025 Fujian will allocate 2 billion yuan to Ningxia.  | 2020-07-15 | PLAN       | 2021-01-01 | 2025-12-31 |
            Fujian plans to build 30 schools in 2021.                          | 2020-07-15 | PLAN       | 2021-01-01 | 2021-12-31 |
            Over the next 4 years Fujian will allocate 2 billion yuan to Ningxia. | 2020-07-15 | PLAN    |            |            |
            2021年，上海市计划向云南省投入资金40亿元。                                | 2020-07-15 | PLAN       | 2021-01-01 | 2021-12-31 |
            未来4年，福建省计划投入资金2亿元。                                        | 2020-07-15 | PLAN       |            |            |
            """)
    void timeFrameOfAClause(String clause, LocalDate published, Basis basis, LocalDate start, LocalDate end, LocalDate asOf) {
        assertEquals(new TimeFrame(basis, start, end, asOf), TimeFrameResolver.resolve(clause, published, null), clause);
    }
}
