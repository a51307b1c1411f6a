package org.counterpart.facts.extraction.quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the parts of a sentence where digits are not amounts: dates and date ranges ("August 29 to 31",
 * "3-5 June", "the 8th to the 10th", "2016-2020", 2019年3月), years, ordinals and plan names
 * ("13th Five-Year Plan", 第十三), percentages and rates, serial numbers ("No.3"), clock times, phone
 * numbers and code-like tokens ("G20"). A figure starting inside such a span is no quantity.
 */
public final class NonQuantitySpans {
    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
    private static final String DAY = "\\d{1,2}(?:st|nd|rd|th)?";
    private static final String RANGE = "\\s*(?:-|–|—|~|to|and|through|till|until)\\s*";
    private static final String YEAR = "(?:1[89]\\d{2}|20\\d{2})";
    private static final String NUM = "\\d[\\d,]*(?:\\.\\d+)?";

    private static final List<Pattern> PATTERNS = List.of(
            // March 10; May 12 to 14; May 5-7, 2019; March 2015
            Pattern.compile("\\b" + MONTH + "\\s+" + DAY + "(?:" + RANGE + "(?:" + MONTH + "\\s+)?" + DAY + ")?(?:,?\\s*" + YEAR + ")?\\b"),
            Pattern.compile("\\b" + MONTH + ",?\\s+(?:of\\s+)?" + YEAR + "\\b"),
            // 8-10 November; 8 November 2019; the 25th of May
            Pattern.compile("\\b" + DAY + "(?:" + RANGE + DAY + ")?\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s*" + YEAR + ")?"),
            // ordinals and ordinal ranges: the 8th to the 10th, 18th Central Committee, 5th session
            Pattern.compile("(?i)(?:the\\s+)?\\d+(?:st|nd|rd|th)\\b(?:" + RANGE + "(?:the\\s+)?\\d+(?:st|nd|rd|th)\\b)?"),
            // year ranges and ISO dates
            Pattern.compile("\\b" + YEAR + "\\s*(?:-|–|—|/|~|to|and|through|until)\\s*(?:" + YEAR + "|\\d{2})\\b"),
            Pattern.compile("\\b" + YEAR + "[-/.]\\d{1,2}(?:[-/.]\\d{1,2})?\\b"),
            Pattern.compile("\\b\\d{1,2}:\\d{2}\\b"),
            // percentages, rates, multiples
            Pattern.compile("(?i)" + NUM + "\\s*(?:%|‰|percent\\b|per\\s+cent\\b|percentage\\s+points?\\b|pct\\b|个百分点|倍|times\\b)"),
            Pattern.compile("百分之[零〇一二两三四五六七八九十百点\\d.]+"),
            // serial numbers: No. 1, No.1, #3, 第3, 第十三
            Pattern.compile("(?i)\\b(?:No|Nos|Number|Vol|Art|Article|Room|Phase)\\.?\\s*\\d+"),
            Pattern.compile("#\\s*\\d+"),
            Pattern.compile("第\\s*[\\d零〇一二两三四五六七八九十百千]+"),
            // Chinese dates: 2019年3月5日, 3月5日, 5日, 二〇一九年; plan periods 十三五
            Pattern.compile("\\d{2,4}\\s*年(?:\\s*\\d{1,2}\\s*月)?(?:\\s*\\d{1,2}\\s*[日号])?(?:\\s*[-—至到~]\\s*\\d{1,4}\\s*[年月日号]?)*"),
            Pattern.compile("\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*[日号])?(?:\\s*[-—至到~]\\s*\\d{1,2}\\s*[月日号]?)*"),
            Pattern.compile("\\d{1,2}\\s*[日号](?:\\s*[-—至到~]\\s*\\d{1,2}\\s*[日号])?"),
            Pattern.compile("[零〇一二三四五六七八九]{4}年"),
            Pattern.compile("[一二三四五六七八九十]+五(?:规划|时期|期间|计划)?(?![个家项人名位元万亿余多批所户村份次期场])"),
            // code-like tokens: COVID-19, G20, 5G, Top-10
            Pattern.compile("(?<![A-Za-z])(?!RMB|CNY|USD|US|Rmb|rmb)[A-Za-z]+-?\\d+[A-Za-z]*"),
            Pattern.compile("\\b\\d+[A-Za-z]+\\b(?<!\\d(?:bn|mn|m|k|mln))"),
            // phone numbers and postcodes written in digits
            Pattern.compile("\\+?\\d{2,4}[- ]\\d{3,4}[- ]\\d{4}\\b"),
            Pattern.compile("\\b\\d{3,4}-\\d{7,8}\\b"),
            Pattern.compile("\\(\\d{3,4}\\)\\s*\\d{7,8}"));

    /** Years standing alone: blocked unless a counted noun follows directly ("2000 workers"). */
    private static final Pattern LONE_YEAR = Pattern.compile("(?<![\\d,.])" + YEAR + "(?![\\d,]|\\.\\d)");
    private static final Pattern COUNTED_AFTER = Pattern.compile(
            "^\\s+(?:[a-z-]+\\s+){0,3}(?:projects?|workers|labou?r(?:er)?s|people|persons|cadres|villages|enterprises|"
            + "companies|agreements|households|teachers|doctors|trainees|professionals|officials|technicians)\\b");
    private static final Pattern CLASSIFIER_AFTER = Pattern.compile("^\\s*(?:万|亿|余|多)?\\s*(?:人次|人|名|个|项|家|份|元|位|户|村)");
    private static final Pattern PREPOSITION_BEFORE = Pattern.compile(
            "(?i)(?:\\b(?:in|since|from|to|by|of|until|till|through|during|year|end|early|late|mid|before|after|between|and|the|for)\\s+|[-–])$");
    /** A figure glued to a capitalised name ("Top Brands 100"): a title, not an amount. */
    private static final Pattern NAME_BEFORE = Pattern.compile("(?<![.!?]\\s)\\b[A-Z][a-z]+\\s+$");
    private static final Pattern NAME_NUMBER = Pattern.compile("(?<![\\d,.])\\d+(?![\\d,.]|\\s+[a-z])");

    private NonQuantitySpans() {}

    public static boolean[] mask(String text) {
        boolean[] blocked = new boolean[text.length()];
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(text);
            while (m.find()) mark(blocked, m.start(), m.end());
        }
        Matcher y = LONE_YEAR.matcher(text);
        while (y.find()) {
            String before = text.substring(Math.max(0, y.start() - 12), y.start());
            boolean counted = COUNTED_AFTER.matcher(text.substring(y.end())).find()
                    || CLASSIFIER_AFTER.matcher(text.substring(y.end())).find();
            if (!counted || PREPOSITION_BEFORE.matcher(before).find()) mark(blocked, y.start(), y.end());
        }
        Matcher n = NAME_NUMBER.matcher(text);
        while (n.find()) {
            String before = text.substring(Math.max(0, n.start() - 20), n.start());
            Matcher nb = NAME_BEFORE.matcher(before);
            if (nb.find() && !before.trim().matches(".*\\b(?:In|On|By|Since|From|About|Over|Nearly|Some|Around|Approximately|RMB|CNY|USD|US)$")) {
                mark(blocked, n.start(), n.end());
            }
        }
        return blocked;
    }

    private static void mark(boolean[] blocked, int from, int to) {
        for (int i = from; i < to && i < blocked.length; i++) blocked[i] = true;
    }
}
