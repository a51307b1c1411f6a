package org.counterpart.facts.extraction.lexicon;

import org.counterpart.facts.extraction.text.KeyedPattern;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Word lists of the extractor, kept as data under {@code extraction/lexicon/<language>/}: one phrase per line,
 * {@code #} starts a comment. A line is a regular-expression alternative, so that inflections can be written once
 * ({@code train(?:ed|ing|s)?}); English lines match whole words only.
 * Knowledge lives in these files; this class only turns them into patterns.
 */
public final class Lexicon {
    private static final String ROOT = "/extraction/lexicon/";

    private Lexicon() {}

    /** The phrases of a list, e.g. {@code phrases("en", "metric/funds_cny")}. */
    public static List<String> phrases(String language, String name) {
        return lines(ROOT + language + "/" + name + ".txt");
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing lexicon " + resource);
            List<String> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                int hash = line.indexOf(" #");
                String phrase = (line.startsWith("#") ? "" : hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!phrase.isEmpty()) out.add(phrase);
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A two-column table ({@code key<TAB>value}) as a map; a key listed twice keeps its first value. */
    public static Map<String, String> table(String language, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] row : rows(language, name)) out.putIfAbsent(row[0], row[1]);
        return Collections.unmodifiableMap(out);
    }

    /** A two-column table read the other way: each value with the set of keys listed for it. */
    public static Map<String, Set<String>> multiTable(String language, String name) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String[] row : rows(language, name)) out.computeIfAbsent(row[1], k -> new LinkedHashSet<>()).add(row[0]);
        return Collections.unmodifiableMap(out);
    }

    private static List<String[]> rows(String language, String name) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines(ROOT + language + "/" + name + ".tsv")) {
            String[] cells = line.split("\t");
            if (cells.length < 2) throw new IllegalStateException("lexicon " + name + ": expected two columns in '" + line + "'");
            out.add(new String[] {cells[0].strip(), cells[1].strip()});
        }
        return out;
    }

    /** One pattern matching any phrase of the list (case-insensitive). */
    public static KeyedPattern pattern(String language, String name) {
        return KeyedPattern.compile(regex(language, name), Pattern.CASE_INSENSITIVE);
    }

    /** The list as one regular-expression alternation. */
    public static String regex(String language, String name) {
        List<String> alternatives = new ArrayList<>();
        List<String> phrases = new ArrayList<>(phrases(language, name));
        // the longest phrase first: an alternation takes the first alternative that fits (投资金额 before 投资)
        phrases.sort((a, b) -> b.length() - a.length());
        for (String p : phrases) alternatives.add("en".equals(language) ? wholeWords(p) : p);
        return String.join("|", alternatives);
    }

    private static String wholeWords(String phrase) {
        String s = "(?:" + phrase + ")";
        char first = phrase.charAt(0), last = phrase.charAt(phrase.length() - 1);
        if (Character.isLetter(first) || first == '(') s = "\\b" + s;
        // a word, or a group or quantifier of word characters, ends at a word boundary
        if (Character.isLetter(last) || last == ')' || last == '?' || last == '*' || last == '+') s = s + "\\b";
        return s;
    }
}
