package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.attribution.Attribution;
import org.counterpart.facts.extraction.attribution.PartyResolver;
import org.counterpart.facts.extraction.attribution.ReportContext;
import org.counterpart.facts.extraction.gazetteer.Gazetteer;
import org.counterpart.facts.extraction.gazetteer.RegionMatcher;
import org.counterpart.facts.extraction.gazetteer.RegionMention;
import org.counterpart.facts.extraction.metric.Metric;
import org.counterpart.facts.extraction.metric.MetricClassifier;
import org.counterpart.facts.extraction.pairing.PairingRegistry;
import org.counterpart.facts.extraction.period.ReportDates;
import org.counterpart.facts.extraction.period.TimeFrame;
import org.counterpart.facts.extraction.period.TimeFrameResolver;
import org.counterpart.facts.extraction.quantity.Quantity;
import org.counterpart.facts.extraction.quantity.QuantityFinder;
import org.counterpart.facts.extraction.text.Sentence;
import org.counterpart.facts.extraction.text.SentenceSplitter;
import org.counterpart.facts.extraction.text.SiteChrome;
import org.counterpart.facts.extraction.text.TextNormaliser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.*;

/**
 * Turns a report into cooperation facts: sentences → regions, figures, metric, time frame, parties → facts,
 * with repeated statements folded. Immutable after construction, so one instance serves all threads.
 */
public final class Extractor {
    public static final String VERSION = "1.0.0";

    private static volatile Extractor standard;

    private final Gazetteer gazetteer;
    private final PairingRegistry pairings;
    private final RegionMatcher regions;
    private final MetricClassifier classifier = new MetricClassifier();
    private final PartyResolver parties;

    public Extractor(Gazetteer gazetteer, PairingRegistry pairings) {
        this.gazetteer = gazetteer;
        this.pairings = pairings;
        this.regions = new RegionMatcher(gazetteer);
        this.parties = new PartyResolver(gazetteer, pairings);
    }

    /** The extractor with the gazetteer and pairings shipped on the classpath, loaded once. */
    public static Extractor standard() {
        Extractor e = standard;
        if (e == null) {
            synchronized (Extractor.class) {
                if (standard == null) {
                    Gazetteer g = Gazetteer.fromClasspath();
                    standard = new Extractor(g, PairingRegistry.fromClasspath(g));
                }
                e = standard;
            }
        }
        return e;
    }

    public Gazetteer gazetteer() { return gazetteer; }

    public PairingRegistry pairings() { return pairings; }

    public List<ExtractedFact> extract(ReportText report) {
        String original = report.text();
        List<Sentence> sentences = SentenceSplitter.split(original);
        LocalDate published = report.publishedAt() != null ? report.publishedAt() : ReportDates.printedDate(TextNormaliser.normalise(original));
        Integer documentYear = ReportDates.documentYear(report.title(), sentences);

        // regions first without preferences, then again preferring provinces the report is about (homonyms)
        Set<String> provinces = new HashSet<>();
        for (Sentence s : sentences) for (RegionMention m : regions.find(s.text(), Set.of())) provinces.add(m.region().provinceCode());
        List<List<RegionMention>> mentions = new ArrayList<>();
        for (Sentence s : sentences) mentions.add(SiteChrome.isChrome(s.text()) ? List.of() : regions.find(s.text(), provinces));
        List<RegionMention> titleMentions = report.title() == null ? List.of()
                : regions.find(TextNormaliser.normalise(report.title()), provinces);
        ReportContext context = new ReportContext(gazetteer, pairings, titleMentions, mentions);

        List<ExtractedFact> facts = new ArrayList<>();
        for (Sentence s : sentences) {
            if (SiteChrome.isChrome(s.text())) continue;
            List<Quantity> quantities = QuantityFinder.find(s.text());
            if (quantities.isEmpty()) continue;
            boolean chinese = isChinese(report, s);
            for (Quantity q : quantities) {
                Optional<Metric> metric = classifier.classify(s.text(), q, quantities, chinese);
                if (metric.isEmpty()) continue;
                TimeFrame frame = timeFrame(s.text(), q, published, documentYear);
                Integer year = frame.referenceYear() != null ? frame.referenceYear()
                        : documentYear != null ? documentYear : published != null ? Integer.valueOf(published.getYear()) : null;
                Optional<Attribution> who = parties.resolve(sentences, s, q.start(), q.end(), context, year);
                if (who.isEmpty()) continue;
                facts.add(fact(metric.get(), q, frame, who.get(), s, original));
            }
        }
        return FactDeduplicator.dedupe(facts);
    }

    /**
     * The time frame of a figure: its own clause (between semicolons) when that has time words; else the
     * report's year for a one-year report; else the sentence's.
     */
    private static TimeFrame timeFrame(String text, Quantity q, LocalDate published, Integer documentYear) {
        int segStart = Math.max(text.lastIndexOf(';', q.start()), text.lastIndexOf('；', q.start())) + 1;
        int a = text.indexOf(';', q.end()), b = text.indexOf('；', q.end());
        int segEnd = Math.min(a < 0 ? text.length() : a, b < 0 ? text.length() : b);
        if (segStart == 0 && segEnd == text.length()) return TimeFrameResolver.resolve(text, published, documentYear);
        String clause = text.substring(segStart, segEnd);
        Optional<TimeFrame> own = TimeFrameResolver.explicit(clause, published);
        if (own.isPresent()) return own.get();
        if (documentYear != null) return TimeFrameResolver.resolve(clause, published, documentYear);
        return TimeFrameResolver.resolve(text, published, null);
    }

    private static boolean isChinese(ReportText report, Sentence s) {
        // a Chinese report's sentences read as Chinese even when they quote Latin letters
        return "zh".equals(report.language()) || s.isChinese();
    }

    private static ExtractedFact fact(Metric metric, Quantity q, TimeFrame frame, Attribution who, Sentence s, String original) {
        String unit = q.personTimes() && metric.countsPeople() ? Metric.PERSON_TIMES : metric.unit();
        Map<String, BigDecimal> also = q.usd() == null ? Map.of() : Map.of("usd", q.usd());
        Evidence evidence = new Evidence(original.substring(s.start(), s.end()), s.start(), s.end());
        return new ExtractedFact(metric.code(), q.value(), unit, q.asWritten(), q.qualifier(), frame.basis(),
                frame.start(), frame.end(), frame.asOf(), who.donor(), who.recipient(), evidence, also);
    }
}
