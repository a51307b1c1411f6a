package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.fact.Evidence;
import org.counterpart.facts.extraction.fact.Basis;
import org.counterpart.facts.extraction.fact.ReportText;

import org.counterpart.facts.extraction.attribution.Attribution;
import org.counterpart.facts.extraction.attribution.GroupPhrase;
import org.counterpart.facts.extraction.attribution.GroupPhrases;
import org.counterpart.facts.extraction.attribution.PartyResolver;
import org.counterpart.facts.extraction.attribution.ReportContext;
import org.counterpart.facts.extraction.gazetteer.Gazetteer;
import org.counterpart.facts.extraction.gazetteer.Region;
import org.counterpart.facts.extraction.gazetteer.RegionMatcher;
import org.counterpart.facts.extraction.gazetteer.RegionMention;
import org.counterpart.facts.extraction.gazetteer.Venues;
import org.counterpart.facts.extraction.metric.Metric;
import org.counterpart.facts.extraction.metric.MetricClassifier;
import org.counterpart.facts.extraction.metric.MetricReading;
import org.counterpart.facts.extraction.pairing.PairingRegistry;
import org.counterpart.facts.extraction.period.ReportDates;
import org.counterpart.facts.extraction.period.TimeFrame;
import org.counterpart.facts.extraction.quantity.Quantity;
import org.counterpart.facts.extraction.quantity.QuantityFinder;
import org.counterpart.facts.extraction.lexicon.Lexicon;
import org.counterpart.facts.extraction.text.EvidenceWindow;
import org.counterpart.facts.extraction.text.KeyedPattern;
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
    public static final String VERSION = "2.0.0";
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

    /**
     * The stages, in order: the report's sentences and dates; the regions each sentence names; what the report is
     * about (its groups and pairs); then, sentence by sentence, the figures and what each one claims.
     */
    public List<ExtractedFact> extract(ReportText report) {
        Reading reading = sentencesAndDates(report);
        regionsNamed(reading);
        whatTheReportIsAbout(reading);
        return claims(reading);
    }

    /** One report while it is read: what the stages found so far. */
    private static final class Reading {
        final ReportText report;
        final List<Sentence> sentences;
        final boolean[] chrome;
        final LocalDate published;
        final Integer documentYear;
        final TimeFrames timeFrames;
        List<List<RegionMention>> mentions;
        List<RegionMention> titleMentions;
        ReportContext context;
        /** The year of the last statement, for "the same year" (同年). */
        Integer lastYear;

        Reading(ReportText report, List<Sentence> sentences, boolean[] chrome, LocalDate published, Integer documentYear) {
            this.report = report;
            this.sentences = sentences;
            this.chrome = chrome;
            this.published = published;
            this.documentYear = documentYear;
            this.timeFrames = new TimeFrames(published, documentYear);
        }
    }

    /** Stage 1: sentences, page furniture (recognised once per sentence; several stages ask), publication date and year. */
    private static Reading sentencesAndDates(ReportText report) {
        String original = report.text();
        List<Sentence> sentences = SentenceSplitter.split(original);
        boolean[] chrome = new boolean[sentences.size()];
        for (Sentence s : sentences) chrome[s.index()] = SiteChrome.isChrome(s.text());
        LocalDate published = report.publishedAt() != null ? report.publishedAt() : ReportDates.printedDate(TextNormaliser.normalise(original));
        Integer documentYear = ReportDates.documentYear(report.title(), sentences, i -> chrome[i]);
        return new Reading(report, sentences, chrome, published, documentYear);
    }

    /**
     * Stage 2: the regions of each sentence, first without preferences, then again preferring the provinces the
     * report is about (homonyms such as Suzhou or Yulin); places named only as venues are dropped.
     */
    private void regionsNamed(Reading r) {
        Set<String> provinces = new HashSet<>();
        Set<Region> counties = new HashSet<>();
        List<RegionMatcher.Found> firstPass = new ArrayList<>();
        for (Sentence s : r.sentences) {
            RegionMatcher.Found found = regions.findAll(s.text(), Set.of(), RegionMatcher.NO_COUNTIES);
            firstPass.add(found);
            for (RegionMention m : found.mentions()) {
                // a homonym's first reading (Yulin of Guangxi or of Shaanxi?) is a guess: it must not vote for its province
                if (!homonym(s.text(), m)) provinces.add(m.region().provinceCode());
                if (m.region().isCounty()) counties.add(m.region());
            }
        }
        List<List<RegionMention>> mentions = new ArrayList<>();
        // a county named in full once ("Kunshan City") is recognised by its bare name afterwards ("Kunshan")
        RegionMatcher.KnownCounties known = RegionMatcher.knownCounties(counties);
        for (Sentence s : r.sentences) {
            if (r.chrome[s.index()]) { mentions.add(List.of()); continue; }
            // the second search differs from the first only through homonyms and bare county names
            RegionMatcher.Found first = firstPass.get(s.index());
            List<RegionMention> found = counties.isEmpty() && !first.homonyms() ? first.mentions()
                    : regions.find(s.text(), provinces, known);
            mentions.add(Venues.withoutVenues(s.text(), found));
        }
        r.mentions = mentions;
        r.titleMentions = r.report.title() == null ? List.of()
                : regions.find(TextNormaliser.normalise(r.report.title()), provinces);
    }

    /** Stage 3: groups named without their members, and the regions and pairs the whole report names. */
    private void whatTheReportIsAbout(Reading r) {
        List<List<GroupPhrase>> groups = new ArrayList<>();
        for (Sentence s : r.sentences) groups.add(r.chrome[s.index()] ? List.of() : GroupPhrases.find(s.text()));
        r.context = new ReportContext(gazetteer, pairings, r.titleMentions, r.mentions, GroupPhrases.resolve(groups));
    }

    /**
     * Stage 4: the claims of each sentence; a sentence ending in "其中：" opens a list whose lines are parts of its
     * last figure. Repeated statements are folded at the end.
     */
    private List<ExtractedFact> claims(Reading r) {
        Findings findings = new Findings();
        Finding openList = null, lastWhole = null;
        for (Sentence s : r.sentences) {
            if (r.chrome[s.index()]) continue;
            Finding listWhole = openList != null && PartOfTotal.listLine(s.text()) ? openList : null;
            if (listWhole == null && lastWhole != null && PartOfTotal.opensWithPart(s.text())) listWhole = lastWhole;
            openList = null;
            List<PartOfTotal.Read> read = readFigures(r, s, listWhole, findings);
            lastWhole = read.isEmpty() ? null : read.get(read.size() - 1).finding();
            if (listWhole != null && !read.isEmpty() && PartOfTotal.listLine(s.text())) openList = listWhole;
            else if (!read.isEmpty() && PartOfTotal.opensList(s.text())) openList = read.get(read.size() - 1).finding();
        }
        return findings.facts();
    }

    /**
     * The figures of one sentence: what each counts (its own cue, else the list or total it belongs to), whether it
     * is a claim at all, its time frame and parties, and the whole it is a part of.
     */
    private List<PartOfTotal.Read> readFigures(Reading r, Sentence s, Finding listWhole, Findings findings) {
        ReportText report = r.report;
        ReportContext context = r.context;
        List<PartOfTotal.Read> read = new ArrayList<>();
        List<Quantity> quantities = QuantityFinder.find(s.text());
        if (quantities.isEmpty()) return read;
        String text = s.text();
        boolean chinese = isChinese(report, s);
        Metric previous = null;
        Map<String, Metric> sameShape = new HashMap<>();
        boolean onOffer = NotAClaim.onOffer(text);
        String averageVerb = null;
        for (int i = 0; i < quantities.size(); i++) {
            Quantity q = quantities.get(i);
            int next = i + 1 < quantities.size() ? quantities.get(i + 1).start() : text.length();
            List<String> reasons = new ArrayList<>();
            // what it counts: its own cue, else the list, series or total it belongs to
            Optional<MetricReading> reading = classifier.read(text, q, quantities, chinese);
            Optional<Metric> metric = reading.map(MetricReading::metric);
            if (reading.isPresent() && reading.get().weak()) reasons.add(Reasons.METRIC_FROM_WEAK_CUE);
            if (metric.isEmpty() && previous != null && i > 0 && Coordination.listed(text, quantities.get(i - 1), q)) {
                metric = Optional.of(previous); // 挂职干部86名、专业技术人才540人: the second item counts the same thing
                reasons.add(Reasons.METRIC_FROM_LIST);
            } else if (metric.isEmpty() && previous != null && ANOTHER.matcher(text).region(0, q.start()).find()) {
                metric = Optional.of(previous); // "sent 23 teachers … and will send another forty": the same noun, left out
            } else if (metric.isEmpty() && chinese && sameShape.containsKey(shape(q)) && yearBefore(text, q)) {
                // 从2017年的1.2亿元、8个项目，到2018年的2.6亿元、15个项目: a series repeats what it counts
                metric = Optional.of(sameShape.get(shape(q)));
                reasons.add(Reasons.METRIC_FROM_LIST);
            }
            Finding whole = PartOfTotal.whole(text, q, read);
            if (whole == null && listWhole != null && q.isMoney() == isMoney(listWhole.fact())) whole = listWhole;
            if (whole != null && metric.isEmpty() && (q.isMoney() || countsPeopleLike(q, whole))) {
                // "of which 2 million yuan went to training"; a count ("including 3,500 sets of school uniforms") says its own noun
                metric = Optional.of(Metric.fromCode(whole.fact().metric()));
                reasons.add(Reasons.METRIC_FROM_TOTAL);
            }
            if (whole != null && metric.isPresent() && !metric.get().code().equals(whole.fact().metric())) whole = null;
            previous = metric.orElse(null);
            metric.ifPresent(m -> sameShape.putIfAbsent(shape(q), m));
            // whether it claims anything
            if (metric.isEmpty() || NotAClaim.oldValue(text, q) || NotAClaim.inSlogan(text, q) || NotAClaim.pairingCount(text, q)
                    || NotAClaim.placeOwned(text, q) || onOffer) continue;
            // when, and who gave to whom
            TimeFrame frame = r.timeFrames.of(text, q, next);
            Integer year = frame.referenceYear() != null ? frame.referenceYear()
                    : r.documentYear != null ? r.documentYear : r.published != null ? Integer.valueOf(r.published.getYear()) : null;
            Optional<Attribution> who = parties.resolve(r.sentences, s, q.start(), q.end(), next, context, year);
            if (who.isEmpty() && whole != null && whole == listWhole) who = parties.listLine(whole.fact().donor(), whole.fact().recipient(), context.mentions(s.index()));
            if (who.isEmpty()) continue;
            frame = sameYearAs(frame, text, q, r.lastYear);
            if (whole != null && frame.start() == null && frame.end() == null && frame.asOf() == null && frame.basis() == Basis.PERIOD) {
                ExtractedFact w = whole.fact(); // a part stated without a time frame shares its whole's
                frame = new TimeFrame(w.basis(), w.periodStart(), w.periodEnd(), w.asOf());
            }
            if (frame.basis() == Basis.PERIOD && frame.start() != null && frame.end() != null && frame.start().getYear() == frame.end().getYear()) r.lastYear = frame.start().getYear();
            // one fact per member of a group it is stated for each of; a rate is no claim
            List<Attribution> each = List.of();
            if (Distribution.distributive(text, q)) {
                int[] series = listedWith(text, quantities, i);
                each = Distribution.over(who.get(), series[0], series[1]);
            }
            if (each.isEmpty() && NotAClaim.average(text, q)) {
                averageVerb = verbBefore(text, q); // 每村安排50万元…；安排30万元…: the rate goes on
                continue;
            }
            if (each.isEmpty() && averageVerb != null && averageVerb.equals(verbBefore(text, q))) continue;
            if (whole != null) reasons.add(Reasons.PART_OF_TOTAL);
            if (!each.isEmpty()) reasons.add(Reasons.DISTRIBUTED_OVER_GROUP);
            Finding first = null;
            for (Attribution a : each.isEmpty() ? List.of(who.get()) : each) {
                Finding f = findings.add(fact(metric.get(), q, frame, a, reasons, s, original(report)), whole);
                if (first == null) first = f;
            }
            read.add(new PartOfTotal.Read(q, first));
        }
        return read;
    }

    private static String original(ReportText report) {
        return report.text();
    }

    /** The place of figure i in the list of figures joined to it ("40 and 50 teachers"), and the length of that list. */
    private static int[] listedWith(String text, List<Quantity> quantities, int i) {
        int first = i, last = i;
        while (first > 0 && Coordination.listed(text, quantities.get(first - 1), quantities.get(first))) first--;
        while (last + 1 < quantities.size() && Coordination.listed(text, quantities.get(last), quantities.get(last + 1))) last++;
        return new int[] {i - first, last - first + 1};
    }

    /** The two Chinese characters right before a figure (投入, 安排 …), or null. */
    private static String verbBefore(String text, Quantity q) {
        if (q.start() < 2) return null;
        String v = text.substring(q.start() - 2, q.start());
        return Character.UnicodeScript.of(v.charAt(0)) == Character.UnicodeScript.HAN
                && Character.UnicodeScript.of(v.charAt(1)) == Character.UnicodeScript.HAN ? v : null;
    }

    /** What a figure looks like: money, or a count with its classifier; figures of a series look alike. */
    private static String shape(Quantity q) {
        return q.isMoney() ? q.kind().name() : q.classifier() == null ? "COUNT" + q.start() : "COUNT:" + q.classifier();
    }

    private static final java.util.regex.Pattern YEAR_RIGHT_BEFORE = java.util.regex.Pattern.compile("(?<![—–~\\-])((?:19|20)\\d{2})年的?$");
    private static final List<KeyedPattern> SAME_YEAR = List.of(Lexicon.pattern("en", "context/same_year"), Lexicon.pattern("zh", "context/same_year"));

    /**
     * A year written right before a figure (到2018年的2.6亿元) is the figure's own period; "the same year" (同年) is the
     * year of the statement before. Other frames stay as read.
     */
    private static TimeFrame sameYearAs(TimeFrame frame, String text, Quantity q, Integer lastYear) {
        if (frame.basis() == Basis.PLAN) return frame;
        java.util.regex.Matcher own = YEAR_RIGHT_BEFORE.matcher(text).region(Math.max(0, q.start() - 7), q.start());
        if (own.find()) return yearFrame(Integer.parseInt(own.group(1)));
        boolean undated = frame.start() == null && frame.end() == null && frame.asOf() == null;
        if (undated && lastYear != null && SAME_YEAR.stream().anyMatch(p -> p.foundIn(text))) return yearFrame(lastYear);
        return frame;
    }

    private static TimeFrame yearFrame(int year) {
        return new TimeFrame(Basis.PERIOD, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null);
    }

    private static final java.util.regex.Pattern YEAR_IN_CLAUSE = java.util.regex.Pattern.compile("(?:19|20)\\d{2}年[^，,；;。]{0,6}$");

    /** A year right before a figure in its clause: one step of a year-by-year series (到2018年的2.6亿元). */
    private static boolean yearBefore(String text, Quantity q) {
        return YEAR_IN_CLAUSE.matcher(text).region(Math.max(0, q.start() - 12), q.start()).find();
    }

    /** A count of people (82人) can be a part of a total of people, whatever noun it uses. */
    private static boolean countsPeopleLike(Quantity q, Finding whole) {
        return MetricClassifier.countsPeople(q.classifier())
                && Metric.fromCode(whole.fact().metric()).countsPeople();
    }

    private static boolean isMoney(ExtractedFact f) {
        return "CNY".equals(f.unit()) || "USD".equals(f.unit());
    }

    /** Whether the name a mention was read from names several regions of the same level. */
    private boolean homonym(String text, RegionMention m) {
        String surface = text.substring(m.start(), m.end());
        List<Region> candidates = new ArrayList<>(gazetteer.english(Gazetteer.key(surface)));
        candidates.addAll(gazetteer.english(Gazetteer.key(m.region().name())));
        candidates.addAll(gazetteer.chinese(surface));
        return candidates.stream().filter(r -> r.depth() == m.region().depth()).map(Region::code).distinct().count() > 1;
    }

    private static boolean isChinese(ReportText report, Sentence s) {
        // a Chinese report's sentences read as Chinese even when they quote Latin letters
        return "zh".equals(report.language()) || s.isChinese();
    }

    private static ExtractedFact fact(Metric metric, Quantity q, TimeFrame frame, Attribution who, List<String> metricReasons,
                                      Sentence s, String original) {
        // a US-dollar amount stated without yuan keeps its own unit: it is never added to yuan totals
        String unit = q.kind() == Quantity.Kind.USD ? "USD"
                : q.personTimes() && metric.countsPeople() ? Metric.PERSON_TIMES : metric.unit();
        Map<String, BigDecimal> also = q.usd() == null ? Map.of() : Map.of("usd", q.usd());
        Set<String> distinct = new LinkedHashSet<>(metricReasons);
        distinct.addAll(who.reasons());
        List<String> reasons = List.copyOf(distinct);
        // a very long sentence is kept as a window around the figure, so that evidence stays small
        Evidence evidence = EvidenceWindow.around(original, s.start(), s.end(), s.start() + q.start(), s.start() + q.end());
        return new ExtractedFact(metric.code(), q.value(), unit, q.asWritten(), q.qualifier(), frame.basis(),
                frame.start(), frame.end(), frame.asOf(), who.donor(), who.recipient(), evidence, also,
                Reasons.confidence(reasons), reasons, null);
    }
}
