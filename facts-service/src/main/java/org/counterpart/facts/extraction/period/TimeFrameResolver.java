package org.counterpart.facts.extraction.period;

import org.counterpart.facts.extraction.fact.Basis;
import org.counterpart.facts.extraction.text.KeyedPattern;
import org.counterpart.facts.extraction.text.Literals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads the time frame of a sentence. Plans (will, plans to, 计划) are kept apart from actuals; an explicit
 * period ("from 2016 to 2019", "in 2018", 2019年) makes a period figure; running-total words ("up to now",
 * "so far", "since 2016", "as of the end of June", 累计, 截至) make a cumulative one, its as-of date resolved
 * against the publication date when the year is missing. A sentence without its own time words takes the
 * report's year (a yearbook entry about one year), else stays an undated period figure.
 */
public final class TimeFrameResolver {
    private static final String YEAR = "((?:19|20)\\d{2})";
    private static final KeyedPattern PLAN = KeyedPattern.compile("(?i)\\bwill\\b|\\bplans?\\s+to\\b|\\bplanned\\s+to\\b|\\bplanning\\s+to\\b"
            + "|\\b(?:is|are)\\s+(?:expected|set|scheduled|going)\\s+to\\b|\\baims?\\s+to\\b|\\bstrives?\\s+to\\b|\\btargets?\\s+(?:of|to)\\b"
            + "|计划|预计|力争|拟|将于|将要");
    private static final KeyedPattern RANGE = KeyedPattern.startingWith("fFbB\\s12", "(?i)(?:\\bfrom|\\bbetween)?\\s*" + YEAR + "\\s*年?\\s*(?:-|–|—|~|to|and|through|until|至|到)\\s*" + YEAR + "(?!\\d)");
    private static final KeyedPattern CUMULATIVE = KeyedPattern.compile("(?i)\\bup\\s+to\\s+now\\b|\\bso\\s+far\\b|\\bto\\s+date\\b|\\bas\\s+(?:of|at)\\b"
            + "|\\bby\\s+the\\s+end\\s+of\\b|\\buntil\\s+now\\b|\\bsince\\b|\\bcumulative(?:ly)?\\b|\\bin\\s+total\\b|\\bat\\s+present\\b"
            + "|\\bcurrently\\b|\\bover\\s+the\\s+(?:past|last)\\s+(?:few\\s+|several\\s+|\\w+\\s+)?years\\b|\\bin\\s+recent\\s+years\\b"
            + "|累计|截至|截止|至今|以来|目前|迄今|现有");
    /** "the highest since 2013": a comparison, not a running total. */
    private static final KeyedPattern SUPERLATIVE_SINCE = KeyedPattern.compile(
            "(?i)\\b(?:highest|largest|biggest|most|best|lowest|first|record)\\b(?:\\s+\\S+){0,6}?\\s+since\\b");
    /** "in four years", "over the past three years", 四年来, 近三年: a span ending at publication. */
    private static final KeyedPattern RELATIVE_YEARS = KeyedPattern.startingWith("iIoOdDwW近这过二两三四五六七八九十0-9",
            "(?i)\\b(?:in|over|during|within)\\s+(?:the\\s+)?(?:(?:past|last|previous)\\s+)?(two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+years\\b(?!\\s+(?:ago|later|before|after|from))"
            + "|(?<![\\d〇零一二两三四五六七八九十])(?:近|这|过去)?([二两三四五六七八九十]|\\d{1,2})年(?:来|以来|间|中)");
    /** A running total within the current year: "so far this year", 今年以来, "since the start of this year". */
    private static final KeyedPattern THIS_YEAR_TO_DATE = KeyedPattern.compile(
            "(?i)\\bso\\s+far\\s+this\\s+year\\b|\\bsince\\s+the\\s+(?:start|beginning)\\s+of\\s+(?:this|the)\\s+year\\b|\\bthis\\s+year\\s+so\\s+far\\b"
            + "|今年以来|年初以来|今年(?:已|累计)|截至今年");
    private static final KeyedPattern PRESENT_PERFECT = KeyedPattern.compile(
            "(?i)\\b(?:has|have)\\s+(?:also\\s+|already\\s+|so\\s+far\\s+|now\\s+)?(?:been\\s+)?(?:[a-z]+ed|sent|built|brought|given|made|taken|sold|bought|won|put|set|held)\\b");
    /** A plan word after a figure governs it only in the passive: "30 projects are planned". */
    private static final KeyedPattern PLAN_AFTER = KeyedPattern.compile("(?i)\\b(?:is|are|have\\s+been|has\\s+been)\\s+(?:planned|expected|scheduled|budgeted|earmarked)\\b");
    private static final KeyedPattern PAST_MARKER = KeyedPattern.compile("(?i)\\b(?:has|have|had|was|were|did)\\b|已|累计|完成|实际");
    private static final KeyedPattern WEAK_CUMULATIVE = KeyedPattern.compile("(?i)\\ba\\s+total\\s+of\\b|\\btotall?(?:ing|ed)\\b|共计|总计|合计");
    private static final KeyedPattern SINCE_YEAR = KeyedPattern.compile("(?i)\\bsince\\s+(?:the\\s+(?:year\\s+|end\\s+of\\s+|beginning\\s+of\\s+)?)?" + YEAR + "|" + YEAR + "\\s*年\\s*以来");
    private static final KeyedPattern AS_OF_MONTH = KeyedPattern.compile("(?i)(?:\\bas\\s+(?:of|at)|\\bby|\\buntil|\\bup\\s+to)\\s+(?:the\\s+end\\s+of\\s+)?"
            + Months.PATTERN + "(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?(?:,?\\s*" + YEAR + ")?");
    private static final KeyedPattern AS_OF_YEAR_END = KeyedPattern.compile("(?i)(?:\\bas\\s+(?:of|at)|\\bby)\\s+the\\s+end\\s+of\\s+" + YEAR);
    private static final KeyedPattern ZH_AS_OF = KeyedPattern.compile("(?:截至|截止|到)\\s*(?:" + YEAR + "\\s*年|今年)?\\s*(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*日|底|末)?");
    private static final KeyedPattern ZH_AS_OF_YEAR = KeyedPattern.compile("(?:截至|截止|到)\\s*" + YEAR + "\\s*年\\s*(?:底|末)?");
    private static final KeyedPattern MONTH_YEAR = KeyedPattern.compile("(?i)\\bin\\s+" + Months.PATTERN + ",?\\s+" + YEAR);
    private static final KeyedPattern IN_YEAR = KeyedPattern.startingWith("iIdDtTfF\\s【12", "(?i)(?:\\bin|\\bduring|\\bthroughout|\\bfor)\\s+(?:the\\s+(?:whole\\s+|entire\\s+)?year\\s+(?:of\\s+)?)?" + YEAR + "(?!\\d)"
            + "|^\\s*(?:【[^】]*】\\s*)?" + YEAR + "(?=\\s*,|\\s+(?:is|was|saw)\\b)|" + YEAR + "\\s*年(?!\\s*以来)(?!\\s*[至到-])");
    private static final KeyedPattern LAST_YEAR = KeyedPattern.compile("(?i)\\blast\\s+year\\b|去年");
    private static final KeyedPattern THIS_YEAR = KeyedPattern.compile("(?i)\\bthis\\s+year\\b|今年|本年");

    private static final Literals YEARS_WORD = Literals.of("years", "年");
    private static final Literals SINCE = Literals.of("since");

    private TimeFrameResolver() {}

    /**
     * @param published    the report's publication date, or null
     * @param documentYear the single year a report is about (yearbook entries), or null
     */
    public static TimeFrame resolve(String sentence, LocalDate published, Integer documentYear) {
        Optional<TimeFrame> own = explicit(sentence, published);
        if (own.isPresent()) return own.get();
        if (documentYear != null) {
            return new TimeFrame(Basis.PERIOD, LocalDate.of(documentYear, 1, 1), LocalDate.of(documentYear, 12, 31), null);
        }
        if (WEAK_CUMULATIVE.foundIn(sentence)) return new TimeFrame(Basis.CUMULATIVE, null, null, published);
        // "Guangzhou has sent 410 officials": a present-perfect figure is a running total as of publication
        if (published != null && PRESENT_PERFECT.foundIn(sentence)) return new TimeFrame(Basis.CUMULATIVE, null, null, published);
        return new TimeFrame(Basis.PERIOD, null, null, null);
    }

    /**
     * Whether the plan words of a sentence govern the figure at [from, to): a plan word before it with no
     * past-tense marker in between ("will send another forty"), or one after it before the next figure
     * ("30 projects are planned"). "Tianjin has sent 23 teachers and will send another forty": only 40 is a plan.
     */
    public static boolean planGoverns(String text, int from, int to, int nextFigure) {
        Matcher m = PLAN.matcher(text);
        boolean plan = PLAN.mayMatch(text);
        while (plan && m.find()) {
            if (m.end() <= from && !PAST_MARKER.foundIn(text.substring(m.end(), from))) return true;
        }
        if (!PLAN_AFTER.mayMatch(text)) return false;
        Matcher after = PLAN_AFTER.matcher(text);
        return after.find(to) && after.start() < nextFigure;
    }

    /** The sentence with its plan words blanked out (same length), for reading an actual figure's time frame. */
    public static String withoutPlanWords(String text) {
        if (!PLAN.mayMatch(text)) return text;
        Matcher m = PLAN.matcher(text);
        StringBuilder sb = new StringBuilder(text);
        while (m.find()) for (int i = m.start(); i < m.end(); i++) sb.setCharAt(i, ' ');
        return sb.toString();
    }

    /** The time frame the text itself states (plan, period, running total), if it states one. */
    public static Optional<TimeFrame> explicit(String sentence, LocalDate published) {
        return Optional.ofNullable(explicitOrNull(sentence, published));
    }

    private static TimeFrame explicitOrNull(String sentence, LocalDate published) {
        sentence = withoutComparisons(sentence);
        Integer pubYear = published == null ? null : published.getYear();
        Matcher range = RANGE.findIn(sentence);
        boolean hasRange = range != null;
        if (PLAN.foundIn(sentence)) {
            if (hasRange) return new TimeFrame(Basis.PLAN, jan1(range.group(1)), dec31(range.group(2)), null);
            Matcher y = IN_YEAR.findIn(sentence);
            if (y != null) { String yr = firstNonNull(y); return new TimeFrame(Basis.PLAN, jan1(yr), dec31(yr), null); }
            return new TimeFrame(Basis.PLAN, null, null, null);
        }
        if (hasRange) return new TimeFrame(Basis.PERIOD, jan1(range.group(1)), dec31(range.group(2)), null);
        TimeFrame relative = relativeYears(sentence, published);
        if (relative != null) return relative;
        if (cumulative(sentence)) {
            LocalDate start = null;
            Matcher since = SINCE_YEAR.findIn(sentence);
            if (since != null) start = jan1(firstNonNull(since));
            else if (pubYear != null && THIS_YEAR_TO_DATE.foundIn(sentence)) start = LocalDate.of(pubYear, 1, 1);
            return new TimeFrame(Basis.CUMULATIVE, start, null, asOf(sentence, published));
        }
        Matcher my = MONTH_YEAR.findIn(sentence);
        if (my != null) {
            YearMonth ym = YearMonth.of(Integer.parseInt(my.group(2)), Months.number(my.group(1)));
            return new TimeFrame(Basis.PERIOD, ym.atDay(1), ym.atEndOfMonth(), null);
        }
        Matcher y = IN_YEAR.findIn(sentence);
        if (y != null) { String yr = firstNonNull(y); return new TimeFrame(Basis.PERIOD, jan1(yr), dec31(yr), null); }
        if (pubYear != null && LAST_YEAR.foundIn(sentence)) {
            return new TimeFrame(Basis.PERIOD, LocalDate.of(pubYear - 1, 1, 1), LocalDate.of(pubYear - 1, 12, 31), null);
        }
        if (pubYear != null && THIS_YEAR.foundIn(sentence)) {
            return new TimeFrame(Basis.PERIOD, LocalDate.of(pubYear, 1, 1), null, null);
        }
        return null;
    }

    /** Blanks "the highest since …" up to the end of its clause: a comparison, not the figure's own time. */
    static String withoutComparisons(String sentence) {
        if (!SINCE.in(sentence)) return sentence; // every match ends in "since"
        Matcher m = SUPERLATIVE_SINCE.matcher(sentence);
        if (!m.find()) return sentence;
        StringBuilder sb = new StringBuilder(sentence);
        int i = m.start();
        while (i < sb.length() && ",;，；。".indexOf(sb.charAt(i)) < 0) sb.setCharAt(i++, ' ');
        return sb.toString();
    }

    /** Running-total words, not counting a superlative's "since" ("the highest since 2013"). */
    private static boolean cumulative(String sentence) {
        if (!CUMULATIVE.mayMatch(sentence)) return false;
        Matcher m = CUMULATIVE.matcher(sentence);
        while (m.find()) {
            if (!m.group().equalsIgnoreCase("since")) return true;
            Matcher sup = SUPERLATIVE_SINCE.matcher(sentence);
            boolean superlative = false;
            while (sup.find()) if (sup.end() == m.end()) superlative = true;
            if (!superlative) return true;
        }
        return false;
    }

    /**
     * "In four years" / 四年来 in a report published in 2020 covers 2017 to the publication date; a report
     * published in the first quarter looks back on the years before it (Jan 2016: "five years" = 2011-2015).
     */
    private static TimeFrame relativeYears(String sentence, LocalDate published) {
        if (published == null) return null;
        if (!YEARS_WORD.in(sentence)) return null; // every match says "years" or 年
        Matcher m = RELATIVE_YEARS.matcher(sentence);
        if (!m.find()) return null;
        String n = m.group(1) != null ? m.group(1) : m.group(2);
        int years = count(n);
        if (years < 2 || years > 20) return null;
        if (published.getMonthValue() <= 3) {
            int last = published.getYear() - 1;
            return new TimeFrame(Basis.PERIOD, LocalDate.of(last - years + 1, 1, 1), LocalDate.of(last, 12, 31), null);
        }
        return new TimeFrame(Basis.PERIOD, LocalDate.of(published.getYear() - years + 1, 1, 1), published, null);
    }

    private static int count(String n) {
        if (Character.isDigit(n.charAt(0))) return Integer.parseInt(n);
        int i = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten").indexOf(n.toLowerCase(java.util.Locale.ROOT));
        if (i >= 0) return i;
        return "〇一二三四五六七八九十".indexOf(n.charAt(0)) >= 0 ? "〇一二三四五六七八九十".indexOf(n.charAt(0)) : n.equals("两") ? 2 : -1;
    }

    /** The as-of date of a running total: an explicit month/date, else the publication date. */
    static LocalDate asOf(String sentence, LocalDate published) {
        Matcher ye = AS_OF_YEAR_END.findIn(sentence);
        if (ye != null) return dec31(ye.group(1));
        Matcher m = AS_OF_MONTH.findIn(sentence);
        if (m != null) {
            int month = Months.number(m.group(1));
            Integer year = m.group(3) != null ? Integer.valueOf(m.group(3)) : inferYear(month, published);
            if (year == null) return null;
            return m.group(2) != null ? safeDate(year, month, Integer.parseInt(m.group(2))) : YearMonth.of(year, month).atEndOfMonth();
        }
        Matcher z = ZH_AS_OF.findIn(sentence);
        if (z != null) {
            int month = Integer.parseInt(z.group(2));
            if (month < 1 || month > 12) return published;
            Integer year = z.group(1) != null ? Integer.valueOf(z.group(1)) : inferYear(month, published);
            if (year == null) return null;
            return z.group(3) != null ? safeDate(year, month, Integer.parseInt(z.group(3))) : YearMonth.of(year, month).atEndOfMonth();
        }
        Matcher zy = ZH_AS_OF_YEAR.findIn(sentence);
        if (zy != null) return dec31(zy.group(1));
        return published;
    }

    /** A month without a year is the latest such month not after the publication date. */
    private static Integer inferYear(int month, LocalDate published) {
        if (published == null) return null;
        return month <= published.getMonthValue() ? published.getYear() : published.getYear() - 1;
    }

    private static LocalDate safeDate(int y, int m, int d) {
        YearMonth ym = YearMonth.of(y, m);
        return d >= 1 && d <= ym.lengthOfMonth() ? ym.atDay(d) : ym.atEndOfMonth();
    }

    private static String firstNonNull(Matcher m) {
        for (int i = 1; i <= m.groupCount(); i++) if (m.group(i) != null) return m.group(i);
        return null;
    }

    private static LocalDate jan1(String y) { return LocalDate.of(Integer.parseInt(y), 1, 1); }

    private static LocalDate dec31(String y) { return LocalDate.of(Integer.parseInt(y), 12, 31); }
}
