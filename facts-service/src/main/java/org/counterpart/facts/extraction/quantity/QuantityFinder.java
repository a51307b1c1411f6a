package org.counterpart.facts.extraction.quantity;

import org.counterpart.facts.extraction.Qualifier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the figures of one sentence: Arabic digits with thousands separators and decimals, English scale
 * words (million, billion), Chinese multipliers (万, 亿) and numerals (五百万), spelled-out English numbers
 * ("five agreements"), currencies before or after (RMB, yuan, 元, $, US dollars) and qualifiers (about, more
 * than, 约, 余 …). A US-dollar amount in brackets right after a yuan amount is folded into that amount.
 */
public final class QuantityFinder {
    private static final Pattern DIGITS = Pattern.compile("(?<![\\d.,])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|(?<![\\d.,])\\d+(?:\\.\\d+)?");
    private static final Pattern CHINESE = Pattern.compile("[零〇一二两三四五六七八九十百千万亿]+");
    private static final Pattern SPELLED_WORD = Pattern.compile("[A-Za-z]+");

    private static final Pattern CURRENCY_BEFORE = Pattern.compile("(?i)(US\\s?\\$|USD|\\$|RMB|CNY|¥|renminbi)\\s*$");
    private static final Pattern SCALE_AFTER = Pattern.compile("(?i)^(?:\\s*|-)(trillion|billion|million|thousand|bn|mn|mln|m|k)\\b");
    private static final Pattern CN_SCALE_AFTER = Pattern.compile("^\\s*(万亿|千万|百万|十万|亿|万|千)");
    private static final Pattern CN_ABOUT_AFTER = Pattern.compile("^\\s*(余|多)");
    private static final Pattern CURRENCY_AFTER = Pattern.compile(
            "(?i)^\\s*(yuan|RMB|CNY|renminbi|元|美元|US\\s+dollars|U\\.S\\.\\s+dollars|dollars|USD)\\b?");
    private static final Pattern CLASSIFIER_AFTER = Pattern.compile("^\\s*(人次|人|名|个|項|项|家|份|所|批|村|户|次|场|期|位)");
    private static final Pattern PLUS_AFTER = Pattern.compile("(?i)^(?:-plus|\\+|\\s+or\\s+more|\\s+plus)\\b?|^\\s*以上");
    private static final Pattern PERSON_TIMES_AFTER = Pattern.compile("(?i)^\\s*(person-times|person times|man-times|visits? by persons)");

    private static final Pattern APPROX_BEFORE = Pattern.compile(
            "(?i)(?:\\babout|\\baround|\\bapproximately|\\bapprox\\.|\\bnearly|\\balmost|\\broughly|\\bsome|\\bclose to|"
            + "\\ban estimated|\\bestimated|约|大约|近|将近|接近|大概)\\s*(?:RMB|CNY|US\\$|\\$|¥)?\\s*$");
    private static final Pattern AT_LEAST_BEFORE = Pattern.compile(
            "(?i)(?:\\bmore than|(?<!handed |turned |took |taken |hand |hands |handing |handover )\\bover|\\babove|\\bat least|\\bno less than|\\bno fewer than|\\bnot less than|\\bupwards of|"
            + "\\bin excess of|\\bexceeding|\\bexceeded|\\bexceeds|\\bsurpassing|\\bsurpassed|超过|逾|超)\\s*(?:RMB|CNY|US\\$|\\$|¥)?\\s*$");

    private QuantityFinder() {}

    public static List<Quantity> find(String text) {
        boolean[] blocked = NonQuantitySpans.mask(text);
        List<Quantity> found = new ArrayList<>();
        Matcher m = DIGITS.matcher(text);
        while (m.find()) {
            if (blocked[m.start()]) continue;
            if (m.start() > 0 && Character.isLetter(text.charAt(m.start() - 1)) && text.charAt(m.start() - 1) < 0x2E80) continue;
            BigDecimal value = new BigDecimal(m.group().replace(",", ""));
            Quantity q = complete(text, m.start(), m.end(), value, false);
            if (q != null) found.add(q);
        }
        Matcher c = CHINESE.matcher(text);
        while (c.find()) {
            if (blocked[c.start()]) continue;
            String run = c.group();
            if (run.chars().allMatch(ch -> ch == '万' || ch == '亿' || ch == '千' || ch == '百')) continue;
            // a Chinese numeral counts only when a classifier or currency follows it: 一 is too common otherwise
            String after = text.substring(c.end());
            if (!CLASSIFIER_AFTER.matcher(after).find() && !CURRENCY_AFTER.matcher(after).find()
                    && !CN_ABOUT_AFTER.matcher(after).find()) continue;
            BigDecimal value = ChineseNumerals.parse(run);
            if (value == null) continue;
            Quantity q = complete(text, c.start(), c.end(), value, false);
            if (q != null) found.add(q);
        }
        findSpelled(text, blocked, found);
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Quantity> disjoint = new ArrayList<>();
        for (Quantity q : found) {
            if (disjoint.isEmpty() || q.start() >= disjoint.get(disjoint.size() - 1).end()) disjoint.add(q);
        }
        return shareQualifiers(text, foldConversions(text, disjoint));
    }

    /** "more than 80 villages and 20,000 people": the qualifier covers both coordinated figures. */
    private static List<Quantity> shareQualifiers(String text, List<Quantity> found) {
        List<Quantity> out = new ArrayList<>(found);
        for (int i = 1; i < out.size(); i++) {
            Quantity prev = out.get(i - 1), q = out.get(i);
            if (q.qualifier() != Qualifier.EXACT || prev.qualifier() == Qualifier.EXACT || q.kind() != prev.kind()) continue;
            String gap = text.substring(prev.end(), q.start());
            if (gap.matches("(?:\\s+[A-Za-z-]+){0,4}\\s+and\\s+")) out.set(i, q.withQualifier(prev.qualifier()));
        }
        return out;
    }

    /** Extends a bare number with scale, currency, classifier and qualifier words around it. */
    private static Quantity complete(String text, int start, int numEnd, BigDecimal value, boolean spelled) {
        int end = numEnd;
        Quantity.Kind kind = Quantity.Kind.COUNT;
        String before = text.substring(Math.max(0, start - 30), start);
        Matcher cb = CURRENCY_BEFORE.matcher(before);
        int qStart = start;
        if (cb.find()) {
            kind = cb.group(1).contains("$") || cb.group(1).equalsIgnoreCase("USD") ? Quantity.Kind.USD : Quantity.Kind.CNY;
            qStart = start - (before.length() - cb.start());
        }
        Matcher sc = SCALE_AFTER.matcher(text.substring(end));
        if (sc.find()) {
            String w = sc.group(1).toLowerCase();
            // a bare "m"/"k" only counts with a currency ("$5m"); "5 m" could be metres
            if (!((w.equals("m") || w.equals("k")) && kind == Quantity.Kind.COUNT)) {
                value = value.multiply(scale(w));
                end += sc.end();
            }
        }
        Qualifier qualifier = Qualifier.EXACT;
        Matcher cn = CN_SCALE_AFTER.matcher(text.substring(end));
        if (cn.find()) { value = value.multiply(chineseScale(cn.group(1))); end += cn.end(); }
        Matcher about = CN_ABOUT_AFTER.matcher(text.substring(end));
        if (about.find()) { qualifier = Qualifier.AT_LEAST; end += about.end(); }
        Matcher cn2 = CN_SCALE_AFTER.matcher(text.substring(end));
        if (cn2.find()) { value = value.multiply(chineseScale(cn2.group(1))); end += cn2.end(); }
        Matcher cur = CURRENCY_AFTER.matcher(text.substring(end));
        String classifier = null;
        boolean personTimes = false;
        if (cur.find()) {
            String unit = cur.group(1).toLowerCase();
            kind = unit.contains("dollar") || unit.equals("usd") || unit.equals("美元") ? Quantity.Kind.USD : Quantity.Kind.CNY;
            end += cur.end();
        } else {
            Matcher cl = CLASSIFIER_AFTER.matcher(text.substring(end));
            if (cl.find()) {
                classifier = cl.group(1);
                personTimes = classifier.equals("人次");
                end += cl.end();
            }
        }
        Matcher pt = PERSON_TIMES_AFTER.matcher(text.substring(end));
        if (pt.find()) personTimes = true;
        Matcher plus = PLUS_AFTER.matcher(text.substring(end));
        if (plus.find()) { qualifier = Qualifier.AT_LEAST; end += plus.end(); }
        if (AT_LEAST_BEFORE.matcher(text.substring(Math.max(0, qStart - 25), qStart)).find()) qualifier = Qualifier.AT_LEAST;
        else if (APPROX_BEFORE.matcher(text.substring(Math.max(0, qStart - 25), qStart)).find()) qualifier = Qualifier.APPROXIMATE;
        value = value.stripTrailingZeros();
        if (value.scale() < 0) value = value.setScale(0, RoundingMode.UNNECESSARY);
        return new Quantity(qStart, end, value, kind, classifier, personTimes, qualifier,
                text.substring(qStart, end).trim(), null, spelled);
    }

    /** "five agreements", "twenty-three projects"; not a capitalised slogan ("Two Centenaries") nor "Five-Year Plan". */
    private static void findSpelled(String text, boolean[] blocked, List<Quantity> out) {
        Matcher m = SPELLED_WORD.matcher(text);
        List<int[]> words = new ArrayList<>();
        while (m.find()) words.add(new int[]{m.start(), m.end()});
        for (int i = 0; i < words.size(); i++) {
            String w = text.substring(words.get(i)[0], words.get(i)[1]);
            // a run must start with a unit word: "million" alone is the scale of a digit figure, not a number
            if (!SpelledNumbers.UNITS.containsKey(w.toLowerCase()) || blocked[words.get(i)[0]]) continue;
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
            String after = text.substring(end);
            boolean nameLike = capital && (!sentenceStart || after.matches("^\\s+[A-Z][\\s\\S]*"));
            if (nameLike || after.startsWith("-") || after.matches("^\\s+of\\b[\\s\\S]*")
                    || (start > 0 && text.charAt(start - 1) == '-')) { i = j; continue; }
            Long v = SpelledNumbers.value(run);
            if (v != null && v > 0) {
                Quantity q = complete(text, start, end, BigDecimal.valueOf(v), true);
                if (q != null) out.add(q);
            }
            i = j;
        }
    }

    /** "2.1 billion yuan ($296 million)": the dollar figure belongs to the yuan figure, not a fact of its own. */
    private static List<Quantity> foldConversions(String text, List<Quantity> found) {
        List<Quantity> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Quantity q = found.get(i);
            if (q.kind() == Quantity.Kind.CNY && i + 1 < found.size()) {
                Quantity next = found.get(i + 1);
                String gap = text.substring(q.end(), next.start());
                if (next.kind() == Quantity.Kind.USD && gap.matches("\\s*[(（]\\s*(?:about|around|approximately|some|nearly|约)?\\s*")) {
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
