package org.counterpart.facts.extraction.gazetteer;

import org.counterpart.facts.extraction.text.Scripts;

import java.util.*;

/**
 * Finds the regions named in a piece of text. English names are matched on runs of up to five words
 * compared letters-only (so spacing, apostrophes and suffixes such as "Autonomous Prefecture" do not matter),
 * longest run first; Chinese names by longest full or short name. A capitalised word of six letters or more
 * one edit away from a province name counts as that province ("Guandong").
 */
public final class RegionMatcher {
    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");
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

    /**
     * @param preferredProvinces province codes already known to be discussed, used to pick between
     *                           homonyms such as Suzhou (Jiangsu) and Suzhou (Anhui)
     */
    public List<RegionMention> find(String text, Set<String> preferredProvinces) {
        return find(text, preferredProvinces, NO_COUNTIES);
    }

    public static final KnownCounties NO_COUNTIES = new KnownCounties(Map.of());

    /**
     * @param knownCounties counties the report already named in full: their bare names ("Kunshan", "Rongshui",
     *                      昆山) then count too, which alone would be too ambiguous
     */
    public List<RegionMention> find(String text, Set<String> preferredProvinces, Collection<Region> knownCounties) {
        return find(text, preferredProvinces, knownCounties(knownCounties));
    }

    /** The bare names of counties a report named in full, worked out once per report rather than per sentence. */
    public static KnownCounties knownCounties(Collection<Region> counties) {
        Map<String, Region> bare = new HashMap<>();
        for (Region c : counties) {
            bare.put(bareKey(c.name()), c);
            for (String v : c.variants()) bare.put(bareKey(v), c);
            if (c.zhShort().length() >= 2) bare.put(c.zhShort(), c);
        }
        return new KnownCounties(bare);
    }

    /**
     * Bare county names ("kunshan", 昆山) and the counties they stand for, with the names in a trie: the Chinese
     * scan asks at every Han character, and a trie walk spares a substring and a lookup per candidate length.
     */
    public static final class KnownCounties {
        private final Map<String, Region> byBareName;
        private final ChineseNameTrie names;

        public KnownCounties(Map<String, Region> byBareName) {
            this.byBareName = byBareName;
            this.names = new ChineseNameTrie(byBareName.keySet());
        }

        public Map<String, Region> byBareName() { return byBareName; }
    }

    public List<RegionMention> find(String text, Set<String> preferredProvinces, KnownCounties knownCounties) {
        return findAll(text, preferredProvinces, knownCounties).mentions();
    }

    /**
     * The mentions of a text, and whether preferred provinces could have changed any of them: only a name with
     * homonyms of one level is picked by preference. Without that (and without new bare county names) a search
     * with other preferences finds the same mentions.
     */
    public record Found(List<RegionMention> mentions, boolean homonyms) {}

    public Found findAll(String text, Set<String> preferredProvinces, KnownCounties knownCounties) {
        Map<String, Region> bare = knownCounties.byBareName();
        List<RegionMention> out = new ArrayList<>();
        boolean[] homonyms = new boolean[1];
        findEnglish(text, preferredProvinces, bare, out, homonyms);
        findChinese(text, preferredProvinces, knownCounties, out, homonyms);
        out.sort(Comparator.comparingInt(RegionMention::start));
        return new Found(out, homonyms[0]);
    }

    /** "Rongshui Autonomous County" → "rongshui": the name without its administrative words. */
    private static String bareKey(String name) {
        StringBuilder sb = new StringBuilder();
        for (String w : BLANKS.split(name)) if (!SUFFIX_WORDS.contains(Gazetteer.key(w))) sb.append(Gazetteer.key(w));
        return sb.toString();
    }

    /**
     * The words of a text as the regex [A-Za-z][A-Za-z']* finds them, less a trailing "'s" or apostrophes. Why
     * hand-rolled and lazy: this runs twice on every sentence, and most words are lower case and never looked
     * up; their keys are made only when a name might run into them.
     */
    private static final class Words {
        final String text;
        int size;
        int[] start = new int[16], end = new int[16];
        boolean[] capitalised = new boolean[16];
        private String[] keys = new String[16];

        Words(String text) {
            this.text = text;
            int n = text.length();
            for (int i = 0; i < n; ) {
                if (!isAsciiLetter(text.charAt(i))) { i++; continue; }
                int e = i + 1;
                while (e < n && (isAsciiLetter(text.charAt(e)) || text.charAt(e) == '\'')) e++;
                int next = e;
                if (e - i >= 2 && text.charAt(e - 2) == '\'' && text.charAt(e - 1) == 's') e -= 2;
                while (e > i && text.charAt(e - 1) == '\'') e--;
                if (e > i) add(i, e, Character.isUpperCase(text.charAt(i)));
                i = next;
            }
        }

        private void add(int s, int e, boolean cap) {
            if (size == start.length) {
                int len = size * 2;
                start = Arrays.copyOf(start, len);
                end = Arrays.copyOf(end, len);
                capitalised = Arrays.copyOf(capitalised, len);
                keys = Arrays.copyOf(keys, len);
            }
            start[size] = s;
            end[size] = e;
            capitalised[size++] = cap;
        }

        /** The word's letters in lower case: {@link Gazetteer#key} of it, as the word holds only letters and apostrophes. */
        String key(int k) {
            String key = keys[k];
            if (key == null) {
                char[] out = new char[end[k] - start[k]];
                int n = 0;
                for (int i = start[k]; i < end[k]; i++) {
                    char c = text.charAt(i);
                    if (c != '\'') out[n++] = c <= 'Z' ? (char) (c + 32) : c;
                }
                keys[k] = key = new String(out, 0, n);
            }
            return key;
        }

        /** Whether word k can continue a name begun before it: a blank gap, and capitalised, an administrative word or "and". */
        boolean joins(int k) {
            return blank(text, end[k - 1], start[k])
                    && (capitalised[k] || SUFFIX_WORDS.contains(key(k)) || key(k).equals("and"));
        }
    }

    private static boolean isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    private static boolean blank(String text, int from, int to) {
        for (int i = from; i < to; i++) if (!Character.isWhitespace(text.charAt(i))) return false;
        return true;
    }

    private void findEnglish(String text, Set<String> preferred, Map<String, Region> bare, List<RegionMention> out, boolean[] homonyms) {
        Words words = new Words(text);
        int size = words.size;
        for (int i = 0; i < size; ) {
            if (!words.capitalised[i] || NOT_NAMES.contains(words.key(i))) { i++; continue; }
            // longest run of joined words (at most five); any shorter run from the same word is joined too
            int run = 1;
            while (run < Math.min(5, size - i) && words.joins(i + run)) run++;
            String full = words.key(i);
            int[] keyLength = new int[run + 1];
            keyLength[1] = full.length();
            if (run > 1) {
                StringBuilder key = new StringBuilder(full);
                for (int k = 1; k < run; k++) {
                    if (!ETHNIC_WORDS.contains(words.key(i + k))) key.append(words.key(i + k));
                    keyLength[k + 1] = key.length();
                }
                full = key.toString();
            }
            int matchedLen = 0;
            Region matched = null;
            for (int n = run; n >= 1 && matched == null; n--) {
                String key = keyLength[n] == full.length() ? full : full.substring(0, keyLength[n]);
                List<Region> candidates = gazetteer.english(key);
                if (candidates.isEmpty() && bare.containsKey(key)) candidates = List.of(bare.get(key));
                if (n == 1 && key.length() < 4) candidates = candidates.stream().filter(Region::isProvince).toList();
                if (!candidates.isEmpty()) { matched = pick(candidates, preferred, homonyms); matchedLen = n; }
            }
            if (matched == null && words.key(i).length() >= 6) {
                List<Region> near = gazetteer.nearMiss(words.key(i)).stream().filter(Region::isProvince).toList();
                if (near.size() == 1) { matched = near.get(0); matchedLen = 1; }
            }
            if (matched != null) {
                out.add(new RegionMention(matched, words.start[i], words.end[i + matchedLen - 1]));
                i += matchedLen;
            } else {
                i++;
            }
        }
    }

    private void findChinese(String text, Set<String> preferred, KnownCounties known, List<RegionMention> out, boolean[] homonyms) {
        Map<String, Region> bare = known.byBareName();
        int max = gazetteer.longestChinese();
        for (int i = 0; i < text.length(); ) {
            if (!Scripts.isHan(text.charAt(i))) { i++; continue; }
            // the longest gazetteer name here (no name is longer than the longest from its first character, so
            // the trie walk needs no tighter bound); a longer bare county name wins, as the longest candidate did
            int len = gazetteer.longestChineseAt(text, i, Math.min(max, text.length() - i));
            Region matched = len > 0 ? pick(gazetteer.chinese(text.substring(i, i + len)), preferred, homonyms) : null;
            if (!bare.isEmpty()) {
                int limit = Math.min(Math.min(max, Math.max(gazetteer.longestChineseFrom(text.charAt(i)), 4)), text.length() - i);
                // the longest bare name within the limit, if longer than the gazetteer's name
                int n = known.names.longestAt(text, i, limit);
                if (n > Math.max(len, 1)) { matched = pick(List.of(bare.get(text.substring(i, i + n))), preferred, homonyms); len = n; }
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
    private static Region pick(List<Region> candidates, Set<String> preferred, boolean[] homonyms) {
        Region best = candidates.get(0);
        if (candidates.size() > 1 && candidates.get(1).depth() == best.depth()) homonyms[0] = true;
        for (Region r : candidates) {
            if (r.depth() != best.depth()) break;
            if (preferred.contains(r.provinceCode())) return r;
        }
        return best;
    }
}
