package org.counterpart.facts.extraction.period;

import org.counterpart.facts.extraction.text.Regexes;
import org.counterpart.facts.extraction.text.Sentence;
import org.counterpart.facts.extraction.text.SiteChrome;

import java.time.LocalDate;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Report-level dates: a publication date printed on the page ("Updated: 2021-03-09", 发布时间：2021年3月9日)
 * when the caller did not supply one, and the single year a report is about ("2014 was a year of …",
 * "In 2014, …" opening a yearbook entry, or a year in the title).
 */
public final class ReportDates {
    private static final Pattern PRINTED_DATE = Regexes.compile(
            "(?i)(?:updated|published|release(?:d)?(?:\\s+date)?|date|posted|发布时间|发布日期|更新时间|日期|时间)\\s*[:：]?\\s*"
            + "((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");
    private static final Pattern YEAR_LED = Regexes.compile(
            "^\\s*(?:【[^】]*】\\s*)?(?:In\\s+)?((?:19|20)\\d{2})(?:\\s+(?:is|was|saw|marked|witnessed)\\b|\\s*,|\\s*年[，,是])");
    private static final Pattern TITLE_YEAR = Regexes.compile("(?<![\\d-–])((?:19|20)\\d{2})(?![\\d-–])");

    private ReportDates() {}

    public static LocalDate printedDate(String text) {
        Matcher m = PRINTED_DATE.matcher(text);
        if (!m.find()) return null;
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The year the report is about, when its title or opening sentences name exactly one. */
    public static Integer documentYear(String title, List<Sentence> sentences) {
        return documentYear(title, sentences, i -> SiteChrome.isChrome(sentences.get(i).text()));
    }

    /** As {@link #documentYear(String, List)}, with page furniture already recognised (by sentence index). */
    public static Integer documentYear(String title, List<Sentence> sentences, IntPredicate chrome) {
        if (title != null) {
            Matcher t = TITLE_YEAR.matcher(title);
            if (t.find()) {
                String y = t.group(1);
                if (!t.find()) return Integer.valueOf(y);
            }
        }
        // the first three sentences of the article itself: page furniture does not count
        int seen = 0;
        for (Sentence s : sentences) {
            if (chrome.test(s.index())) continue;
            Matcher m = YEAR_LED.matcher(s.text());
            if (m.find()) return Integer.valueOf(m.group(1));
            if (++seen == 3) break;
        }
        return null;
    }
}
