package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.fact.Evidence;
import org.counterpart.facts.extraction.fact.ReportText;

import org.counterpart.facts.extraction.text.EvidenceWindow;
import org.counterpart.facts.extraction.text.Sentence;
import org.counterpart.facts.extraction.text.SentenceSplitter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 9, "Bounded time": any report of a megabyte is extracted in seconds, and the evidence kept per fact stays
 * small. The inputs are the shapes that once made extraction quadratic (a sentence that never ends, runs of figures,
 * of regions, of list items). The time bound is deliberately loose: on a busy machine it fails only when the cost
 * grows faster than the text (quadratic inputs of this size took minutes to hours), never on a slow run.
 */
class BoundedTimeTest {
    private static final int MEGABYTE = 1 << 20;
    /** Far above the few seconds a megabyte takes even on a loaded machine, far below what quadratic costs. */
    private static final long GENEROUS_MILLIS = 20_000;

    private static final String[] WORDS = {"the", "cooperation", "between", "eastern", "and", "western", "regions", "has",
            "helped", "many", "people", "find", "work", "in", "local", "factories", "with", "support", "from", "partner"};
    private static final String[] REGIONS = {"Guangdong", "Guangxi", "Guizhou", "Yunnan", "Sichuan", "Zhejiang", "Jiangsu",
            "Shandong", "Fujian", "Gansu", "Ningxia", "Chongqing", "Shanghai", "Tianjin", "Suzhou", "Tongren", "Bijie"};
    private static final String[] ZH_REGIONS = {"广东", "广西", "贵州", "云南", "四川", "浙江", "江苏", "山东", "福建", "甘肃",
            "宁夏", "重庆", "上海", "天津", "苏州", "铜仁", "毕节"};
    private static final String ZH_TEXT = "东西部协作帮扶工作取得明显成效两地干部群众共同努力推动产业发展乡村振兴";

    static Stream<Arguments> pathological() {
        return Stream.of(
                input("one English sentence of ordinary words", i -> WORDS[i * 7 % WORDS.length] + " "),
                input("one Chinese sentence without punctuation", i -> String.valueOf(ZH_TEXT.charAt(i % ZH_TEXT.length()))),
                input("a run of numbers", i -> "1 "),
                input("a run of Chinese numerals", i -> "一 "),
                input("and another N projects", i -> i == 0 ? "Guangdong helped Guangxi build 4 projects " : "and another " + (i % 9 + 1) + " projects "),
                input("又N个项目", i -> i == 0 ? "广东帮助广西建设4个项目" : "又" + (i % 9 + 1) + "个项目"),
                input("a run of region names", i -> REGIONS[i % REGIONS.length] + " "),
                input("a run of Chinese region names", i -> ZH_REGIONS[i % ZH_REGIONS.length]),
                input("money figures", i -> (i % 9 + 1) + " billion yuan "),
                input("Chinese money figures", i -> (i % 9 + 1) + "亿元"),
                input("a Chinese list of figures", i -> i == 0 ? "广东向广西选派挂职干部" : (i % 2 == 0 ? (80 + i % 17) + "名、" : (500 + i % 91) + "人、")),
                input("facts with distinct figures", i -> "Guangdong allocated " + (i + 1) + " million yuan to Guangxi "),
                input("Chinese facts with distinct figures", i -> "广东向广西投入资金" + (i + 1) + "万元"),
                input("many short sentences on one line", i -> "Guangdong gave " + (i % 50 + 1) + " million yuan to Guangxi. "),
                input("a very long digit string", i -> String.valueOf((char) ('0' + i % 10))),
                input("a very long digit string in Chinese", i -> i == 0 ? "投入资金" : String.valueOf((char) ('0' + i % 10))),
                input("deeply nested brackets", i -> i < MEGABYTE / 2 ? "(" : ")"),
                input("deeply nested Chinese brackets", i -> i < MEGABYTE / 2 ? "（" : "）"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathological")
    void aMegabyteTakesSecondsAndKeepsSmallEvidence(String name, String text) {
        long start = System.nanoTime();
        List<ExtractedFact> facts = Extractor.standard().extract(new ReportText(text, null, null, null));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < GENEROUS_MILLIS, name + ": " + millis + " ms for a megabyte: extraction grows faster than the text");
        for (ExtractedFact f : facts) assertEvidenceBounded(text, f.evidence());
    }

    @Test
    void evidenceOfALongSentenceIsAWindowBetweenWords() {
        String text = "Guangdong allocated 3 billion yuan to Guangxi " + "and the partner cities helped local factories ".repeat(15)
                + "while Guangdong sent 120 teachers to Guangxi " + "with support from eastern regions ".repeat(15) + "this year.";
        List<ExtractedFact> facts = Extractor.standard().extract(new ReportText(text, null, "en", null));
        assertFalse(facts.isEmpty());
        for (ExtractedFact f : facts) {
            Evidence e = f.evidence();
            assertEvidenceBounded(text, e);
            assertTrue(e.end() - e.start() < text.length());
            assertFalse(e.start() > 0 && Character.isLetterOrDigit(text.charAt(e.start() - 1)) && Character.isLetterOrDigit(text.charAt(e.start())), "cut inside a word");
            assertFalse(e.end() < text.length() && Character.isLetterOrDigit(text.charAt(e.end() - 1)) && Character.isLetterOrDigit(text.charAt(e.end())), "cut inside a word");
        }
    }

    @Test
    void evidenceOfANormalSentenceIsTheSentence() {
        String text = "Guangdong allocated 3 billion yuan to Guangxi in 2019. It was a good year.";
        Evidence e = EvidenceWindow.around(text, 0, 54, 20, 34);
        assertEquals(new Evidence(text.substring(0, 54), 0, 54, 20, 34), e);
    }

    @Test
    void sentencesOfRealLengthAreNeverCut() {
        String sentence = "Guangdong and Guangxi, " + "with the support of partner cities, ".repeat(50) + "did well.";
        assertTrue(sentence.length() > 1_500);
        List<Sentence> split = SentenceSplitter.split(sentence + " Next one.");
        assertEquals(2, split.size());
        assertEquals(sentence, split.get(0).text());
    }

    private static void assertEvidenceBounded(String text, Evidence e) {
        assertEquals(text.substring(e.start(), e.end()), e.sentence(), "evidence offsets locate its text");
        assertTrue(e.start() <= e.figureStart() && e.figureStart() < e.figureEnd() && e.figureEnd() <= e.end(), "evidence holds its figure");
        assertTrue(e.sentence().length() <= Math.max(EvidenceWindow.LONGEST, e.figureEnd() - e.figureStart()),
                "evidence of " + e.sentence().length() + " characters");
    }

    private static Arguments input(String name, IntFunction<String> piece) {
        StringBuilder sb = new StringBuilder(MEGABYTE + 64);
        for (int i = 0; sb.length() < MEGABYTE; i++) sb.append(piece.apply(i));
        sb.setLength(MEGABYTE);
        return Arguments.of(name, sb.toString());
    }
}
