package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.fact.Qualifier;
import org.counterpart.facts.extraction.fact.Basis;
import org.counterpart.facts.extraction.fact.ReportText;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** One test per pitfall of docs/domain.md, on short reports written for these tests. */
class ExtractorPitfallsTest {
    private static final Extractor X = Extractor.standard();
    private static final LocalDate PUB = LocalDate.of(2020, 7, 15);

    private static List<ExtractedFact> en(String text) { return X.extract(new ReportText(text, null, "en", PUB)); }

    private static List<ExtractedFact> zh(String text) { return X.extract(new ReportText(text, null, "zh", PUB)); }

    private static ExtractedFact only(List<ExtractedFact> facts) {
        assertEquals(1, facts.size(), () -> "facts: " + facts);
        return facts.get(0);
    }

    private static void assertValue(String expected, ExtractedFact f) {
        assertEquals(0, new BigDecimal(expected).compareTo(f.value()), () -> "value of " + f);
    }

    @Test
    void siteChromeYieldsNothing() {
        String text = "Home>News\nprint】 【close\nCopyright © 2019 Poverty Relief Office. Tel: 010-12345678 Postcode 100081\n"
                + "地址：北京市海淀区某路8号 邮编100081 电话：010-66668888 京ICP备12345678号-1";
        assertTrue(en(text).isEmpty());
    }

    @Test
    void nonBreakingSpacesAndOffsetsIntoOriginal() {
        String text = "Shanghai and Yunnan met again.\u00A0Up to now, Shanghai has allocated 2.5\u00A0billion yuan in aid funds to Yunnan.";
        ExtractedFact f = only(en(text));
        assertEquals("funds_cny", f.metric());
        assertValue("2500000000", f);
        assertEquals(Basis.CUMULATIVE, f.basis());
        assertEquals(PUB, f.asOf());
        assertEquals(text.substring(f.evidence().start(), f.evidence().end()), f.evidence().sentence());
        assertTrue(f.evidence().sentence().startsWith("Up to now"));
    }

    @Test
    void misspeltProvinceIsStillRecognised() {
        ExtractedFact f = only(en("Since 2017, Zhejang has sent 300 teachers to schools in Sichuan."));
        assertEquals("personnel_exchanged", f.metric());
        assertEquals("Zhejiang", f.donor().name());
        assertEquals("330000", f.donor().code());
        assertEquals("Sichuan", f.recipient().name());
        assertEquals(LocalDate.of(2017, 1, 1), f.periodStart());
    }

    @Test
    void spacedAndApostrophisedPinyinNamesMeet() {
        ExtractedFact a = only(en("Ningbo donated 80 million yuan to Qian Xinan Prefecture last year."));
        ExtractedFact b = only(en("Ningbo donated 80 million yuan to Qianxi'nan last year."));
        assertEquals("522300", a.recipient().code());
        assertEquals("522300", b.recipient().code());
        assertEquals("Qianxinan", a.recipient().name());
        assertEquals("prefecture", a.recipient().level());
        assertEquals(LocalDate.of(2019, 1, 1), a.periodStart());
    }

    @Test
    void ordinalsPlansAndSessionsAreNotFigures() {
        assertTrue(en("During the 13th Five-Year Plan period, Fujian and Ningxia held the 21st joint meeting "
                + "and studied the spirit of the 5th Plenary Session of the 18th Central Committee.").isEmpty());
    }

    @Test
    void dateRangesAreNotFigures() {
        assertTrue(en("From May 12 to 14, a Jiangsu delegation visited Shaanxi. On 3-5 June, Shaanxi officials returned the visit. "
                + "From the 8th to the 10th, the two provinces held talks.").isEmpty());
    }

    @Test
    void spelledOutNumbers() {
        ExtractedFact f = only(en("At the forum, Tianjin and Gansu signed twelve cooperation agreements."));
        assertEquals("agreements", f.metric());
        assertValue("12", f);
        assertEquals("Tianjin", f.donor().name());
        assertEquals("Gansu", f.recipient().name());
    }

    @Test
    void chineseMixedNumeralsAndCumulativeAsOf() {
        List<ExtractedFact> facts = zh("截至2020年6月底，上海市累计向云南省投入财政援助资金1,933.7万元，实施帮扶项目五百个。");
        assertEquals(2, facts.size(), facts::toString);
        ExtractedFact funds = facts.get(0);
        assertEquals("funds_cny", funds.metric());
        assertValue("19337000", funds);
        assertEquals(Basis.CUMULATIVE, funds.basis());
        assertEquals(LocalDate.of(2020, 6, 30), funds.asOf());
        assertEquals("Shanghai", funds.donor().name());
        assertEquals("Yunnan", funds.recipient().name());
        assertEquals("projects", facts.get(1).metric());
        assertValue("500", facts.get(1));
    }

    @Test
    void chineseQualifiersAndPersonTimes() {
        List<ExtractedFact> facts = zh("2019年，广东省帮助广西壮族自治区转移就业3.2万余人，培训干部2000人次。");
        assertEquals(2, facts.size(), facts::toString);
        ExtractedFact workers = facts.get(0);
        assertEquals("workers_transferred", workers.metric());
        assertValue("32000", workers);
        assertEquals(Qualifier.AT_LEAST, workers.qualifier());
        assertEquals(Basis.PERIOD, workers.basis());
        assertEquals(LocalDate.of(2019, 12, 31), workers.periodEnd());
        ExtractedFact trained = facts.get(1);
        assertEquals("people_trained", trained.metric());
        assertEquals("person-times", trained.unit());
    }

    @Test
    void chineseHundredMillionUnit() {
        ExtractedFact f = only(zh("2018年，大连市向六盘水市拨付帮扶资金4.87亿元。"));
        assertValue("487000000", f);
        assertEquals("Dalian", f.donor().name());
        assertEquals("Liupanshui", f.recipient().name());
    }

    @Test
    void bracketedDollarConversionIsTheSameFact() {
        ExtractedFact f = only(en("Beijing provided 1.2 billion yuan ($170 million) in assistance funds to Inner Mongolia in 2018."));
        assertEquals("funds_cny", f.metric());
        assertValue("1200000000", f);
        assertEquals(0, new BigDecimal("170000000").compareTo(f.alsoStated().get("usd")));
        assertEquals("Inner Mongolia", f.recipient().name());
    }

    @Test
    void qualifiers() {
        List<ExtractedFact> facts = en("In 2019, Jiangsu helped nearly 3,000 rural workers from Shaanxi find jobs, "
                + "and more than 40 enterprises were introduced to Shaanxi.");
        assertEquals(2, facts.size(), facts::toString);
        assertEquals(Qualifier.APPROXIMATE, facts.get(0).qualifier());
        assertEquals("workers_transferred", facts.get(0).metric());
        assertEquals(Qualifier.AT_LEAST, facts.get(1).qualifier());
        assertEquals("enterprises_introduced", facts.get(1).metric());
    }

    @Test
    void plansAreKeptApart() {
        ExtractedFact f = only(en("Next year Shandong will invest 500 million yuan of assistance funds in Chongqing."));
        assertEquals(Basis.PLAN, f.basis());
        assertEquals("funds_cny", f.metric());
    }

    @Test
    void ratesAndPercentagesAreNotFacts() {
        assertTrue(en("With Jiangsu's help, poverty incidence in Qinghai fell from 8.5 percent to 1.2 percent, "
                + "a drop of 7.3 percentage points.").isEmpty());
    }

    @Test
    void countsOfMembersAndTimesAreNotFacts() {
        assertTrue(en("A Fujian delegation of 60 members visited Ningxia three times and toured four kinds of farms.").isEmpty());
    }

    @Test
    void unattributedNationalOutcomeIsDropped() {
        assertTrue(en("Nationwide, 10 million people were lifted out of poverty last year.").isEmpty());
    }

    @Test
    void sameFactStatedTwiceIsOneFact() {
        List<ExtractedFact> facts = en("In 2018, Tianjin funded 35 poverty alleviation projects in Gansu.\n\n"
                + "Summary. In 2018, Tianjin funded 35 poverty alleviation projects in Gansu.");
        ExtractedFact f = only(facts);
        assertTrue(f.evidence().start() < 10);
    }

    @Test
    void theTwoSidesMeansTheMainPair() {
        ExtractedFact f = only(en("Fujian officials visited Ningxia in May. In 2019 the two sides implemented 45 projects."));
        assertEquals("Fujian", f.donor().name());
        assertEquals("Ningxia", f.recipient().name());
        assertEquals("projects", f.metric());
    }

    @Test
    void namedGroupStaysOneParty() {
        ExtractedFact f = only(en("In 2015, seven cities in East China donated 300 million yuan in aid funds to Guizhou."));
        assertEquals("group", f.donor().level());
        assertEquals("seven cities in East China", f.donor().name());
        assertNull(f.donor().code());
        assertEquals("Guizhou", f.recipient().name());
    }

    @Test
    void aidWithinOneProvinceIsOutOfScope() {
        assertTrue(en("In 2019, Guangzhou allocated 20 million yuan of poverty relief funds for Qingyuan.").isEmpty());
    }

    @Test
    void xinjiangAndTibetSupportIsOutOfScope() {
        assertTrue(en("In 2019, Shanghai invested 1 billion yuan of aid funds in Kashgar.").isEmpty());
    }

    @Test
    void pairingDataDecidesDirectionAndHomonyms() {
        ExtractedFact f = only(en("In 2018, 5,000 cadres from Tongren were trained in Suzhou."));
        assertEquals("people_trained", f.metric());
        assertEquals("320500", f.donor().code(), "Suzhou of Jiangsu, Tongren's partner");
        assertEquals("520600", f.recipient().code());
    }

    @Test
    void missingSideIsCompletedFromTheReportsPairing() {
        String text = "Dalian and Liupanshui held a forum on cooperation.\n\nSo far, Dalian has invested 200 million yuan in aid funds.";
        ExtractedFact f = only(en(text));
        assertEquals("Liupanshui", f.recipient().name());
        assertEquals(Basis.CUMULATIVE, f.basis());
    }

    @Test
    void yearbookYearAppliesToUndatedFacts() {
        String text = "2014 was a year of progress for the pairing.\nGuangdong received 80,000 labourers transferred from Guangxi.";
        ExtractedFact f = only(X.extract(new ReportText(text, null, "en", null)));
        assertEquals("workers_transferred", f.metric());
        assertEquals(LocalDate.of(2014, 1, 1), f.periodStart());
        assertEquals(LocalDate.of(2014, 12, 31), f.periodEnd());
    }

    @Test
    void asOfMonthResolvedAgainstPublication() {
        ExtractedFact f = only(en("As of the end of May, Shanghai had bought 1.5 billion yuan of farm produce from Yunnan."));
        assertEquals("consumption_cny", f.metric());
        assertEquals(LocalDate.of(2020, 5, 31), f.asOf());
    }

    @Test
    void fortuneGlobalAndSerialNumbersAreNotFacts() {
        assertTrue(en("A Fortune Global 500 company from Shenzhen opened its No.3 factory in Hechi.").isEmpty());
    }

    @Test
    void wireNames() {
        assertEquals("at_least", Qualifier.AT_LEAST.wireName());
        assertEquals("cumulative", Basis.CUMULATIVE.wireName());
        assertEquals(Basis.PLAN, Basis.fromWireName("plan"));
    }
}
