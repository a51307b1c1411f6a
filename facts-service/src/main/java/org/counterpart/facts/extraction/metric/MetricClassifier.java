package org.counterpart.facts.extraction.metric;

import org.counterpart.facts.extraction.quantity.Quantity;
import org.counterpart.facts.extraction.lexicon.Lexicon;
import org.counterpart.facts.extraction.text.KeyedPattern;
import org.counterpart.facts.extraction.text.Regexes;

import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a figure counts from the words around it. In English the head noun after the figure decides
 * ("45 aid projects", "five agreements"); for people it takes the nearest predicate ("trained", "found jobs",
 * "benefiting", "out of poverty"); for yuan amounts the nearest money word ("funds"/"allocated" → aid funds,
 * "investment"/"contracted" → investment, "purchased"/"sales" → consumption). In Chinese the nearest cue word
 * in the same clause (援助资金, 项目, 培训 …) decides, provided the classifier fits (人 for people, 个/项 for
 * projects, 元 for money). Figures without such a reading (members, times, types, households, rates) yield nothing.
 */
public final class MetricClassifier {

    // ---- English --------------------------------------------------------------------------------------
    private static final Set<String> STOP = Set.of("to", "in", "on", "at", "from", "for", "by", "with", "which", "that",
            "who", "whom", "have", "has", "had", "were", "was", "are", "is", "will", "would", "being", "been", "through",
            "across", "into", "under", "during", "since", "among", "per", "each", "of", "as", "than", "while", "where");
    private static final Map<String, String> HEADS = Lexicon.table("en", "head_nouns");
    private static final Pattern WORD = Regexes.compile("[A-Za-z][A-Za-z'-]*");

    private static final Cue TRAIN = Cue.of("en", Metric.PEOPLE_TRAINED);
    private static final Cue JOB = Cue.of("en", Metric.WORKERS_TRANSFERRED);
    private static final Cue LIFT = Cue.of("en", Metric.PEOPLE_LIFTED);
    private static final Cue BENEFIT = Cue.of("en", Metric.PEOPLE_BENEFITED);
    /** "helped 1,450 residents find jobs": help is the weakest reading, taken only when nothing says what the help was. */
    private static final Cue HELP = Cue.weak("en", Metric.PEOPLE_BENEFITED);
    /** "sent 120 teachers to Dongguan for training": the purpose says what is counted. */
    private static final KeyedPattern FOR_TRAINING = Lexicon.pattern("en", "context/for_training");
    private static final Cue DISPATCH = Cue.of("en", Metric.PERSONNEL_EXCHANGED);
    private static final Cue INTRO = Cue.of("en", Metric.ENTERPRISES_INTRODUCED);
    private static final Cue VILLAGE = Cue.of("en", Metric.VILLAGES_BENEFITED);

    private static final Cue CONSUME = Cue.of("en", Metric.CONSUMPTION_CNY);
    private static final Cue INVEST = Cue.of("en", Metric.INVESTMENT_CNY);
    private static final Cue FUNDS = Cue.of("en", Metric.FUNDS_CNY);
    private static final Pattern INVEST_WORD = Regexes.compile("(?i)\\binvest");
    private static final KeyedPattern COMPANY_SUBJECT = Lexicon.pattern("en", "context/company_subject");
    private static final KeyedPattern VALUED_PROJECTS = KeyedPattern.compile("(?i)(?:" + Lexicon.regex("en", "context/valued_projects") + ")\\s*$");
    private static final KeyedPattern AID_PROJECTS = Lexicon.pattern("en", "context/aid_projects");
    private static final Pattern PERSONNEL_MODIFIER = Pattern.compile(Lexicon.regex("en", "context/personnel_modifiers"), Pattern.CASE_INSENSITIVE);
    private static final KeyedPattern INTO_JOBS = Lexicon.pattern("en", "context/into_jobs");

    // ---- Chinese --------------------------------------------------------------------------------------
    private static final List<Cue> ZH_MONEY = List.of(Cue.of("zh", Metric.CONSUMPTION_CNY), Cue.of("zh", Metric.INVESTMENT_CNY),
            Cue.of("zh", Metric.FUNDS_CNY));
    private static final List<Cue> ZH_PEOPLE = List.of(Cue.of("zh", Metric.PEOPLE_TRAINED), Cue.of("zh", Metric.WORKERS_TRANSFERRED),
            Cue.of("zh", Metric.PERSONNEL_EXCHANGED), Cue.of("zh", Metric.PEOPLE_LIFTED), Cue.of("zh", Metric.PEOPLE_BENEFITED));
    private static final List<Cue> ZH_WEAK_PEOPLE = List.of(Cue.weak("zh", Metric.PEOPLE_BENEFITED));
    private static final Cue ZH_WEAK_FUNDS = Cue.weak("zh", Metric.FUNDS_CNY);
    private static final Cue WEAK_FUNDS = Cue.weak("en", Metric.FUNDS_CNY);
    /** Enterprises count as introduced only when brought in: "组织两百余家企业开展产销对接" is not. */
    private static final KeyedPattern ZH_ENTERPRISE_INTRO = Lexicon.pattern("zh", "metric/enterprises_introduced");
    private static final List<Cue> ZH_UNITS = unitCues();
    /** The characters of the clause-delimiter class [，,；;。、：:！？!?（(）)]. */
    private static final String ZH_DELIMITERS = "，,；;。、：:！？!?（(）)";
    private static final Map<String, Set<String>> CLASSIFIERS = Lexicon.multiTable("zh", "classifiers");
    private static final Set<String> PEOPLE_CLASSIFIERS = CLASSIFIERS.getOrDefault("people", Set.of());
    private static final Set<String> UNIT_CLASSIFIERS = CLASSIFIERS.getOrDefault("unit", Set.of());
    private static final Set<String> ENTERPRISE_CLASSIFIERS = CLASSIFIERS.getOrDefault("enterprise", Set.of());
    private static final Set<String> VILLAGE_CLASSIFIERS = CLASSIFIERS.getOrDefault("village", Set.of());
    private static final KeyedPattern ZH_VILLAGE_CUE = Lexicon.pattern("zh", "metric/villages_benefited");
    private static final KeyedPattern ZH_PERSONNEL_NOUN = Lexicon.pattern("zh", "personnel_nouns");
    private static final KeyedPattern ZH_PEOPLE_NOUN = KeyedPattern.compile("^(?:" + Lexicon.regex("zh", "people_nouns") + ")");

    private static List<Cue> unitCues() {
        Map<Metric, List<String>> byMetric = new LinkedHashMap<>();
        Lexicon.table("zh", "unit_nouns").forEach((noun, metric) ->
                byMetric.computeIfAbsent(Metric.fromCode(metric), k -> new ArrayList<>()).add(Pattern.quote(noun)));
        List<Cue> out = new ArrayList<>();
        byMetric.forEach((metric, nouns) -> out.add(new Cue(KeyedPattern.compile(String.join("|", nouns)), metric, false)));
        return List.copyOf(out);
    }

    /** Whether a Chinese classifier counts people (人, 名, 人次 …), as lexicon/zh/classifiers.tsv says. */
    public static boolean countsPeople(String classifier) {
        return classifier != null && PEOPLE_CLASSIFIERS.contains(classifier);
    }

    public Optional<Metric> classify(String text, Quantity q, List<Quantity> all, boolean chinese) {
        return read(text, q, all, chinese).map(MetricReading::metric);
    }

    /** The metric of a figure and whether only a weak cue said so ("helped 1,450 residents"). */
    public Optional<MetricReading> read(String text, Quantity q, List<Quantity> all, boolean chinese) {
        Optional<Metric> metric = chinese ? classifyChinese(text, q, all) : classifyEnglish(text, q, all);
        return metric.map(m -> new MetricReading(m, weakOnly.get()));
    }

    /** Set by {@link #or} when the reading came from the weak fallback; read right after, on the same thread. */
    private final ThreadLocal<Boolean> weakOnly = ThreadLocal.withInitial(() -> false);

    // ---- English --------------------------------------------------------------------------------------

    private Optional<Metric> classifyEnglish(String text, Quantity q, List<Quantity> all) {
        weakOnly.set(false);
        int clauseStart = clauseStart(text, q.start());
        int clauseEnd = clauseEnd(text, q.end());
        int nextQ = all.stream().mapToInt(Quantity::start).filter(s -> s >= q.end()).min().orElse(text.length());
        String back = text.substring(clauseStart, q.start());
        String forward = text.substring(q.end(), Math.min(clauseEnd, Math.max(nextQ, q.end())));
        if (q.isMoney()) {
            Matcher valued = VALUED_PROJECTS.matcher(back);
            if (VALUED_PROJECTS.mayMatch(back) && valued.find()) {
                // "58 aid projects with investment of …" are aid funds; "36 projects worth …" are investment
                String projects = text.substring(clauseStart, clauseStart + valued.start() + 8);
                return Optional.of(AID_PROJECTS.foundIn(projects) ? Metric.FUNDS_CNY : Metric.INVESTMENT_CNY);
            }
            Optional<Metric> m = or(nearest(back, forward, List.of(CONSUME, INVEST, FUNDS)), () -> nearest(back, forward, List.of(WEAK_FUNDS)));
            if (m.isPresent() && m.get() == Metric.FUNDS_CNY && COMPANY_SUBJECT.foundIn(back)
                    && INVEST_WORD.matcher(back + forward).find()) {
                return Optional.of(Metric.INVESTMENT_CNY);
            }
            return m;
        }
        if (q.classifier() != null) return Optional.empty();
        String head = headNoun(text, q.end());
        if (head == null) return Optional.empty();
        String kind = HEADS.get(head);
        if (kind == null) return Optional.empty();
        return switch (kind) {
            case "PROJECT" -> Optional.of(Metric.PROJECTS);
            case "AGREEMENT" -> Optional.of(Metric.AGREEMENTS);
            case "ENTERPRISE" -> nearest(back, forward, List.of(INTRO)).map(m -> Metric.ENTERPRISES_INTRODUCED);
            case "VILLAGE" -> nearest(back, forward, List.of(VILLAGE));
            case "WORKER" -> personnelModifier(text, q.end())
                    ? (FOR_TRAINING.foundIn(forward) ? Optional.of(Metric.PEOPLE_TRAINED) : nearest(back, forward, List.of(TRAIN, DISPATCH)))
                    : Optional.of(nearest(back, forward, List.of(TRAIN)).orElse(Metric.WORKERS_TRANSFERRED));
            case "TRAINEE" -> Optional.of(Metric.PEOPLE_TRAINED);
            case "PEOPLE" -> personnelBefore(back) && nearest(back, forward, List.of(TRAIN)).isEmpty()
                    ? Optional.of(Metric.PERSONNEL_EXCHANGED) // "sent doctors … for 240 person-times"
                    : helpedIntoJobs(back, text.substring(q.end())) ? Optional.of(Metric.WORKERS_TRANSFERRED)
                    : or(nearest(back, forward, List.of(TRAIN, JOB, LIFT, DISPATCH, BENEFIT)), () -> helped(back, text.substring(q.end())));
            case "PERSONNEL" -> FOR_TRAINING.foundIn(forward) ? Optional.of(Metric.PEOPLE_TRAINED)
                    : nearest(back, forward, List.of(TRAIN, DISPATCH));
            default -> Optional.empty();
        };
    }

    /** "helped 3,200 villagers from Qiandongnan, a prefecture …, find jobs": help into work, said later in the sentence. */
    private static Optional<Metric> helped(String back, String rest) {
        Optional<Metric> help = nearest(back, "", List.of(HELP));
        if (help.isPresent() && INTO_JOBS.foundIn(rest.length() > 200 ? rest.substring(0, 200) : rest)) {
            return Optional.of(Metric.WORKERS_TRANSFERRED);
        }
        return help;
    }

    /** "… and helped 3,200 villagers from X find jobs": help is the verb nearest the figure, and work its purpose. */
    private static boolean helpedIntoJobs(String back, String rest) {
        int help = -1, other = -1;
        Matcher h = HELP.pattern().matcher(back);
        while (h.find()) help = h.end();
        if (help < 0) return false;
        for (Cue c : List.of(TRAIN, JOB, LIFT, DISPATCH, BENEFIT)) {
            Matcher m = c.pattern().matcher(back);
            while (m.find()) other = Math.max(other, m.end());
        }
        return help > other && INTO_JOBS.foundIn(rest.length() > 200 ? rest.substring(0, 200) : rest);
    }

    /** Whether "workers" after the figure are personnel: "29 medical workers", "skilled workers". */
    private static boolean personnelModifier(String text, int from) {
        Matcher m = WORD.matcher(text);
        m.region(from, Math.min(text.length(), from + 40));
        return m.find() && PERSONNEL_MODIFIER.matcher(m.group()).matches();
    }

    /** Whether the clause before a count of people names personnel (officials, volunteers, doctors …) as what is sent. */
    private static boolean personnelBefore(String back) {
        if (!DISPATCH.pattern().foundIn(back)) return false;
        Matcher m = WORD.matcher(back);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if ("PERSONNEL".equals(HEADS.get(w)) || "PERSONNEL".equals(HEADS.get(w + "s"))) return true;
        }
        return false;
    }

    private Optional<Metric> or(Optional<Metric> first, java.util.function.Supplier<Optional<Metric>> second) {
        return or(first, second, true);
    }

    /** The first reading, else the second; a second reading that is weaker is remembered as weak. */
    private Optional<Metric> or(Optional<Metric> first, java.util.function.Supplier<Optional<Metric>> second, boolean weaker) {
        if (first.isPresent()) return first;
        Optional<Metric> next = second.get();
        if (weaker) weakOnly.set(next.isPresent());
        return next;
    }

    /**
     * The noun the figure counts: the first plural-looking word after it, before any preposition, verb or
     * punctuation ("12 road and drinking water safety projects" → projects).
     */
    static String headNoun(String text, int from) {
        Matcher m = WORD.matcher(text);
        m.region(from, Math.min(text.length(), from + 120));
        int prevEnd = from;
        int count = 0;
        while (m.find() && count++ < 9) {
            if (punctuated(text, prevEnd, m.start())) return null;
            String w = m.group().toLowerCase(Locale.ROOT);
            if (w.endsWith("'s")) w = w.substring(0, w.length() - 2);
            if (STOP.contains(w)) return null;
            if (HEADS.containsKey(w) || looksPlural(w)) {
                // the head of a compound is its last noun: "8,600 poor workers" counts workers
                int at = m.end();
                if (m.find() && text.substring(at, m.start()).equals(" ")) {
                    String next = m.group().toLowerCase(Locale.ROOT);
                    if (HEADS.containsKey(next)) return next;
                }
                return w;
            }
            prevEnd = m.end();
        }
        return null;
    }

    /**
     * Whether text[from, to) matches {@code .*[,;:.()\[\]!?"—–].*} as a whole (String.matches, which compiled the
     * pattern on every call): it holds one of those marks and no line terminator, which {@code .} does not match.
     */
    private static boolean punctuated(String text, int from, int to) {
        boolean mark = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return false;
            // a dash between names ("Fujian – Ningxia cooperative projects") joins them
            if ((c == '–' || c == '—') && dashBetweenNames(text, i)) continue;
            if (",;:.()[]!?\"—–".indexOf(c) >= 0) mark = true;
        }
        return mark;
    }

    private static boolean dashBetweenNames(String text, int at) {
        int after = at + 1;
        while (after < text.length() && text.charAt(after) == ' ') after++;
        return after < text.length() && Character.isUpperCase(text.charAt(after));
    }

    private static boolean looksPlural(String w) {
        return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")
                || w.equals("children") || w.equals("men") || w.equals("women");
    }

    /** The metric of the cue nearest to the figure, looking back to the clause start and forward to the next figure. */
    private static Optional<Metric> nearest(String back, String forward, List<Cue> cues) {
        Metric best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Cue cue : cues) {
            // the literal test spares building and running a matcher on most clauses
            if (cue.pattern().mayMatch(back)) {
                Matcher b = cue.pattern().matcher(back);
                while (b.find()) {
                    int d = back.length() - b.end();
                    if (d < bestDistance) { bestDistance = d; best = cue.metric(); }
                }
            }
            Matcher f = cue.pattern().findIn(forward);
            if (f != null && f.start() < bestDistance) { bestDistance = f.start(); best = cue.metric(); }
        }
        return Optional.ofNullable(best);
    }

    /** Start of the clause holding position {@code pos}: after the last comma, semicolon, colon or bracket. */
    static int clauseStart(String text, int pos) {
        for (int i = pos - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ';' || c == ':' || c == '；' || c == '：' || c == '，' || c == '。') return i + 1;
            if (c == ',' && !(i > 0 && Character.isDigit(text.charAt(i - 1)) && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) return i + 1;
        }
        return 0;
    }

    static int clauseEnd(String text, int pos) {
        for (int i = pos; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ';' || c == ':' || c == '；' || c == '：' || c == '，' || c == '。') return i;
            if (c == ',' && !(i > 0 && Character.isDigit(text.charAt(i - 1)) && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) return i;
        }
        return text.length();
    }

    // ---- Chinese --------------------------------------------------------------------------------------

    private Optional<Metric> classifyChinese(String text, Quantity q, List<Quantity> all) {
        weakOnly.set(false);
        // ZH_CLAUSE_DELIM matches single characters: the last one before the figure, the first one after it
        int start = 0;
        for (int i = q.start() - 1; i >= 0; i--) if (ZH_DELIMITERS.indexOf(text.charAt(i)) >= 0) { start = i + 1; break; }
        int end = text.length();
        for (int i = q.end(); i < text.length(); i++) if (ZH_DELIMITERS.indexOf(text.charAt(i)) >= 0) { end = i; break; }
        String back = text.substring(start, q.start());
        String forward = text.substring(q.end(), end);
        // a cue far before the figure still counts when nothing nearer does and no other figure of its kind stands between
        // (2019年度安排协作资金，其中：巫山县320万元 …; 60个帮扶项目（上海市35个 …）)
        int previousEnd = 0;
        for (Quantity o : all) if (o.end() <= q.start() && o.isMoney() == q.isMoney()) previousEnd = Math.max(previousEnd, o.end());
        // … but not across a semicolon, which ends the statement a cue belongs to
        int statement = Math.max(text.lastIndexOf('；', q.start()), text.lastIndexOf(';', q.start())) + 1;
        String farBack = text.substring(Math.min(Math.max(previousEnd, statement), start), start);
        String cls = q.classifier();
        if (q.isMoney()) {
            Optional<Metric> said = or(nearest(back, forward, ZH_MONEY), () -> nearest(farBack, "", ZH_MONEY), false);
            return or(said, () -> nearest(back, forward, List.of(ZH_WEAK_FUNDS))); // 金额达2.7亿元
        }
        if (cls == null && ZH_PEOPLE_NOUN.foundIn(forward)) cls = "人"; // 1.3万贫困群众
        if (cls == null) return Optional.empty();
        if (PEOPLE_CLASSIFIERS.contains(cls)) {
            Optional<Metric> said = nearest(back, forward, ZH_PEOPLE);
            if (said.isPresent()) return said;
            if (ZH_PERSONNEL_NOUN.foundIn(forward.length() > 8 ? forward.substring(0, 8) : forward)) {
                return Optional.of(Metric.PERSONNEL_EXCHANGED); // 已有45名江苏干部在陕
            }
            return or(Optional.empty(), () -> nearest(back, forward, ZH_WEAK_PEOPLE));
        }
        Optional<Metric> m = or(nearest(back, forward, ZH_UNITS), () -> nearest(farBack, "", ZH_UNITS), false);
        if (m.isEmpty() && ENTERPRISE_CLASSIFIERS.contains(cls) && "家".equals(cls) && ZH_ENTERPRISE_INTRO.foundIn(back + forward)) {
            return Optional.of(Metric.ENTERPRISES_INTRODUCED); // 目前已落户5家
        }
        if (m.isEmpty()) return m;
        return switch (m.get()) {
            case PROJECTS, AGREEMENTS -> UNIT_CLASSIFIERS.contains(cls) ? m : Optional.empty();
            case ENTERPRISES_INTRODUCED -> ENTERPRISE_CLASSIFIERS.contains(cls) && ZH_ENTERPRISE_INTRO.foundIn(back + forward) ? m : Optional.empty();
            case VILLAGES_BENEFITED -> (VILLAGE_CLASSIFIERS.contains(cls) && ZH_VILLAGE_CUE.foundIn(back + forward)) ? m : Optional.empty();
            default -> Optional.empty();
        };
    }
}
