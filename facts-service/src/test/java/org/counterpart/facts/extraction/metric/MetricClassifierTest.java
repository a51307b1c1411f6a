package org.counterpart.facts.extraction.metric;

import org.counterpart.facts.extraction.quantity.Quantity;
import org.counterpart.facts.extraction.quantity.QuantityFinder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The metric stage alone: what {@link MetricClassifier} says the figure at {@code index} (among the figures
 * {@link QuantityFinder} reads in the sentence) counts. The expected cell is a metric code, with " (weak)" when only
 * a weak cue says so; an empty cell means the figure counts nothing the collaboration reports.
 */
class MetricClassifierTest {
    private static final MetricClassifier CLASSIFIER = new MetricClassifier();

    @ParameterizedTest(name = "[{index}] {0} #{1}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # lang | figure | expected                  | sentence
            # money in English: aid funds, investment, consumption
            en | 0 | funds_cny                  | In 2019 Shanghai allocated 3.2 billion yuan in aid funds to Yunnan.
            en | 0 | funds_cny                  | Beijing donated 20 million yuan to Hebei.
            en | 0 | investment_cny             | Zhejiang enterprises invested 1.5 billion yuan in Sichuan.
            en | 0 | investment_cny             | Guangdong signed deals amounting to 5 billion yuan.
            en | 0 | consumption_cny            | Sichuan sold 800 million yuan of agricultural products to Zhejiang through consumption-based poverty alleviation.
            en | 0 | consumption_cny            | Guangdong purchased 2 billion yuan of farm produce from Guangxi.
            en | 0 | projects                   | Jiangsu and Shaanxi signed 429 projects worth 12.6 billion yuan.
            en | 1 | investment_cny             | Jiangsu and Shaanxi signed 429 projects worth 12.6 billion yuan.
            en | 0 | projects                   | Suzhou implemented 309 aid projects with investment of 980 million yuan.
            en | 1 | funds_cny                  | Suzhou implemented 309 aid projects with investment of 980 million yuan.
            # money in Chinese
            zh | 0 | funds_cny                  | 2019年，上海市向云南省投入财政援助资金30亿元。
            zh | 0 | funds_cny                  | 浙江省向四川省提供援助资金5亿元。
            zh | 0 | investment_cny             | 浙江省企业在四川省投资金额达15亿元。
            zh | 0 | investment_cny             | 项目投资金额15亿元。
            zh | 0 | investment_cny             | 签约金额达2.7亿元。
            zh | 0 | consumption_cny            | 消费扶贫销售农产品8亿元。
            zh | 0 | consumption_cny            | 采购贫困地区农产品3亿元。
            zh | 0 | funds_cny (weak)           | 全年完成金额达2.7亿元。
            zh | 0 | funds_cny (weak)           | 协作双方共落实金额达2.7亿元。
            # English head nouns
            en | 0 | projects                   | Suzhou implemented 45 aid projects in Tongren.
            en | 0 | agreements                 | The cities signed five agreements.
            en | 0 | personnel_exchanged        | Shanghai sent 31 medical workers to Yunnan.
            en | 0 | workers_transferred        | Guangdong helped 8,600 workers from Guangxi find jobs.
            en | 0 | personnel_exchanged        | Guangzhou sent 120 teachers to Bijie.
            en | 0 | personnel_exchanged        | Jiangsu sent 150 officials to Shaanxi.
            en | 0 | personnel_exchanged        | Fujian sent 50 doctors and 30 teachers to Ningxia.
            en | 1 | personnel_exchanged        | Fujian sent 50 doctors and 30 teachers to Ningxia.
            en | 0 | people_trained             | Jiangsu received 150 officials from Shaanxi for training.
            en | 0 | enterprises_introduced     | Fujian introduced 35 enterprises to Ningxia.
            en | 0 | villages_benefited         | The programme covered 120 villages.
            # English predicates about people
            en | 0 | people_trained             | Guangdong trained 3,000 cadres from Guangxi.
            en | 0 | people_trained             | Shandong trained 12,000 rural workers from Chongqing.
            en | 0 | people_trained             | Over 3,000 people from Guangxi were trained.
            en | 0 | workers_transferred        | With help from Guangdong 12,000 people from Guangxi found jobs.
            en | 0 | workers_transferred        | Shandong helped 1,450 residents find jobs.
            en | 0 | people_lifted              | The aid lifted 45,000 people out of poverty.
            en | 0 | people_benefited           | The projects benefited 20,000 poor people.
            en | 0 | people_benefited (weak)    | Zhejiang helped 12,000 people.
            # Chinese cues with classifiers
            zh | 0 | projects                   | 实施帮扶项目45个。
            zh | 0 | agreements                 | 签订合作协议5项。
            zh | 0 | people_trained             | 贫困劳动力培训1.2万人。
            zh | 0 | workers_transferred        | 帮助转移就业3000人。
            zh | 0 | workers_transferred        | 组织劳务输出1.2万人。
            zh | 0 | personnel_exchanged        | 选派挂职干部92名。
            zh | 0 | personnel_exchanged        | 派出教师120名。
            zh | 0 | personnel_exchanged        | 已有45名江苏干部在陕。
            zh | 0 | people_benefited           | 带动1.3万贫困人口增收。
            zh | 0 | people_benefited           | 惠及贫困人口3万人。
            zh | 0 | people_lifted              | 帮助1.5万人脱贫。
            zh | 0 | enterprises_introduced     | 目前已引进3家。
            zh | 0 | enterprises_introduced     | 引导120家企业到贵州投资。
            zh | 0 | villages_benefited         | 结对帮扶贫困村120个。
            # figures that count nothing reported
            en | 0 |                            | Officials visited 20 households in the village.
            en | 0 |                            | Officials held 3 meetings.
            en | 0 |                            | Tianjin organised 20 job fairs.
            en | 0 |                            | The money helped 2,000 households.
            zh | 0 |                            | 走访贫困户20户。
            zh | 0 |                            | 召开联席会议3次。
            zh | 0 |                            | 组织200家企业参加展销会。
            zh | 0 |                            | 新增就业岗位2000个。
            zh | 0 |                            | 援建学校12所。
            """)
    void metricOfAFigure(String language, int index, String expected, String sentence) {
        List<Quantity> figures = QuantityFinder.find(sentence);
        Optional<MetricReading> reading = CLASSIFIER.read(sentence, figures.get(index), figures, "zh".equals(language));
        String actual = reading.map(r -> r.metric().code() + (r.weak() ? " (weak)" : "")).orElse("");
        assertEquals(expected == null ? "" : expected, actual, () -> sentence + " / figure " + figures.get(index).asWritten());
    }
}
