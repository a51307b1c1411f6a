package org.counterpart.facts.extraction.metric;

import org.counterpart.facts.extraction.quantity.Quantity;
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
    private static final Map<String, String> HEADS = new HashMap<>();
    static {
        for (String w : List.of("projects", "programmes", "programs", "subprojects", "sub-projects")) HEADS.put(w, "PROJECT");
        for (String w : List.of("agreements", "memoranda", "memorandums", "mous", "contracts", "deals", "accords")) HEADS.put(w, "AGREEMENT");
        for (String w : List.of("enterprises", "companies", "firms", "businesses")) HEADS.put(w, "ENTERPRISE");
        HEADS.put("villages", "VILLAGE");
        for (String w : List.of("workers", "labors", "labours", "laborers", "labourers", "migrants")) HEADS.put(w, "WORKER");
        for (String w : List.of("people", "persons", "individuals", "residents", "villagers", "farmers", "poor",
                "beneficiaries", "herdsmen", "youths", "person-times", "people-times")) HEADS.put(w, "PEOPLE");
        for (String w : List.of("cadres", "officials", "teachers", "doctors", "nurses", "technicians", "professionals",
                "talents", "experts", "specialists", "personnel", "volunteers", "staff", "staffers", "physicians",
                "researchers", "officers", "educators")) HEADS.put(w, "PERSONNEL");
        HEADS.put("trainees", "TRAINEE");
        HEADS.put("visits", "VISIT");
    }
    private static final Pattern WORD = Regexes.compile("[A-Za-z][A-Za-z'-]*");

    private static final Cue TRAIN = Cue.of("\\btrain(?:ed|ing|ings|s)?\\b|\\btrainees?\\b|\\bcourses?\\b|\\bclasses\\b", Metric.PEOPLE_TRAINED);
    private static final Cue JOB = Cue.of("\\bjobs?\\b|\\bemploy(?:ed|ment)?\\b|\\btransferr?(?:ed|ing)?\\b|\\bworking\\b|\\bwork\\b"
            + "|\\blabou?r (?:service|cooperation|transfer|export)|\\bhired\\b|\\bplaced\\b|\\bemployers?\\b", Metric.WORKERS_TRANSFERRED);
    private static final Cue LIFT = Cue.of("out of (?:absolute )?poverty|\\bshook off\\b|\\bshaken off\\b|\\blifted\\b|\\bescaped\\b", Metric.PEOPLE_LIFTED);
    private static final Cue BENEFIT = Cue.of("\\bbenefit(?:ed|ing|ting|s)?\\b|\\bbeneficiar(?:y|ies)\\b|\\bcovering\\b|\\breaching\\b"
            + "|\\bdriving\\b|\\bdrove\\b|\\bincome\\b", Metric.PEOPLE_BENEFITED);
    /** "helped 1,450 residents find jobs": help is the weakest reading, taken only when nothing says what the help was. */
    private static final Cue HELP = Cue.of("\\bhelping\\b|\\bhelped\\b|\\bassisting\\b|\\bassisted\\b", Metric.PEOPLE_BENEFITED);
    /** "sent 120 teachers to Dongguan for training": the purpose says what is counted. */
    private static final Pattern FOR_TRAINING = Regexes.compile(
            "(?i)\\b(?:for|to\\s+receive|to\\s+attend|received|receive|receiving|attended|underwent|undergone)\\s+(?:\\w+\\s+)?training\\b|\\bto\\s+be\\s+trained\\b|\\bbeen\\s+trained\\b");
    private static final Cue DISPATCH = Cue.of("\\bdispatch(?:ed|ing)?\\b|\\bsent\\b|\\bsending\\b|\\bseconded\\b|\\bassigned\\b"
            + "|\\bexchang(?:ed|es|ing)\\b|\\btemporary posts?\\b|\\bstationed\\b|\\bselected\\b|\\bposted\\b|\\bdeployed\\b"
            + "|\\breceived\\b|\\bhosted\\b|\\bto\\s+work\\s+in\\b", Metric.PERSONNEL_EXCHANGED);
    private static final Cue INTRO = Cue.of("\\bintroduc(?:ed|ing|e)\\b|\\battract(?:ed|ing)?\\b|\\bbrought\\b|\\bsettled\\b"
            + "|\\binvest(?:ed|ing)?\\b|\\bset up\\b|\\brelocat(?:ed|ing)\\b|\\bguided\\b|\\blanded\\b|\\bmoved\\b|\\bestablished\\b", Metric.ENTERPRISES_INTRODUCED);
    private static final Cue VILLAGE = Cue.of("\\bbenefit(?:ed|ing|ting|s)?\\b|\\bcovering\\b|\\bcovered\\b|\\breaching\\b"
            + "|\\bhelp(?:ed|ing)?\\b|\\bassist(?:ed|ing)?\\b|\\bsupport(?:ed|ing)?\\b|\\bpaired\\b|\\btwinned\\b", Metric.VILLAGES_BENEFITED);
    private static final Cue EXCHANGE = Cue.of("\\bexchange\\b", Metric.EXCHANGE_VISITS);

    private static final Cue CONSUME = Cue.of("\\bpurchas\\w*|\\bbought\\b|\\bbuy(?:ing)?\\b|\\bsold\\b|\\bsales?\\b|\\bsell(?:ing)?\\b"
            + "|\\bconsumption\\b|\\bprocure\\w*", Metric.CONSUMPTION_CNY);
    private static final Cue INVEST = Cue.of("\\binvestments?\\b|\\bcontracted\\b|\\battract(?:ed|ing)?\\b|\\bsigned\\b"
            + "|\\bintroduc(?:ed|ing)\\b|\\bcapital\\b", Metric.INVESTMENT_CNY);
    private static final Cue FUNDS = Cue.of("\\bfunds?\\b|\\bfunding\\b|\\baid\\b|\\bassistance\\b|\\ballocat(?:ed|ing)\\b|\\binvest(?:ed|ing)?\\b"
            + "|\\bdonat\\w*|\\bprovided\\b|\\bappropriated\\b|\\bearmarked\\b|\\bsubsid\\w*|\\bgrants?\\b|\\bmaterials\\b"
            + "|\\bfiscal\\b|\\bfinancial support\\b|\\bput in\\b|\\bspent\\b|\\bspending\\b", Metric.FUNDS_CNY);
    private static final Pattern INVEST_WORD = Regexes.compile("(?i)\\binvest");
    private static final Pattern COMPANY_SUBJECT = Regexes.compile("(?i)\\b(?:enterprises|companies|firms|businesses|investors)\\b");

    // ---- Chinese --------------------------------------------------------------------------------------
    private static final List<Cue> ZH_MONEY = List.of(
            Cue.of("消费扶贫|消费帮扶|消费协作|采购|销售|购买|消费|带货", Metric.CONSUMPTION_CNY),
            Cue.of("投资|签约|引资|招商|到位资金", Metric.INVESTMENT_CNY),
            Cue.of("援助资金|帮扶资金|财政援助|财政资金|扶贫资金|协作资金|资金|援助|捐赠|捐款|捐物|捐资|拨付|投入|帮扶", Metric.FUNDS_CNY));
    private static final List<Cue> ZH_PEOPLE = List.of(
            Cue.of("培训|培养|轮训", Metric.PEOPLE_TRAINED),
            Cue.of("转移就业|就业|务工|劳务|转移|输出|稳岗|返岗", Metric.WORKERS_TRANSFERRED),
            Cue.of("挂职|选派|派出|派驻|互派|交流|支教|支医|援派", Metric.PERSONNEL_EXCHANGED),
            Cue.of("脱贫|摆脱贫困", Metric.PEOPLE_LIFTED),
            Cue.of("受益|惠及|带动", Metric.PEOPLE_BENEFITED));
    private static final List<Cue> ZH_WEAK_PEOPLE = List.of(Cue.of("帮助|帮扶", Metric.PEOPLE_BENEFITED));
    /** Enterprises count as introduced only when brought in: "组织两百余家企业开展产销对接" is not. */
    private static final Pattern ZH_ENTERPRISE_INTRO = Regexes.compile("引导|引进|引入|落地|入驻|落户|投资|投产|招商|新建|设立");
    private static final List<Cue> ZH_UNITS = List.of(
            Cue.of("项目", Metric.PROJECTS),
            Cue.of("协议|合同|备忘录", Metric.AGREEMENTS),
            Cue.of("企业|公司", Metric.ENTERPRISES_INTRODUCED),
            Cue.of("村", Metric.VILLAGES_BENEFITED));
    /** The characters of the clause-delimiter class [，,；;。、：:！？!?（(）)]. */
    private static final String ZH_DELIMITERS = "，,；;。、：:！？!?（(）)";
    private static final Set<String> PEOPLE_CLASSIFIERS = Set.of("人", "名", "人次", "位");
    private static final Set<String> UNIT_CLASSIFIERS = Set.of("个", "项", "項", "份", "批");
    private static final Set<String> ENTERPRISE_CLASSIFIERS = Set.of("家", "个", "批");
    private static final Set<String> VILLAGE_CLASSIFIERS = Set.of("个", "村");
    private static final Pattern ZH_VILLAGE_CUE = Regexes.compile("受益|惠及|覆盖|帮扶|结对|援助");

    public Optional<Metric> classify(String text, Quantity q, List<Quantity> all, boolean chinese) {
        return chinese ? classifyChinese(text, q) : classifyEnglish(text, q, all);
    }

    // ---- English --------------------------------------------------------------------------------------

    private Optional<Metric> classifyEnglish(String text, Quantity q, List<Quantity> all) {
        int clauseStart = clauseStart(text, q.start());
        int clauseEnd = clauseEnd(text, q.end());
        int nextQ = all.stream().mapToInt(Quantity::start).filter(s -> s >= q.end()).min().orElse(text.length());
        String back = text.substring(clauseStart, q.start());
        String forward = text.substring(q.end(), Math.min(clauseEnd, Math.max(nextQ, q.end())));
        if (q.isMoney()) {
            Optional<Metric> m = nearest(back, forward, List.of(CONSUME, INVEST, FUNDS));
            if (m.isPresent() && m.get() == Metric.FUNDS_CNY && COMPANY_SUBJECT.matcher(back).find()
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
            case "WORKER" -> Optional.of(nearest(back, forward, List.of(TRAIN)).orElse(Metric.WORKERS_TRANSFERRED));
            case "TRAINEE" -> Optional.of(Metric.PEOPLE_TRAINED);
            case "PEOPLE" -> or(nearest(back, forward, List.of(TRAIN, JOB, LIFT, DISPATCH, BENEFIT)), () -> nearest(back, forward, List.of(HELP)));
            case "PERSONNEL" -> FOR_TRAINING.matcher(forward).find() ? Optional.of(Metric.PEOPLE_TRAINED)
                    : nearest(back, forward, List.of(TRAIN, DISPATCH));
            case "VISIT" -> nearest(back, text.substring(q.end(), clauseEnd), List.of(EXCHANGE));
            default -> Optional.empty();
        };
    }

    private static Optional<Metric> or(Optional<Metric> first, java.util.function.Supplier<Optional<Metric>> second) {
        return first.isPresent() ? first : second.get();
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
            if (",;:.()[]!?\"—–".indexOf(c) >= 0) mark = true;
        }
        return mark;
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

    private Optional<Metric> classifyChinese(String text, Quantity q) {
        // ZH_CLAUSE_DELIM matches single characters: the last one before the figure, the first one after it
        int start = 0;
        for (int i = q.start() - 1; i >= 0; i--) if (ZH_DELIMITERS.indexOf(text.charAt(i)) >= 0) { start = i + 1; break; }
        int end = text.length();
        for (int i = q.end(); i < text.length(); i++) if (ZH_DELIMITERS.indexOf(text.charAt(i)) >= 0) { end = i; break; }
        String back = text.substring(start, q.start());
        String forward = text.substring(q.end(), end);
        String cls = q.classifier();
        if (q.isMoney()) return nearest(back, forward, ZH_MONEY);
        if (cls == null) return Optional.empty();
        if (PEOPLE_CLASSIFIERS.contains(cls)) return or(nearest(back, forward, ZH_PEOPLE), () -> nearest(back, forward, ZH_WEAK_PEOPLE));
        Optional<Metric> m = nearest(back, forward, ZH_UNITS);
        if (m.isEmpty()) return m;
        return switch (m.get()) {
            case PROJECTS, AGREEMENTS -> UNIT_CLASSIFIERS.contains(cls) ? m : Optional.empty();
            case ENTERPRISES_INTRODUCED -> ENTERPRISE_CLASSIFIERS.contains(cls) && ZH_ENTERPRISE_INTRO.matcher(back + forward).find() ? m : Optional.empty();
            case VILLAGES_BENEFITED -> (VILLAGE_CLASSIFIERS.contains(cls) && ZH_VILLAGE_CUE.matcher(back + forward).find()) ? m : Optional.empty();
            default -> Optional.empty();
        };
    }
}
