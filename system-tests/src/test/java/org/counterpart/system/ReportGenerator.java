package org.counterpart.system;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates reports whose facts the extractor is known to extract (checked offline by {@code ReportGeneratorTest}):
 * one templated English sentence per report, naming a real city-to-prefecture pairing, one metric and one year.
 * Every (pair, metric, year) is used at most once, so no two claims of a pair and metric overlap in time and no two
 * reports restate one claim: the expected total of a pair and metric is then simply the sum of its accepted reports'
 * values. Only leaf pairs (no pair is another's parent) are used, so no roll-up mixes them.
 */
final class ReportGenerator {

    /** Donor and recipient as the extractor and GET /totals name them. */
    record Pair(String donor, String recipient) {}

    record Template(String metric, String sentence, long multiplier) {}

    /** One generated report and the single fact it states. */
    record Report(String text, Pair pair, String metric, BigDecimal value, int year) {
        Key key() { return new Key(pair.donor(), pair.recipient(), metric); }
    }

    /** A row of GET /totals. */
    record Key(String donor, String recipient, String metric) {
        @Override public String toString() { return donor + " -> " + recipient + " " + metric; }
    }

    static final List<Pair> PAIRS = List.of(
            new Pair("Dalian", "Liupanshui"), new Pair("Qingdao", "Anshun"), new Pair("Hangzhou", "Qiandongnan"),
            new Pair("Ningbo", "Qianxinan"), new Pair("Suzhou", "Tongren"), new Pair("Guangzhou", "Bijie"),
            new Pair("Guangzhou", "Qiannan"), new Pair("Shenzhen", "Baise"), new Pair("Shenzhen", "Hechi"),
            new Pair("Foshan", "Liangshan"), new Pair("Dongguan", "Zhaotong"), new Pair("Zhuhai", "Nujiang"),
            new Pair("Fuzhou", "Dingxi"), new Pair("Xiamen", "Linxia"), new Pair("Hangzhou", "Enshi"),
            new Pair("Ningbo", "Yanbian"));

    /** Arguments: year, donor, number, recipient. */
    static final List<Template> TEMPLATES = List.of(
            new Template("funds_cny", "In %1$d, %2$s allocated %3$d million yuan of aid funds to %4$s.", 1_000_000L),
            new Template("projects", "In %1$d, %2$s implemented %3$d aid projects in %4$s.", 1L),
            new Template("people_trained", "In %1$d, %2$s trained %3$d cadres and technicians from %4$s.", 1L));

    static final int FIRST_YEAR = 1996;
    static final int LAST_YEAR = 2020;

    private final List<int[]> slots = new ArrayList<>();
    private final Random random;
    private int next;

    ReportGenerator(long seed) {
        random = new Random(seed);
        for (int p = 0; p < PAIRS.size(); p++) {
            for (int t = 0; t < TEMPLATES.size(); t++) {
                for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
                    slots.add(new int[] {p, t, y});
                }
            }
        }
        Collections.shuffle(slots, random);
    }

    /** How many distinct reports this generator can make. */
    int capacity() { return slots.size(); }

    synchronized Report next() {
        if (next >= slots.size()) {
            throw new IllegalStateException("all " + slots.size() + " (pair, metric, year) slots used");
        }
        int[] slot = slots.get(next++);
        return make(PAIRS.get(slot[0]), TEMPLATES.get(slot[1]), slot[2], 1 + random.nextInt(999));
    }

    static Report make(Pair pair, Template template, int year, int number) {
        String text = String.format(template.sentence(), year, pair.donor(), number, pair.recipient());
        return new Report(text, pair, template.metric(), BigDecimal.valueOf(number * template.multiplier()), year);
    }

    /** Every slot, in order, for the offline check. */
    static List<Report> all() {
        List<Report> all = new ArrayList<>();
        int n = 1;
        for (Pair pair : PAIRS) {
            for (Template template : TEMPLATES) {
                for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
                    all.add(make(pair, template, y, 1 + (n++ * 37) % 999));
                }
            }
        }
        return all;
    }
}
