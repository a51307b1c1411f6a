package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.attribution.Attribution;
import org.counterpart.facts.extraction.attribution.PartyResolver;
import org.counterpart.facts.extraction.attribution.ReportContext;
import org.counterpart.facts.extraction.gazetteer.Gazetteer;
import org.counterpart.facts.extraction.gazetteer.Region;
import org.counterpart.facts.extraction.gazetteer.RegionMatcher;
import org.counterpart.facts.extraction.gazetteer.RegionMention;
import org.counterpart.facts.extraction.gazetteer.Venues;
import org.counterpart.facts.extraction.metric.Metric;
import org.counterpart.facts.extraction.metric.MetricClassifier;
import org.counterpart.facts.extraction.pairing.PairingRegistry;
import org.counterpart.facts.extraction.period.ReportDates;
import org.counterpart.facts.extraction.period.TimeFrame;
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
    public static final String VERSION = "1.1.0";
    private static final java.util.regex.Pattern ANOTHER = org.counterpart.facts.extraction.text.Regexes.compile(
            "(?i)(?:\\b(?:another|a\\s+further|an\\s+additional|an\\s+extra)\\s+|再|又)$");

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
        // page furniture is recognised once per sentence; several steps below ask
        boolean[] chrome = new boolean[sentences.size()];
        for (Sentence s : sentences) chrome[s.index()] = SiteChrome.isChrome(s.text());
        LocalDate published = report.publishedAt() != null ? report.publishedAt() : ReportDates.printedDate(TextNormaliser.normalise(original));
        Integer documentYear = ReportDates.documentYear(report.title(), sentences, i -> chrome[i]);
        TimeFrames timeFrames = new TimeFrames(published, documentYear);

        // regions first without preferences, then again preferring provinces the report is about (homonyms)
        Set<String> provinces = new HashSet<>();
        Set<Region> counties = new HashSet<>();
        List<RegionMatcher.Found> firstPass = new ArrayList<>();
        for (Sentence s : sentences) {
            RegionMatcher.Found found = regions.findAll(s.text(), Set.of(), RegionMatcher.NO_COUNTIES);
            firstPass.add(found);
            for (RegionMention m : found.mentions()) {
                provinces.add(m.region().provinceCode());
                if (m.region().isCounty()) counties.add(m.region());
            }
        }
        List<List<RegionMention>> mentions = new ArrayList<>();
        // a county named in full once ("Kunshan City") is recognised by its bare name afterwards ("Kunshan")
        RegionMatcher.KnownCounties known = RegionMatcher.knownCounties(counties);
        for (Sentence s : sentences) {
            if (chrome[s.index()]) { mentions.add(List.of()); continue; }
            // the second search differs from the first only through homonyms and bare county names
            RegionMatcher.Found first = firstPass.get(s.index());
            List<RegionMention> found = counties.isEmpty() && !first.homonyms() ? first.mentions()
                    : regions.find(s.text(), provinces, known);
            mentions.add(Venues.withoutVenues(s.text(), found));
        }
        List<RegionMention> titleMentions = report.title() == null ? List.of()
                : regions.find(TextNormaliser.normalise(report.title()), provinces);
        ReportContext context = new ReportContext(gazetteer, pairings, titleMentions, mentions);

        List<ExtractedFact> facts = new ArrayList<>();
        for (Sentence s : sentences) {
            if (chrome[s.index()]) continue;
            List<Quantity> quantities = QuantityFinder.find(s.text());
            if (quantities.isEmpty()) continue;
            boolean chinese = isChinese(report, s);
            Metric previous = null;
            for (int i = 0; i < quantities.size(); i++) {
                Quantity q = quantities.get(i);
                int next = i + 1 < quantities.size() ? quantities.get(i + 1).start() : s.text().length();
                Optional<Metric> metric = classifier.classify(s.text(), q, quantities, chinese);
                if (metric.isEmpty() && previous != null && i > 0 && Coordination.listed(s.text(), quantities.get(i - 1), q)) {
                    metric = Optional.of(previous); // 挂职干部86名、专业技术人才540人: the second item counts the same thing
                } else if (metric.isEmpty() && previous != null && ANOTHER.matcher(s.text()).region(0, q.start()).find()) {
                    metric = Optional.of(previous); // "sent 23 teachers … and will send another forty": the same noun, left out
                }
                previous = metric.orElse(null);
                if (metric.isEmpty()) continue;
                if (NotAClaim.average(s.text(), q) || NotAClaim.partOfTotal(s.text(), q, regionsBetween(mentions.get(s.index())))) continue;
                TimeFrame frame = timeFrames.of(s.text(), q, next);
                Integer year = frame.referenceYear() != null ? frame.referenceYear()
                        : documentYear != null ? documentYear : published != null ? Integer.valueOf(published.getYear()) : null;
                Optional<Attribution> who = parties.resolve(sentences, s, q.start(), q.end(), next, context, year);
                if (who.isEmpty()) continue;
                facts.add(fact(metric.get(), q, frame, who.get(), s, original));
            }
        }
        return FactDeduplicator.dedupe(facts);
    }

    /** Whether any region is named between two offsets of a sentence. */
    private static java.util.function.BiPredicate<Integer, Integer> regionsBetween(List<RegionMention> mentions) {
        return (from, to) -> mentions.stream().anyMatch(m -> m.start() >= from && m.end() <= to);
    }

    private static boolean isChinese(ReportText report, Sentence s) {
        // a Chinese report's sentences read as Chinese even when they quote Latin letters
        return "zh".equals(report.language()) || s.isChinese();
    }

    private static ExtractedFact fact(Metric metric, Quantity q, TimeFrame frame, Attribution who, Sentence s, String original) {
        // a US-dollar amount stated without yuan keeps its own unit: it is never added to yuan totals
        String unit = q.kind() == Quantity.Kind.USD ? "USD"
                : q.personTimes() && metric.countsPeople() ? Metric.PERSON_TIMES : metric.unit();
        Map<String, BigDecimal> also = q.usd() == null ? Map.of() : Map.of("usd", q.usd());
        Evidence evidence = org.counterpart.facts.extraction.text.EvidenceWindow.around(original, s.start(), s.end(), s.start() + q.start(), s.start() + q.end());
        return new ExtractedFact(metric.code(), q.value(), unit, q.asWritten(), q.qualifier(), frame.basis(),
                frame.start(), frame.end(), frame.asOf(), who.donor(), who.recipient(), evidence, also,
                Confidence.HIGH, List.of(), null);
    }
}
