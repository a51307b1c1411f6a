package org.counterpart.facts.extraction.gazetteer;

import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the regions named in a piece of text. English names are matched on runs of up to five words
 * compared letters-only (so spacing, apostrophes and suffixes such as "Autonomous Prefecture" do not matter),
 * longest run first; Chinese names by longest full or short name. A capitalised word of six letters or more
 * one edit away from a province name counts as that province ("Guandong").
 */
public final class RegionMatcher {
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z']*");
    private static final Set<String> SUFFIX_WORDS = Set.of("autonomous", "region", "prefecture", "county", "city",
            "province", "district", "municipality", "league", "banner", "zhuang", "hui", "uygur", "uyghur");
    /** Ethnic names inside English names of autonomous units, left out of the lookup key ("Rongshui Miao Autonomous County"). */
    private static final Set<String> ETHNIC_WORDS = Set.of("miao", "dong", "buyi", "bouyei", "tujia", "yi", "yao", "zhuang",
            "hui", "tibetan", "uygur", "uyghur", "mongolian", "korean", "li", "bai", "hani", "dai", "lisu", "qiang", "gelao",
            "shui", "mulao", "maonan", "salar", "dongxiang", "tu", "kazak", "kazakh", "naxi", "wa", "lahu", "jingpo", "and");
    /** Capitalised English words that happen to be one edit from a province name or are pinyin look-alikes. */
    private static final Set<String> NOT_NAMES = Set.of("china", "chinese", "east", "west", "western", "eastern",
            "central", "south", "north", "national", "general", "secretary", "committee", "province", "provincial");

    private final Gazetteer gazetteer;

    public RegionMatcher(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    private record Word(String key, int start, int end, boolean capitalised) {}

    /**
     * @param preferredProvinces province codes already known to be discussed, used to pick between
     *                           homonyms such as Suzhou (Jiangsu) and Suzhou (Anhui)
     */
    public List<RegionMention> find(String text, Set<String> preferredProvinces) {
        return find(text, preferredProvinces, Set.of());
    }

    /**
     * @param knownCounties counties the report already named in full: their bare names ("Kunshan", "Rongshui",
     *                      昆山) then count too, which alone would be too ambiguous
     */
    public List<RegionMention> find(String text, Set<String> preferredProvinces, Collection<Region> knownCounties) {
        Map<String, Region> bare = new HashMap<>();
        for (Region c : knownCounties) {
            bare.put(bareKey(c.name()), c);
            for (String v : c.variants()) bare.put(bareKey(v), c);
            if (c.zhShort().length() >= 2) bare.put(c.zhShort(), c);
        }
        List<RegionMention> out = new ArrayList<>();
        findEnglish(text, preferredProvinces, bare, out);
        findChinese(text, preferredProvinces, bare, out);
        out.sort(Comparator.comparingInt(RegionMention::start));
        return out;
    }

    /** "Rongshui Autonomous County" → "rongshui": the name without its administrative words. */
    private static String bareKey(String name) {
        StringBuilder sb = new StringBuilder();
        for (String w : name.split("\\s+")) if (!SUFFIX_WORDS.contains(Gazetteer.key(w))) sb.append(Gazetteer.key(w));
        return sb.toString();
    }

    private void findEnglish(String text, Set<String> preferred, Map<String, Region> bare, List<RegionMention> out) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            int end = m.end();
            if (w.endsWith("'s")) { w = w.substring(0, w.length() - 2); end -= 2; }
            while (w.endsWith("'")) { w = w.substring(0, w.length() - 1); end--; }
            if (w.isEmpty()) continue;
            words.add(new Word(Gazetteer.key(w), m.start(), end, Character.isUpperCase(w.charAt(0))));
        }
        for (int i = 0; i < words.size(); ) {
            Word first = words.get(i);
            if (!first.capitalised() || NOT_NAMES.contains(first.key())) { i++; continue; }
            int matchedLen = 0;
            Region matched = null;
            for (int n = Math.min(5, words.size() - i); n >= 1 && matched == null; n--) {
                StringBuilder key = new StringBuilder();
                boolean ok = true;
                for (int k = 0; k < n; k++) {
                    Word w = words.get(i + k);
                    if (k > 0) {
                        String gap = text.substring(words.get(i + k - 1).end(), w.start());
                        if (!gap.isBlank() || !(w.capitalised() || SUFFIX_WORDS.contains(w.key()) || w.key().equals("and"))) { ok = false; break; }
                    }
                    if (k == 0 || !ETHNIC_WORDS.contains(w.key())) key.append(w.key());
                }
                if (!ok) continue;
                List<Region> candidates = gazetteer.english(key.toString());
                if (candidates.isEmpty() && bare.containsKey(key.toString())) candidates = List.of(bare.get(key.toString()));
                if (n == 1 && key.length() < 4) candidates = candidates.stream().filter(Region::isProvince).toList();
                if (!candidates.isEmpty()) { matched = pick(candidates, preferred); matchedLen = n; }
            }
            if (matched == null && first.key().length() >= 6) {
                List<Region> near = gazetteer.nearMiss(first.key()).stream().filter(Region::isProvince).toList();
                if (near.size() == 1) { matched = near.get(0); matchedLen = 1; }
            }
            if (matched != null) {
                out.add(new RegionMention(matched, first.start(), words.get(i + matchedLen - 1).end()));
                i += matchedLen;
            } else {
                i++;
            }
        }
    }

    private void findChinese(String text, Set<String> preferred, Map<String, Region> bare, List<RegionMention> out) {
        int max = gazetteer.longestChinese();
        for (int i = 0; i < text.length(); ) {
            if (Character.UnicodeScript.of(text.charAt(i)) != Character.UnicodeScript.HAN) { i++; continue; }
            Region matched = null;
            int len = 0;
            int longest = Math.max(gazetteer.longestChineseFrom(text.charAt(i)), bare.isEmpty() ? 0 : 4);
            for (int n = Math.min(Math.min(max, longest), text.length() - i); n >= 2 && matched == null; n--) {
                List<Region> candidates = gazetteer.chinese(text.substring(i, i + n));
                if (candidates.isEmpty() && bare.containsKey(text.substring(i, i + n))) candidates = List.of(bare.get(text.substring(i, i + n)));
                if (!candidates.isEmpty()) { matched = pick(candidates, preferred); len = n; }
            }
            if (matched != null) {
                out.add(new RegionMention(matched, i, i + len));
                i += len;
            } else {
                i++;
            }
        }
    }

    /** Broadest level first; among homonyms of one level, one in a province already under discussion. */
    private static Region pick(List<Region> candidates, Set<String> preferred) {
        Region best = candidates.get(0);
        for (Region r : candidates) {
            if (r.depth() != best.depth()) break;
            if (preferred.contains(r.provinceCode())) return r;
        }
        return best;
    }
}
