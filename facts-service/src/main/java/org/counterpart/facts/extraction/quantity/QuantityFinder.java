package org.counterpart.facts.extraction.quantity;

import org.counterpart.facts.extraction.fact.Qualifier;
import org.counterpart.facts.extraction.text.KeyedPattern;
import org.counterpart.facts.extraction.text.Literals;
import org.counterpart.facts.extraction.text.Regexes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the figures of one sentence: Arabic digits with thousands separators and decimals, English scale
 * words (million, billion), Chinese multipliers (万, 亿) and numerals (五百万), spelled-out English numbers
 * ("five agreements"), currencies before or after (RMB, yuan, 元, $, US dollars) and qualifiers (about, more
 * than, 约, 余 …). A US-dollar amount in brackets right after a yuan amount is folded into that amount.
 */
public final class QuantityFinder {
    private static final Pattern DIGITS = Regexes.compile("(?<![\\d.,])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|(?<![\\d.,])\\d+(?:\\.\\d+)?");

    private static final Pattern CURRENCY_BEFORE = Regexes.compile("(?i)(US\\s?\\$|USD|\\$|RMB|CNY|¥|renminbi)\\s*$");
    private static final Tail SCALE_AFTER = Tail.of("tbmkTBMK-", "(?i)^(?:\\s*|-)(trillion|billion|million|thousand|bn|mn|mln|m|k)\\b");
    private static final Tail CN_SCALE_AFTER = Tail.of("万千百十亿", "^\\s*(万亿|千万|百万|十万|亿|万|千)");
    private static final Tail CN_ABOUT_AFTER = Tail.of("余多", "^\\s*(余|多)");
    private static final Tail CURRENCY_AFTER = Tail.of("yYrRcC元美uUdD",
            "(?i)^\\s*(yuan|RMB|CNY|renminbi|元|美元|US\\s+dollars|U\\.S\\.\\s+dollars|dollars|USD)\\b?");
    private static final Tail CLASSIFIER_AFTER = Tail.of("人名个項项家份所批村户次场期位", "^\\s*(人次|人|名|个|項|项|家|份|所|批|村|户|次|场|期|位)");
    private static final Tail PLUS_AFTER = Tail.of("-+oOpP以", "(?i)^(?:-plus|\\+|\\s+or\\s+more|\\s+plus)\\b?|^\\s*以上");
    private static final Tail PERSON_TIMES_AFTER = Tail.of("pPmMvV", "(?i)^\\s*(person-times|person times|man-times|visits? by persons)");

    private static final KeyedPattern APPROX_BEFORE = KeyedPattern.compile(
            "(?i)(?:\\babout|\\baround|\\bapproximately|\\bapprox\\.|\\bnearly|\\balmost|\\broughly|\\bsome|\\bclose to|"
            + "\\ban estimated|\\bestimated|约|大约|近|将近|接近|大概)\\s*(?:RMB|CNY|US\\$|\\$|¥)?\\s*$");
    private static final KeyedPattern AT_LEAST_BEFORE = KeyedPattern.compile(
            "(?i)(?:\\bmore than|(?<!handed |turned |took |taken |hand |hands |handing |handover )\\bover|\\babove|\\bat least|\\bno less than|\\bno fewer than|\\bnot less than|\\bupwards of|"
            + "\\bin excess of|\\bexceeding|\\bexceeded|\\bexceeds|\\bsurpassing|\\bsurpassed|超过|逾|超)\\s*(?:RMB|CNY|US\\$|\\$|¥)?\\s*$");

    // gaps and tails read whole (String.matches semantics, compiled once)
    private static final Pattern SHARED_QUALIFIER_GAP = Regexes.compile("(?:\\s+[A-Za-z-]+){0,4}\\s+and\\s+");
    private static final Pattern CONVERSION_GAP = Regexes.compile("\\s*[(（]\\s*(?:about|around|approximately|some|nearly|约)?\\s*");
    private static final Pattern CAPITAL_NEXT = Regexes.compile("^\\s+[A-Z][\\s\\S]*");
    private static final Pattern OF_NEXT = Regexes.compile("^\\s+of\\b[\\s\\S]*");

    /** Every match of CURRENCY_BEFORE contains one of these. */
    private static final Literals CURRENCIES = Literals.of("$", "usd", "rmb", "cny", "¥", "renminbi");

    private QuantityFinder() {}

    public static List<Quantity> find(String text) {
        // no digit, numeral or letter: nothing can be a figure, and the costly mask is not needed
        if (!mayHoldFigures(text)) return new ArrayList<>();
        Mask blocked = new Mask(text);
        Scan scan = new Scan(text);
        List<Quantity> found = new ArrayList<>();
        Matcher m = DIGITS.matcher(text).useTransparentBounds(true);
        for (int from = 0; nextDigits(m, text, from); from = m.end()) {
            if (blocked.at(m.start())) continue;
            if (m.start() > 0 && Character.isLetter(text.charAt(m.start() - 1)) && text.charAt(m.start() - 1) < 0x2E80) continue;
            BigDecimal value = new BigDecimal(m.group().replace(",", ""));
            Quantity q = complete(scan, text, m.start(), m.end(), value, false);
            if (q != null) found.add(q);
        }
        for (int[] c = nextChinese(text, 0); c != null; c = nextChinese(text, c[1])) {
            if (blocked.at(c[0])) continue;
            String run = text.substring(c[0], c[1]);
            if (run.chars().allMatch(ch -> ch == '万' || ch == '亿' || ch == '千' || ch == '百')) continue;
            // a Chinese numeral counts only when a classifier or currency follows it: 一 is too common otherwise
            if (scan.lookingAt(CLASSIFIER_AFTER, c[1]) == null && scan.lookingAt(CURRENCY_AFTER, c[1]) == null
                    && scan.lookingAt(CN_ABOUT_AFTER, c[1]) == null) continue;
            BigDecimal value = ChineseNumerals.parse(run);
            if (value == null) continue;
            Quantity q = complete(scan, text, c[0], c[1], value, false);
            if (q != null) found.add(q);
        }
        findSpelled(scan, text, blocked, found);
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Quantity> disjoint = new ArrayList<>();
        for (Quantity q : found) {
            if (disjoint.isEmpty() || q.start() >= disjoint.get(disjoint.size() - 1).end()) disjoint.add(q);
        }
        return shareQualifiers(scan, text, foldConversions(scan, text, disjoint));
    }

    /**
     * Matchers on the rest of a sentence after an offset or on a window of it, one per pattern, reused for all
     * figures of the sentence (making a matcher costs more than most of these short anchored tests). A region
     * with the default opaque, anchoring bounds reads exactly like the substring (^, $, \\b and look-behind stop
     * at its ends), minus the copy; offsets it reports are offsets into the whole sentence. A matcher is used
     * up before the next request for the same pattern.
     */
    private static final class Scan {
        private final String text;
        private final Map<Pattern, Matcher> matchers = new IdentityHashMap<>();

        Scan(String text) { this.text = text; }

        /** The *_AFTER patterns start with ^: callers use lookingAt(), which tries the region start only. */
        Matcher after(Pattern p, int from) { return window(p, from, text.length()); }

        Matcher window(Pattern p, int from, int to) {
            return matchers.computeIfAbsent(p, k -> k.matcher(text)).region(from, to);
        }

        /** The matcher of {@code tail} having matched right at {@code from}; null when it does not match there. */
        Matcher lookingAt(Tail tail, int from) {
            if (!tail.mayMatch(text, from)) return null;
            Matcher m = after(tail.pattern(), from);
            return m.lookingAt() ? m : null;
        }
    }

    /**
     * A pattern anchored right after a figure, with the characters its matches can start with once blanks are
     * skipped. Why: most figures are followed by none of them, and one character test spares the regex call.
     */
    private record Tail(Pattern pattern, String starts) {
        static Tail of(String starts, String regex) { return new Tail(Regexes.compile(regex), starts); }

        /** False only when no match can start at {@code from}: after any \\s (space, tab, line breaks) no start character. */
        boolean mayMatch(String text, int from) {
            int i = from;
            while (i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) i++;
            return i < text.length() && starts.indexOf(text.charAt(i)) >= 0;
        }
    }

    /**
     * The next match of DIGITS at or after {@code from}, as {@code find()} would give it. Why: DIGITS can only
     * start at a digit not preceded by a digit, "." or ","; testing that first spares trying the pattern at
     * every position. Transparent bounds let its look-behind see the text before the region.
     */
    private static boolean nextDigits(Matcher m, String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') continue;
            if (i > 0) {
                char p = text.charAt(i - 1);
                if ((p >= '0' && p <= '9') || p == '.' || p == ',') continue;
            }
            if (m.region(i, text.length()).lookingAt()) return true;
        }
        return false;
    }

    /**
     * The next run of Chinese numeral characters at or after {@code from} as [start, end), as the regex
     * [零〇一二两三四五六七八九十百千万亿]+ finds it;
     * null when there is none. Why by hand: a class of seventeen CJK characters is tested as a chain of
     * seventeen predicates at every position.
     */
    private static int[] nextChinese(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!isChineseNumeral(text.charAt(i))) continue;
            int end = i + 1;
            while (end < text.length() && isChineseNumeral(text.charAt(end))) end++;
            return new int[]{i, end};
        }
        return null;
    }

    /** One of 零〇一二两三四五六七八九十百千万亿, i.e. of {@link ChineseNumerals#CHARS}. */
    private static boolean isChineseNumeral(char c) {
        return c >= '\u3007' && ChineseNumerals.CHARS.indexOf(c) >= 0;
    }

    private static boolean isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    /** Whether the text has a character a figure can start with: an ASCII digit, a Chinese numeral or a letter. */
    private static boolean mayHoldFigures(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || ChineseNumerals.CHARS.indexOf(c) >= 0) return true;
        }
        return false;
    }

    /** The spans of {@link NonQuantitySpans}, worked out on first use: many sentences never ask. */
    private static final class Mask {
        private final String text;
        private boolean[] blocked;

        Mask(String text) { this.text = text; }

        boolean at(int i) {
            if (blocked == null) blocked = NonQuantitySpans.mask(text);
            return blocked[i];
        }
    }

    /** "more than 80 villages and 20,000 people": the qualifier covers both coordinated figures. */
    private static List<Quantity> shareQualifiers(Scan scan, String text, List<Quantity> found) {
        List<Quantity> out = new ArrayList<>(found);
        for (int i = 1; i < out.size(); i++) {
            Quantity prev = out.get(i - 1), q = out.get(i);
            if (q.qualifier() != Qualifier.EXACT || prev.qualifier() == Qualifier.EXACT || q.kind() != prev.kind()) continue;
            if (scan.window(SHARED_QUALIFIER_GAP, prev.end(), q.start()).matches()) out.set(i, q.withQualifier(prev.qualifier()));
        }
        return out;
    }

    /** Extends a bare number with scale, currency, classifier and qualifier words around it. */
    private static Quantity complete(Scan scan, String text, int start, int numEnd, BigDecimal value, boolean spelled) {
        int end = numEnd;
        Quantity.Kind kind = Quantity.Kind.COUNT;
        Matcher cb = scan.window(CURRENCY_BEFORE, Math.max(0, start - 30), start);
        int qStart = start;
        if (CURRENCIES.in(text, Math.max(0, start - 30), start) && cb.find()) {
            kind = cb.group(1).contains("$") || cb.group(1).equalsIgnoreCase("USD") ? Quantity.Kind.USD : Quantity.Kind.CNY;
            qStart = cb.start();
        }
        Matcher sc = scan.lookingAt(SCALE_AFTER, end);
        if (sc != null) {
            String w = sc.group(1).toLowerCase();
            // a bare "m"/"k" only counts with a currency ("$5m"); "5 m" could be metres
            if (!((w.equals("m") || w.equals("k")) && kind == Quantity.Kind.COUNT)) {
                value = value.multiply(scale(w));
                end = sc.end();
            }
        }
        Qualifier qualifier = Qualifier.EXACT;
        Matcher cn = scan.lookingAt(CN_SCALE_AFTER, end);
        if (cn != null) { value = value.multiply(chineseScale(cn.group(1))); end = cn.end(); }
        Matcher about = scan.lookingAt(CN_ABOUT_AFTER, end);
        if (about != null) { qualifier = Qualifier.AT_LEAST; end = about.end(); }
        Matcher cn2 = scan.lookingAt(CN_SCALE_AFTER, end);
        if (cn2 != null) { value = value.multiply(chineseScale(cn2.group(1))); end = cn2.end(); }
        Matcher cur = scan.lookingAt(CURRENCY_AFTER, end);
        String classifier = null;
        boolean personTimes = false;
        if (cur != null) {
            String unit = cur.group(1).toLowerCase();
            kind = unit.contains("dollar") || unit.equals("usd") || unit.equals("美元") ? Quantity.Kind.USD : Quantity.Kind.CNY;
            end = cur.end();
        } else {
            Matcher cl = scan.lookingAt(CLASSIFIER_AFTER, end);
            if (cl != null) {
                classifier = cl.group(1);
                personTimes = classifier.equals("人次");
                end = cl.end();
            }
        }
        if (scan.lookingAt(PERSON_TIMES_AFTER, end) != null) personTimes = true;
        Matcher plus = scan.lookingAt(PLUS_AFTER, end);
        if (plus != null) { qualifier = Qualifier.AT_LEAST; end = plus.end(); }
        int window = Math.max(0, qStart - 25);
        // most figures have no qualifier words before them: the literal test spares the regex scan
        if (AT_LEAST_BEFORE.mayMatch(text, window, qStart) && scan.window(AT_LEAST_BEFORE.pattern(), window, qStart).find()) qualifier = Qualifier.AT_LEAST;
        else if (APPROX_BEFORE.mayMatch(text, window, qStart) && scan.window(APPROX_BEFORE.pattern(), window, qStart).find()) qualifier = Qualifier.APPROXIMATE;
        value = value.stripTrailingZeros();
        if (value.scale() < 0) value = value.setScale(0, RoundingMode.UNNECESSARY);
        return new Quantity(qStart, end, value, kind, classifier, personTimes, qualifier,
                text.substring(qStart, end).trim(), null, spelled);
    }

    /** "five agreements", "twenty-three projects"; not a capitalised slogan ("Two Centenaries") nor "Five-Year Plan". */
    private static void findSpelled(Scan scan, String text, Mask blocked, List<Quantity> out) {
        // the runs of ASCII letters ([A-Za-z]+), found by hand
        List<int[]> words = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            if (!isAsciiLetter(text.charAt(i))) { i++; continue; }
            int end = i + 1;
            while (end < text.length() && isAsciiLetter(text.charAt(end))) end++;
            words.add(new int[]{i, end});
            i = end;
        }
        for (int i = 0; i < words.size(); i++) {
            // a run must start with a unit word: "million" alone is the scale of a digit figure, not a number
            if (!SpelledNumbers.mayBeUnit(text, words.get(i)[0], words.get(i)[1])) continue;
            String w = text.substring(words.get(i)[0], words.get(i)[1]);
            if (!SpelledNumbers.UNITS.containsKey(w.toLowerCase()) || blocked.at(words.get(i)[0])) continue;
            int at = words.get(i)[0];
            if (out.stream().anyMatch(q -> at >= q.start() && at < q.end())) continue;
            int j = i;
            List<String> run = new ArrayList<>();
            run.add(w);
            while (j + 1 < words.size()) {
                String gap = text.substring(words.get(j)[1], words.get(j + 1)[0]);
                String next = text.substring(words.get(j + 1)[0], words.get(j + 1)[1]);
                if (!(gap.equals(" ") || gap.equals("-"))) break;
                if (SpelledNumbers.isNumberWord(next) || (next.equals("and") && j + 2 < words.size()
                        && SpelledNumbers.isNumberWord(text.substring(words.get(j + 2)[0], words.get(j + 2)[1])))) {
                    run.add(next);
                    j++;
                } else break;
            }
            int start = words.get(i)[0], end = words.get(j)[1];
            boolean capital = Character.isUpperCase(w.charAt(0));
            boolean sentenceStart = text.substring(0, start).isBlank();
            boolean nameLike = capital && (!sentenceStart || scan.after(CAPITAL_NEXT, end).matches());
            if (nameLike || text.startsWith("-", end) || scan.after(OF_NEXT, end).matches()
                    || (start > 0 && text.charAt(start - 1) == '-')) { i = j; continue; }
            Long v = SpelledNumbers.value(run);
            if (v != null && v > 0) {
                Quantity q = complete(scan, text, start, end, BigDecimal.valueOf(v), true);
                if (q != null) out.add(q);
            }
            i = j;
        }
    }

    /** "2.1 billion yuan ($296 million)": the dollar figure belongs to the yuan figure, not a fact of its own. */
    private static List<Quantity> foldConversions(Scan scan, String text, List<Quantity> found) {
        List<Quantity> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Quantity q = found.get(i);
            if (q.kind() == Quantity.Kind.CNY && i + 1 < found.size()) {
                Quantity next = found.get(i + 1);
                if (next.kind() == Quantity.Kind.USD && scan.window(CONVERSION_GAP, q.end(), next.start()).matches()) {
                    int close = next.end();
                    while (close < text.length() && Character.isWhitespace(text.charAt(close))) close++;
                    if (close < text.length() && (text.charAt(close) == ')' || text.charAt(close) == '）')) close++;
                    out.add(q.withUsd(next.value(), close, text.substring(q.start(), close).trim()));
                    i++;
                    continue;
                }
            }
            out.add(q);
        }
        return out;
    }

    private static BigDecimal scale(String w) {
        return switch (w) {
            case "trillion" -> new BigDecimal("1000000000000");
            case "billion", "bn" -> new BigDecimal("1000000000");
            case "million", "mn", "mln", "m" -> new BigDecimal("1000000");
            default -> new BigDecimal("1000");
        };
    }

    private static BigDecimal chineseScale(String s) {
        return switch (s) {
            case "万亿" -> new BigDecimal("1000000000000");
            case "千万" -> new BigDecimal("10000000");
            case "百万" -> new BigDecimal("1000000");
            case "十万" -> new BigDecimal("100000");
            case "亿" -> new BigDecimal("100000000");
            case "万" -> new BigDecimal("10000");
            default -> new BigDecimal("1000");
        };
    }
}
