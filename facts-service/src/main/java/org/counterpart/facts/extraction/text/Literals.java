package org.counterpart.facts.extraction.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A cheap necessary condition for a regular expression: literals at least one of which every match of the
 * expression contains. Why: most sentences contain none of a rule's key words, and a scan for a few literals
 * is far cheaper than trying a large (?i) alternation at every position. When a literal occurs the regex
 * still decides, so results are unchanged. Letters compare ASCII case-insensitively (a superset of what
 * (?i) without UNICODE_CASE matches), so a literal never misses a match.
 * <p>
 * The literals are searched with an Aho–Corasick automaton (one table step per character). They can be given
 * in numbered groups ({@link #groups}): one pass then tells which groups occur.
 */
public final class Literals {
    /** Alphabet index of each ASCII character (upper-case letters share their lower case's), -1 when none. */
    private final int[] asciiIndex = new int[128];
    /** Non-ASCII characters of the alphabet and their alphabet indices, in an open-addressing table (0 = empty). */
    private final char[] nonAscii;
    private final int[] nonAsciiIndex;
    /** Bit per non-ASCII BMP character of the alphabet (null when there is none): most Chinese text is rejected by one test. */
    private final long[] nonAsciiBits;
    private final int alphabet;
    /** delta[state * alphabet + symbol]: the automaton's next state. */
    private final int[] delta;
    /** Groups of the literals that end in each state (following failure links). */
    private final long[] output;
    private final long allGroups;

    private Literals(List<List<String>> groups) {
        if (groups.size() > 64) throw new IllegalArgumentException("at most 64 groups");
        Arrays.fill(asciiIndex, -1);
        TreeSet<Character> others = new TreeSet<>();
        int symbols = 0;
        long all = 0;
        for (int g = 0; g < groups.size(); g++) {
            all |= 1L << g;
            for (String l : groups.get(g)) {
                if (l.isEmpty()) throw new IllegalArgumentException("empty literal");
                for (char c : fold(l).toCharArray()) {
                    if (c >= 128) others.add(c);
                    else if (asciiIndex[c] < 0) {
                        asciiIndex[c] = symbols++;
                        if (c >= 'a' && c <= 'z') asciiIndex[c - 32] = asciiIndex[c];
                    }
                }
            }
        }
        allGroups = all;
        int slots = Integer.highestOneBit(Math.max(1, others.size()) * 4) * 2;
        nonAscii = new char[slots];
        nonAsciiIndex = new int[slots];
        for (char c : others) {
            int at = slot(c, slots);
            while (nonAscii[at] != 0) at = (at + 1) & (slots - 1);
            nonAscii[at] = c;
            nonAsciiIndex[at] = symbols++;
        }
        nonAsciiBits = others.isEmpty() ? null : new long[1024];
        for (char c : others) nonAsciiBits[c >>> 6] |= 1L << c;
        alphabet = Math.max(symbols, 1);

        // trie
        List<int[]> next = new ArrayList<>();
        List<Long> out = new ArrayList<>();
        next.add(newRow());
        out.add(0L);
        for (int g = 0; g < groups.size(); g++) {
            for (String l : groups.get(g)) {
                int state = 0;
                for (char c : fold(l).toCharArray()) {
                    int a = symbol(c);
                    if (next.get(state)[a] < 0) { next.get(state)[a] = next.size(); next.add(newRow()); out.add(0L); }
                    state = next.get(state)[a];
                }
                out.set(state, out.get(state) | (1L << g));
            }
        }
        // failure links, breadth first, turning the trie into a complete automaton
        int n = next.size();
        delta = new int[n * alphabet];
        output = new long[n];
        int[] fail = new int[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int a = 0; a < alphabet; a++) {
            int t = next.get(0)[a];
            if (t < 0) delta[a] = 0;
            else { delta[a] = t; fail[t] = 0; queue.add(t); }
        }
        output[0] = out.get(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            output[s] = out.get(s) | output[fail[s]];
            for (int a = 0; a < alphabet; a++) {
                int t = next.get(s)[a];
                if (t < 0) delta[s * alphabet + a] = delta[fail[s] * alphabet + a];
                else {
                    delta[s * alphabet + a] = t;
                    fail[t] = delta[fail[s] * alphabet + a];
                    queue.add(t);
                }
            }
        }
    }

    private static int slot(char c, int slots) { return (c * 0x9E3779B1 >>> 16) & (slots - 1); }

    private int[] newRow() {
        int[] row = new int[alphabet];
        Arrays.fill(row, -1);
        return row;
    }

    /** Alphabet index of a character (ASCII letters in either case), -1 when no literal has it. */
    private int symbol(char c) {
        if (c < 128) return asciiIndex[c];
        if (nonAsciiBits == null || (nonAsciiBits[c >>> 6] & (1L << c)) == 0) return -1;
        for (int at = slot(c, nonAscii.length); ; at = (at + 1) & (nonAscii.length - 1)) {
            if (nonAscii[at] == c) return nonAsciiIndex[at];
            if (nonAscii[at] == 0) return -1;
        }
    }

    public static Literals of(String... literals) { return new Literals(List.of(List.of(literals))); }

    /** Literals in numbered groups (at most 64): {@link #groupsIn} reports which groups occur. */
    public static Literals groups(List<List<String>> groups) { return new Literals(groups); }

    /** Whether any literal occurs in {@code text}. */
    public boolean in(CharSequence text) { return in(text, 0, text.length()); }

    /** Whether any literal occurs entirely within [from, to) of {@code text}. */
    public boolean in(CharSequence text, int from, int to) {
        return scan(text, from, to, 0) != 0;
    }

    /** Bit {@code g} set when a literal of group {@code g} occurs in {@code text}. */
    public long groupsIn(CharSequence text) { return scan(text, 0, text.length(), allGroups); }

    /** Groups found, stopping at the first hit unless {@code wanted} names groups still to look for. */
    private long scan(CharSequence text, int from, int to, long wanted) {
        long found = 0;
        int state = 0;
        for (int i = from; i < to; i++) {
            int a = symbol(text.charAt(i));
            if (a < 0) { state = 0; continue; } // no literal has this character: start afresh
            state = delta[state * alphabet + a];
            long o = output[state];
            if (o != 0) {
                found |= o;
                if ((found & wanted) == wanted) return found;
            }
        }
        return found;
    }

    private static char fold(char c) { return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c; }

    private static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) sb.append(fold(s.charAt(i)));
        return sb.toString();
    }

    /** Whether {@code text} has an ASCII digit in [from, to): every rule about figures, dates or years needs one. */
    public static boolean hasDigit(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) { char c = text.charAt(i); if (c >= '0' && c <= '9') return true; }
        return false;
    }

    public static boolean hasDigit(CharSequence text) { return hasDigit(text, 0, text.length()); }
}
