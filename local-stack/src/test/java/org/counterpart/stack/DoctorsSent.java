package org.counterpart.stack;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-sentence report the extractor reads as personnel_exchanged between a real pair ("In 2003 Qingdao sent 117
 * doctors to Anshun."), different every time: the pair and year change with each report, so no two of them
 * overlap in a total and each one's claim counts, and the figure is unique, so ingest never takes one for a
 * repost of another.
 */
record DoctorsSent(int year, String donor, String recipient, int doctors) {

    static final String METRIC = "personnel_exchanged";

    /** City and prefecture pairs of the pairing lists whose names the gazetteer resolves without doubt. */
    private static final List<String[]> PAIRS = List.of(
            new String[] {"Dalian", "Liupanshui"}, new String[] {"Qingdao", "Xiangxi"},
            new String[] {"Jinan", "Xiangxi"}, new String[] {"Hangzhou", "Qiandongnan"},
            new String[] {"Hangzhou", "Enshi"}, new String[] {"Ningbo", "Qianxinan"},
            new String[] {"Ningbo", "Yanbian"}, new String[] {"Guangzhou", "Bijie"},
            new String[] {"Guangzhou", "Qiannan"}, new String[] {"Shenzhen", "Baise"},
            new String[] {"Shenzhen", "Hechi"}, new String[] {"Foshan", "Liangshan"},
            new String[] {"Dongguan", "Zhaotong"}, new String[] {"Zhongshan", "Zhaotong"},
            new String[] {"Zhuhai", "Nujiang"}, new String[] {"Xiamen", "Linxia"});
    private static final int FIRST_YEAR = 1997;
    private static final int YEARS = 28;
    private static final AtomicInteger COUNT = new AtomicInteger();

    static DoctorsSent next() {
        int n = COUNT.getAndIncrement();
        if (n >= PAIRS.size() * YEARS) {
            throw new IllegalStateException("Every pair and year has been used once; a repeat would overlap");
        }
        String[] pair = PAIRS.get(n % PAIRS.size());
        return new DoctorsSent(FIRST_YEAR + n / PAIRS.size(), pair[0], pair[1], 101 + n);
    }

    String sentence() {
        return "In " + year + " " + donor + " sent " + doctors + " doctors to " + recipient + ".";
    }
}
