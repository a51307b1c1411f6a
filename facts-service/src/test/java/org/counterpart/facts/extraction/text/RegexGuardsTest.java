package org.counterpart.facts.extraction.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The speed-ups of {@link Regexes}, {@link Literals} and {@link KeyedPattern} must never change a match. */
class RegexGuardsTest {
    private static final List<String> REGEXES = List.of(
            "(?i)\\bwill\\b|\\bplans?\\s+to\\b|\\b(?:is|are)\\s+(?:expected|set|scheduled|going)\\s+to\\b|计划|预计|拟",
            "(?i)\\bup\\s+to\\s+now\\b|\\bso\\s+far\\b|\\bas\\s+(?:of|at)\\b|\\bsince\\b|\\bin\\s+total\\b|累计|截至|以来",
            "(?i)(?:\\bmore than|(?<!handed |took )\\bover|\\babove|\\bat least|超过|逾|超)\\s*(?:RMB|CNY|US\\$|\\$|¥)?\\s*$",
            "(?i)(?:\\babout|\\baround|\\bapprox\\.|\\bnearly|约|大约|近)\\s*(?:RMB|\\$)?\\s*$",
            "(?i)\\b(?:has|have)\\s+(?:also\\s+)?(?:been\\s+)?(?:[a-z]+ed|sent|built)\\b",
            "(?i)(?:\\baverag(?:e|ed|ing)\\b|\\bper\\s+capita\\b|\\beach\\b|人均|每个)[^,;:，；。]{0,30}$",
            "(?i)\\btrain(?:ed|ing|s)?\\b|\\btrainees?\\b|\\bcourses?\\b",
            "(?i)\\b(?:the|both)\\s+(?:two\\s+)?(?:sides|parties|provinces)\\b|双方|两地",
            "((?:19|20)\\d{2})\\s*年\\s*以来|\\bsince\\s+((?:19|20)\\d{2})",
            "(?<![\\d,.])(?:1[89]\\d{2}|20\\d{2})(?![\\d,]|\\.\\d)",
            "out of (?:absolute )?poverty|\\bshook off\\b|\\blifted\\b");

    @Test
    void literalsFindWhatIsThere() {
        Literals l = Literals.of("per", "年", "all rights reserved");
        assertTrue(l.in("Support PER capita"));
        assertTrue(l.in("2019年"));
        assertTrue(l.in("ALL RIGHTS RESERVED."));
        assertFalse(l.in("all rights"));
        assertFalse(l.in("pe r"));
        assertFalse(l.in("xxpe", 0, 3));
        Literals g = Literals.groups(List.of(List.of("ab", "b"), List.of("bc"), List.of("zz")));
        assertEquals(0b011L, g.groupsIn("abc"));
        assertEquals(0b001L, g.groupsIn("xb"));
        assertEquals(0L, g.groupsIn("xyz"));
    }

    @Test
    void firstCharactersAndFactoringKeepEveryMatch() throws IOException {
        List<String> texts = texts();
        for (String regex : REGEXES) {
            Pattern plain = Pattern.compile(regex), fast = Regexes.compile(regex);
            KeyedPattern keyed = KeyedPattern.compile(regex);
            for (String t : texts) {
                assertEquals(matches(plain, t), matches(fast, t), () -> regex + " on " + t);
                if (plain.matcher(t).find()) assertTrue(keyed.mayMatch(t), () -> "literals of " + regex + " missed " + t);
            }
        }
    }

    private static List<String> matches(Pattern p, String t) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(t);
        while (m.find()) {
            StringBuilder sb = new StringBuilder(m.start() + "-" + m.end());
            for (int g = 1; g <= m.groupCount(); g++) sb.append('|').append(m.group(g));
            out.add(sb.toString());
        }
        return out;
    }

    /** Corpus sentences, their pieces, and phrases that match, cut at every tenth position. */
    private static List<String> texts() throws IOException {
        List<String> out = new ArrayList<>(List.of("more than 30", "about $5", "人均5万元", "自2016年以来，累计", "Since 2013 so far",
                "the two sides", "双方", "has been sent", "out of poverty", "took over 30", "handed over 40", "in 2019", "每个村 5"));
        for (String name : List.of("003-en-qianxinan-spellings.txt", "009-en-hangzhou-enshi-rates.txt", "026-zh-ningbo-qianxinan-mixed-numerals.txt",
                "043-zh-tianjin-gansu-dates-plans.txt", "012-en-jiangsu-shaanxi-of-which.txt")) {
            try (InputStream in = RegexGuardsTest.class.getResourceAsStream("/corpus/" + name)) {
                assertNotNull(in, name);
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                out.add(text);
                for (int i = 0; i < text.length(); i += 10) out.add(text.substring(i, Math.min(text.length(), i + 60)));
            }
        }
        return out;
    }
}
