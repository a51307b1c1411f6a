package org.counterpart.facts.extraction.attribution;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Groups of regions named without their members, alone: each phrase {@link GroupPhrases} finds is written
 * {@code name/side/count/level} (side DONOR, RECIPIENT or null; "-" for no count), phrases separated by " ; ".
 */
class GroupPhrasesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # text                                                    | phrases found
            Aid from the eastern provinces and municipalities rose.   | eastern provinces and municipalities/DONOR/-/province
            Eight coastal cities helped the region.                   | Eight coastal cities/DONOR/8/prefecture
            Seven cities in East China paired with Guizhou.           | Seven cities in East China/DONOR/7/prefecture
            The funds went to poor counties in central and western China. | poor counties in central and western China/RECIPIENT/-/county
            Talent flowed to the west.                                | the west/RECIPIENT/-/any
            the western provinces and autonomous regions              | western provinces and autonomous regions/RECIPIENT/-/province
            12 western provinces and regions                          | 12 western provinces and regions/RECIPIENT/12/province
            The two poor areas benefited.                             | two poor areas/RECIPIENT/2/any
            three poverty-stricken counties                           | three poverty-stricken counties/RECIPIENT/3/county
            three helping cities                                      | three helping cities/DONOR/3/prefecture
            two recipient prefectures                                 | two recipient prefectures/RECIPIENT/2/prefecture
            # Chinese
            东部9省市加大投入。                                            | 东部9省市/DONOR/9/any
            中西部22个省份                                               | 中西部22个省份/RECIPIENT/22/province
            支持西部贫困地区发展。                                         | 西部贫困地区/RECIPIENT/-/any
            东部沿海城市                                                 | 东部沿海城市/DONOR/-/prefecture
            西部12省区市                                                 | 西部12省区市/RECIPIENT/12/any
            8个东部城市                                                  | 8个东部城市/DONOR/8/prefecture
            # not groups, or groups whose side is left to anaphora
            The money went to poor counties.                          |
            the helping cities                                        |
            The eight cities sent officials.                          | eight cities/null/8/prefecture
            The two provinces signed it.                              | two provinces/null/2/province
            """)
    void phrasesOfOneSentence(String text, String expected) {
        assertEquals(expected == null ? "" : expected, render(GroupPhrases.find(text)), text);
    }

    /**
     * Anaphora across a report's sentences (separated by " / "): a counted phrase without a side is the last group
     * named before with the same count and level, else dropped. Expected: the phrases of the LAST sentence.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # sentences                                                                  | phrases of the last sentence
            Eight coastal cities pair with Guizhou. / The eight cities sent 300 officials.  | Eight coastal cities/DONOR/8/prefecture
            Eight coastal cities pair with Guizhou. / The seven cities sent 300 officials.  |
            Eight coastal cities pair with Guizhou. / The eight provinces sent 300 officials. |
            The eight cities sent 300 officials.                                          |
            Two poor areas were chosen. / Eight coastal cities joined. / The two areas got funds. | Two poor areas/RECIPIENT/2/any
            Eight coastal cities joined. / Three helping cities joined. / The eight cities sent staff. | Eight coastal cities/DONOR/8/prefecture
            """)
    void anaphoraAcrossSentences(String sentences, String expected) {
        List<List<GroupPhrase>> bySentence = Arrays.stream(sentences.split(" / ")).map(GroupPhrases::find).toList();
        List<List<GroupPhrase>> resolved = GroupPhrases.resolve(bySentence);
        assertEquals(bySentence.size(), resolved.size());
        assertEquals(expected == null ? "" : expected, render(resolved.get(resolved.size() - 1)), sentences);
    }

    private static String render(List<GroupPhrase> phrases) {
        return phrases.stream().map(p -> p.name() + "/" + p.side() + "/" + (p.count() == null ? "-" : p.count()) + "/" + p.level())
                .collect(Collectors.joining(" ; "));
    }
}
