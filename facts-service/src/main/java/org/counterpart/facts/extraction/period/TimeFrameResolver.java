package org.counterpart.facts.extraction.period;

import org.counterpart.facts.extraction.Basis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time frame of a sentence. Plans (will, plans to, 计划) are kept apart from actuals; an explicit
 * period ("from 2016 to 2019", "in 2018", 2019年) makes a period figure; running-total words ("up to now",
 * "so far", "since 2016", "as of the end of June", 累计, 截至) make a cumulative one, its as-of date resolved
 * against the publication date when the year is missing. A sentence without its own time words takes the
 * report's year (a yearbook entry about one year), else stays an undated period figure.
 */
public final class TimeFrameResolver {
    private static final String YEAR = "((?:19|20)\\d{2})";
    private static final Pattern PLAN = Pattern.compile("(?i)\\bwill\\b|\\bplans?\\s+to\\b|\\bplanned\\s+to\\b|\\bplanning\\s+to\\b"
            + "|\\b(?:is|are)\\s+(?:expected|set|scheduled|going)\\s+to\\b|\\baims?\\s+to\\b|\\bstrives?\\s+to\\b|\\btargets?\\s+(?:of|to)\\b"
            + "|计划|预计|力争|拟|将于|将要");
    private static final Pattern RANGE = Pattern.compile("(?i)(?:\\bfrom|\\bbetween)?\\s*" + YEAR + "\\s*年?\\s*(?:-|–|—|~|to|and|through|until|至|到)\\s*" + YEAR + "(?!\\d)");
    private static final Pattern CUMULATIVE = Pattern.compile("(?i)\\bup\\s+to\\s+now\\b|\\bso\\s+far\\b|\\bto\\s+date\\b|\\bas\\s+(?:of|at)\\b"
            + "|\\bby\\s+the\\s+end\\s+of\\b|\\buntil\\s+now\\b|\\bsince\\b|\\bcumulative(?:ly)?\\b|\\bin\\s+total\\b|\\bat\\s+present\\b"
            + "|\\bcurrently\\b|\\bover\\s+the\\s+(?:past|last)\\s+(?:few\\s+|several\\s+|\\w+\\s+)?years\\b|\\bin\\s+recent\\s+years\\b"
            + "|累计|截至|截止|至今|以来|目前|迄今|现有");
    /** "the highest since 2013": a comparison, not a running total. */
    private static final Pattern SUPERLATIVE_SINCE = Pattern.compile(
            "(?i)\\b(?:highest|largest|biggest|most|best|lowest|first|record)\\b(?:\\s+\\S+){0,6}?\\s+since\\b");
    /** "in four years", "over the past three years", 四年来, 近三年: a span ending at publication. */
    private static final Pattern RELATIVE_YEARS = Pattern.compile(
            "(?i)\\b(?:in|over|during|within)\\s+(?:the\\s+)?(?:(?:past|last|previous)\\s+)?(two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+years\\b(?!\\s+(?:ago|later|before|after|from))"
            + "|(?<![\\d〇零一二两三四五六七八九十])(?:近|这|过去)?([二两三四五六七八九十]|\\d{1,2})年(?:来|以来|间|中)");
    /** A running total within the current year: "so far this year", 今年以来, "since the start of this year". */
    private static final Pattern THIS_YEAR_TO_DATE = Pattern.compile(
            "(?i)\\bso\\s+far\\s+this\\s+year\\b|\\bsince\\s+the\\s+(?:start|beginning)\\s+of\\s+(?:this|the)\\s+year\\b|\\bthis\\s+year\\s+so\\s+far\\b"
            + "|今年以来|年初以来|今年(?:已|累计)|截至今年");
    private static final Pattern PRESENT_PERFECT = Pattern.compile(
            "(?i)\\b(?:has|have)\\s+(?:also\\s+|already\\s+|so\\s+far\\s+|now\\s+)?(?:been\\s+)?(?:[a-z]+ed|sent|built|brought|given|made|taken|sold|bought|won|put|set|held)\\b");
    /** A plan word after a figure governs it only in the passive: "30 projects are planned". */
    private static final Pattern PLAN_AFTER = Pattern.compile("(?i)\\b(?:is|are|have\\s+been|has\\s+been)\\s+(?:planned|expected|scheduled|budgeted|earmarked)\\b");
    private static final Pattern PAST_MARKER = Pattern.compile("(?i)\\b(?:has|have|had|was|were|did)\\b|已|累计|完成|实际");
    private static final Pattern WEAK_CUMULATIVE = Pattern.compile("(?i)\\ba\\s+total\\s+of\\b|\\btotall?(?:ing|ed)\\b|共计|总计|合计");
    private static final Pattern SINCE_YEAR = Pattern.compile("(?i)\\bsince\\s+(?:the\\s+(?:year\\s+|end\\s+of\\s+|beginning\\s+of\\s+)?)?" + YEAR + "|" + YEAR + "\\s*年\\s*以来");
    private static final Pattern AS_OF_MONTH = Pattern.compile("(?i)(?:\\bas\\s+(?:of|at)|\\bby|\\buntil|\\bup\\s+to)\\s+(?:the\\s+end\\s+of\\s+)?"
            + Months.PATTERN + "(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?(?:,?\\s*" + YEAR + ")?");
    private static final Pattern AS_OF_YEAR_END = Pattern.compile("(?i)(?:\\bas\\s+(?:of|at)|\\bby)\\s+the\\s+end\\s+of\\s+" + YEAR);
    private static final Pattern ZH_AS_OF = Pattern.compile("(?:截至|截止|到)\\s*(?:" + YEAR + "\\s*年|今年)?\\s*(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*日|底|末)?");
    private static final Pattern ZH_AS_OF_YEAR = Pattern.compile("(?:截至|截止|到)\\s*" + YEAR + "\\s*年\\s*(?:底|末)?");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?i)\\bin\\s+" + Months.PATTERN + ",?\\s+" + YEAR);
    private static final Pattern IN_YEAR = Pattern.compile("(?i)(?:\\bin|\\bduring|\\bthroughout|\\bfor)\\s+(?:the\\s+(?:whole\\s+|entire\\s+)?year\\s+(?:of\\s+)?)?" + YEAR + "(?!\\d)"
            + "|^\\s*(?:【[^】]*】\\s*)?" + YEAR + "(?=\\s*,|\\s+(?:is|was|saw)\\b)|" + YEAR + "\\s*年(?!\\s*以来)(?!\\s*[至到-])");
    private static final Pattern LAST_YEAR = Pattern.compile("(?i)\\blast\\s+year\\b|去年");
    private static final Pattern THIS_YEAR = Pattern.compile("(?i)\\bthis\\s+year\\b|今年|本年");

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
        if (WEAK_CUMULATIVE.matcher(sentence).find()) return new TimeFrame(Basis.CUMULATIVE, null, null, published);
        // "Guangzhou has sent 410 officials": a present-perfect figure is a running total as of publication
        if (published != null && PRESENT_PERFECT.matcher(sentence).find()) return new TimeFrame(Basis.CUMULATIVE, null, null, published);
        return new TimeFrame(Basis.PERIOD, null, null, null);
    }

    /**
     * Whether the plan words of a sentence govern the figure at [from, to): a plan word before it with no
     * past-tense marker in between ("will send another forty"), or one after it before the next figure
     * ("30 projects are planned"). "Tianjin has sent 23 teachers and will send another forty": only 40 is a plan.
     */
    public static boolean planGoverns(String text, int from, int to, int nextFigure) {
        Matcher m = PLAN.matcher(text);
        while (m.find()) {
            if (m.end() <= from && !PAST_MARKER.matcher(text.substring(m.end(), from)).find()) return true;
        }
        Matcher after = PLAN_AFTER.matcher(text);
        return after.find(to) && after.start() < nextFigure;
    }

    /** The sentence with its plan words blanked out (same length), for reading an actual figure's time frame. */
    public static String withoutPlanWords(String text) {
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
        Matcher range = RANGE.matcher(sentence);
        boolean hasRange = range.find();
        if (PLAN.matcher(sentence).find()) {
            if (hasRange) return new TimeFrame(Basis.PLAN, jan1(range.group(1)), dec31(range.group(2)), null);
            Matcher y = IN_YEAR.matcher(sentence);
            if (y.find()) { String yr = firstNonNull(y); return new TimeFrame(Basis.PLAN, jan1(yr), dec31(yr), null); }
            return new TimeFrame(Basis.PLAN, null, null, null);
        }
        if (hasRange) return new TimeFrame(Basis.PERIOD, jan1(range.group(1)), dec31(range.group(2)), null);
        TimeFrame relative = relativeYears(sentence, published);
        if (relative != null) return relative;
        if (cumulative(sentence)) {
            LocalDate start = null;
            Matcher since = SINCE_YEAR.matcher(sentence);
            if (since.find()) start = jan1(firstNonNull(since));
            else if (pubYear != null && THIS_YEAR_TO_DATE.matcher(sentence).find()) start = LocalDate.of(pubYear, 1, 1);
            return new TimeFrame(Basis.CUMULATIVE, start, null, asOf(sentence, published));
        }
        Matcher my = MONTH_YEAR.matcher(sentence);
        if (my.find()) {
            YearMonth ym = YearMonth.of(Integer.parseInt(my.group(2)), Months.number(my.group(1)));
            return new TimeFrame(Basis.PERIOD, ym.atDay(1), ym.atEndOfMonth(), null);
        }
        Matcher y = IN_YEAR.matcher(sentence);
        if (y.find()) { String yr = firstNonNull(y); return new TimeFrame(Basis.PERIOD, jan1(yr), dec31(yr), null); }
        if (pubYear != null && LAST_YEAR.matcher(sentence).find()) {
            return new TimeFrame(Basis.PERIOD, LocalDate.of(pubYear - 1, 1, 1), LocalDate.of(pubYear - 1, 12, 31), null);
        }
        if (pubYear != null && THIS_YEAR.matcher(sentence).find()) {
            return new TimeFrame(Basis.PERIOD, LocalDate.of(pubYear, 1, 1), null, null);
        }
        return null;
    }

    /** Blanks "the highest since …" up to the end of its clause: a comparison, not the figure's own time. */
    static String withoutComparisons(String sentence) {
        Matcher m = SUPERLATIVE_SINCE.matcher(sentence);
        if (!m.find()) return sentence;
        StringBuilder sb = new StringBuilder(sentence);
        int i = m.start();
        while (i < sb.length() && ",;，；。".indexOf(sb.charAt(i)) < 0) sb.setCharAt(i++, ' ');
        return sb.toString();
    }

    /** Running-total words, not counting a superlative's "since" ("the highest since 2013"). */
    private static boolean cumulative(String sentence) {
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
        Matcher ye = AS_OF_YEAR_END.matcher(sentence);
        if (ye.find()) return dec31(ye.group(1));
        Matcher m = AS_OF_MONTH.matcher(sentence);
        if (m.find()) {
            int month = Months.number(m.group(1));
            Integer year = m.group(3) != null ? Integer.valueOf(m.group(3)) : inferYear(month, published);
            if (year == null) return null;
            return m.group(2) != null ? safeDate(year, month, Integer.parseInt(m.group(2))) : YearMonth.of(year, month).atEndOfMonth();
        }
        Matcher z = ZH_AS_OF.matcher(sentence);
        if (z.find()) {
            int month = Integer.parseInt(z.group(2));
            if (month < 1 || month > 12) return published;
            Integer year = z.group(1) != null ? Integer.valueOf(z.group(1)) : inferYear(month, published);
            if (year == null) return null;
            return z.group(3) != null ? safeDate(year, month, Integer.parseInt(z.group(3))) : YearMonth.of(year, month).atEndOfMonth();
        }
        Matcher zy = ZH_AS_OF_YEAR.matcher(sentence);
        if (zy.find()) return dec31(zy.group(1));
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
