package org.counterpart.facts.extraction.quantity;

import java.util.ArrayList;
import org.counterpart.facts.extraction.text.Literals;
import org.counterpart.facts.extraction.text.Regexes;

import java.util.List;
import java.util.function.Predicate;
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

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    /** Digit shapes some rules need, found in one pass over a sentence. */
    private static final int ORDINAL = 1, DIGIT_LETTER = 2, LETTER_DIGIT = 4, YEAR4 = 8, YEAR_SEPARATOR = 16, DIGIT_GAP_DIGIT = 32;

    /**
     * A pattern with a cheap necessary condition for it to match anywhere in a sentence: a digit, one of some
     * literals, a digit shape. Why: two dozen scans per sentence were the extractor's largest cost, and most
     * sentences rule most patterns out at a glance (no digit, no month name, no %); the pattern itself still
     * decides whenever the condition holds.
     */
    private record Rule(boolean needsDigit, List<String> literals, int shape, Predicate<String> test, Pattern pattern) {
        static Rule withDigits(String regex) { return new Rule(true, null, 0, null, Regexes.compile(regex)); }

        static Rule withDigitsAnd(List<String> literals, String regex) { return new Rule(true, literals, 0, null, Regexes.compile(regex)); }

        static Rule withDigitsShaped(int shape, String regex) { return new Rule(true, null, shape, null, Regexes.compile(regex)); }

        static Rule with(List<String> literals, String regex) { return new Rule(false, literals, 0, null, Regexes.compile(regex)); }

        static Rule when(Predicate<String> test, String regex) { return new Rule(false, null, 0, test, Regexes.compile(regex)); }

        /** The same rule with the characters its matches start with stated (see {@link Regexes#startingWith}). */
        Rule startingWith(String firstCharClass) {
            return new Rule(needsDigit, literals, shape, test, Regexes.startingWith(firstCharClass, pattern.pattern()));
        }
    }

    private static final List<Rule> RULES = List.of(
            // March 10; May 12 to 14; May 5-7, 2019; March 2015
            Rule.withDigitsAnd(MONTHS, "\\b" + MONTH + "\\s+" + DAY + "(?:" + RANGE + "(?:" + MONTH + "\\s+)?" + DAY + ")?(?:,?\\s*" + YEAR + ")?\\b"),
            Rule.withDigitsAnd(MONTHS, "\\b" + MONTH + ",?\\s+(?:of\\s+)?" + YEAR + "\\b"),
            // 8-10 November; 8 November 2019; the 25th of May
            Rule.withDigitsAnd(MONTHS, "\\b" + DAY + "(?:" + RANGE + DAY + ")?\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s*" + YEAR + ")?").startingWith("0-9"),
            // ordinals and ordinal ranges: the 8th to the 10th, 18th Central Committee, 5th session
            Rule.withDigitsShaped(ORDINAL, "(?i)(?:the\\s+)?\\d+(?:st|nd|rd|th)\\b(?:" + RANGE + "(?:the\\s+)?\\d+(?:st|nd|rd|th)\\b)?").startingWith("tT0-9"),
            // year ranges and ISO dates
            Rule.withDigitsShaped(YEAR4, "\\b" + YEAR + "\\s*(?:-|–|—|/|~|to|and|through|until)\\s*(?:" + YEAR + "|\\d{2})\\b"),
            Rule.withDigitsShaped(YEAR_SEPARATOR, "\\b" + YEAR + "[-/.]\\d{1,2}(?:[-/.]\\d{1,2})?\\b"),
            Rule.withDigitsAnd(List.of(":"), "\\b\\d{1,2}:\\d{2}\\b").startingWith("0-9"),
            // percentages, rates, multiples
            Rule.withDigitsAnd(List.of("%", "‰", "per", "pct", "个百分点", "倍", "times"),
                    "(?i)" + NUM + "\\s*(?:%|‰|percent\\b|per\\s+cent\\b|percentage\\s+points?\\b|pct\\b|个百分点|倍|times\\b)"),
            Rule.with(List.of("百分之"), "百分之[零〇一二两三四五六七八九十百点\\d.]+"),
            // serial numbers: No. 1, No.1, #3, 第3, 第十三
            Rule.withDigitsAnd(List.of("no", "number", "vol", "art", "room", "phase"), "(?i)\\b(?:No|Nos|Number|Vol|Art|Article|Room|Phase)\\.?\\s*\\d+"),
            Rule.withDigitsAnd(List.of("#"), "#\\s*\\d+"),
            Rule.with(List.of("第"), "第\\s*[\\d零〇一二两三四五六七八九十百千]+"),
            // Chinese dates: 2019年3月5日, 3月5日, 5日, 二〇一九年; plan periods 十三五
            Rule.withDigitsAnd(List.of("年"), "\\d{2,4}\\s*年(?:\\s*\\d{1,2}\\s*月)?(?:\\s*\\d{1,2}\\s*[日号])?(?:\\s*[-—至到~]\\s*\\d{1,4}\\s*[年月日号]?)*"),
            Rule.withDigitsAnd(List.of("月"), "\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*[日号])?(?:\\s*[-—至到~]\\s*\\d{1,2}\\s*[月日号]?)*"),
            Rule.withDigitsAnd(List.of("日", "号"), "\\d{1,2}\\s*[日号](?:\\s*[-—至到~]\\s*\\d{1,2}\\s*[日号])?"),
            Rule.when(t -> numeralsBefore(t, '年', 4), "[零〇一二三四五六七八九]{4}年"),
            Rule.when(t -> numeralsBefore(t, '五', 1), "[一二三四五六七八九十]+五(?:规划|时期|期间|计划)?(?![个家项人名位元万亿余多批所户村份次期场])"),
            // code-like tokens: COVID-19, G20, 5G, Top-10
            Rule.withDigitsShaped(LETTER_DIGIT, "(?<![A-Za-z])(?!RMB|CNY|USD|US|Rmb|rmb)[A-Za-z]+-?\\d+[A-Za-z]*"),
            Rule.withDigitsShaped(DIGIT_LETTER, "\\b\\d+[A-Za-z]+\\b(?<!\\d(?:bn|mn|m|k|mln))").startingWith("0-9"),
            // phone numbers and postcodes written in digits
            Rule.withDigitsShaped(DIGIT_GAP_DIGIT, "\\+?\\d{2,4}[- ]\\d{3,4}[- ]\\d{4}\\b"),
            Rule.withDigitsAnd(List.of("-"), "\\b\\d{3,4}-\\d{7,8}\\b").startingWith("0-9"),
            Rule.withDigitsAnd(List.of("("), "\\(\\d{3,4}\\)\\s*\\d{7,8}"));

    /** The literals of all rules in one set, group i for rule i: one pass tells which rules may match. */
    private static final Literals RULE_LITERALS = Literals.groups(
            RULES.stream().map(r -> r.literals() == null ? List.<String>of() : r.literals()).toList());

    /** Years standing alone: blocked unless a counted noun follows directly ("2000 workers"). */
    private static final Pattern LONE_YEAR = Regexes.compile("(?<![\\d,.])" + YEAR + "(?!\\d|,\\d|\\.\\d)"); // "In 2019, …" is a year; 2,019 is not
    private static final Pattern COUNTED_AFTER = Pattern.compile(
            "^\\s+(?:[a-z-]+\\s+){0,3}(?:projects?|workers|labou?r(?:er)?s|people|persons|cadres|villages|enterprises|"
            + "companies|agreements|households|teachers|doctors|trainees|professionals|officials|technicians)\\b");
    private static final Pattern CLASSIFIER_AFTER = Pattern.compile("^\\s*(?:万|亿|余|多)?\\s*(?:人次|人|名|个|项|家|份|元|位|户|村)");
    private static final Pattern PREPOSITION_BEFORE = Pattern.compile(
            "(?i)(?:\\b(?:in|since|from|to|by|of|until|till|through|during|year|end|early|late|mid|before|after|between|and|the|for)\\s+|[-–])$");
    /** A figure glued to a capitalised name ("Top Brands 100"): a title, not an amount. */
    private static final Pattern NAME_BEFORE = Pattern.compile("(?<![.!?]\\s)\\b[A-Z][a-z]+\\s+$");
    /** Words before a figure after which a capitalised word is no name ("In March 2020 …", "About 30 …"). */
    private static final Pattern NOT_A_NAME_BEFORE = Pattern.compile(".*\\b(?:In|On|By|Since|From|About|Over|Nearly|Some|Around|Approximately|RMB|CNY|USD|US)$");
    private static final Pattern NAME_NUMBER = Regexes.startingWith("0-9", "(?<![\\d,.])\\d+(?![\\d,.]|\\s+[a-z])");

    private NonQuantitySpans() {}

    public static boolean[] mask(String text) {
        boolean[] blocked = new boolean[text.length()];
        boolean digits = Literals.hasDigit(text);
        long literals = RULE_LITERALS.groupsIn(text);
        int shapes = digits ? shapes(text) : 0;
        for (int i = 0; i < RULES.size(); i++) {
            Rule r = RULES.get(i);
            if ((r.needsDigit() && !digits) || (r.literals() != null && (literals & (1L << i)) == 0)
                    || (r.shape() & shapes) != r.shape() || (r.test() != null && !r.test().test(text))) continue;
            Matcher m = r.pattern().matcher(text);
            while (m.find()) mark(blocked, m.start(), m.end());
        }
        if (!digits) return blocked; // the rest is about digit figures
        // matchers on regions of the text read exactly as on substrings (bounds are opaque and anchoring)
        Matcher y = LONE_YEAR.matcher(text);
        Matcher counted = COUNTED_AFTER.matcher(text), classifier = CLASSIFIER_AFTER.matcher(text), preposition = PREPOSITION_BEFORE.matcher(text);
        while (y.find()) {
            // both start with ^: lookingAt() tries the region start only, as find() would succeed nowhere else
            boolean isCounted = counted.region(y.end(), text.length()).lookingAt()
                    || classifier.region(y.end(), text.length()).lookingAt();
            if (!isCounted || preposition.region(Math.max(0, y.start() - 12), y.start()).find()) mark(blocked, y.start(), y.end());
        }
        Matcher n = NAME_NUMBER.matcher(text);
        Matcher nameBefore = NAME_BEFORE.matcher(text);
        while (n.find()) {
            int from = Math.max(0, n.start() - 20);
            if (nameBefore.region(from, n.start()).find()
                    && !NOT_A_NAME_BEFORE.matcher(text.substring(from, n.start()).trim()).matches()) {
                mark(blocked, n.start(), n.end());
            }
        }
        return blocked;
    }

    /**
     * The digit shapes of a text: a digit followed by s/n/r/t (ordinal suffixes, any case), a digit followed by an
     * ASCII letter ("5G"), an ASCII letter followed by a digit directly or after a hyphen ("G20", "COVID-19"), a
     * year-like 18xx/19xx/20xx (and one followed by -, / or .), a digit, hyphen or space, digit ("010-1234").
     */
    private static int shapes(String t) {
        int shapes = 0;
        for (int i = 1; i < t.length(); i++) {
            char p = t.charAt(i - 1), c = t.charAt(i);
            if (p >= '0' && p <= '9' && isAsciiLetter(c)) {
                shapes |= DIGIT_LETTER;
                if ("sSnNrRtT".indexOf(c) >= 0) shapes |= ORDINAL;
            }
            if (c >= '0' && c <= '9' && (isAsciiLetter(p) || (p == '-' && i >= 2 && isAsciiLetter(t.charAt(i - 2))))) shapes |= LETTER_DIGIT;
            if ((c == '-' || c == ' ') && isDigit(p) && i + 1 < t.length() && isDigit(t.charAt(i + 1))) shapes |= DIGIT_GAP_DIGIT;
            if (i + 2 < t.length() && ((p == '1' && (c == '8' || c == '9')) || (p == '2' && c == '0'))
                    && isDigit(t.charAt(i + 1)) && isDigit(t.charAt(i + 2))) {
                shapes |= YEAR4;
                if (i + 3 < t.length() && "-/.".indexOf(t.charAt(i + 3)) >= 0) shapes |= YEAR_SEPARATOR;
            }
        }
        return shapes;
    }

    /** Whether {@code c} occurs right after {@code count} Chinese numerals (一 … 十; 〇 and 零 too when four are asked for). */
    private static boolean numeralsBefore(String t, char c, int count) {
        String numerals = count == 4 ? "零〇一二三四五六七八九" : "一二三四五六七八九十";
        for (int at = t.indexOf(c, count); at >= 0; at = t.indexOf(c, at + 1)) {
            boolean all = true;
            for (int k = 1; k <= count && all; k++) all = numerals.indexOf(t.charAt(at - k)) >= 0;
            if (all) return true;
        }
        return false;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static boolean isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    private static void mark(boolean[] blocked, int from, int to) {
        for (int i = from; i < to && i < blocked.length; i++) blocked[i] = true;
    }
}
