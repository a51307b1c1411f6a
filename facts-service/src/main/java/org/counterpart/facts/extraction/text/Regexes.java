package org.counterpart.facts.extraction.text;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles a pattern so that a scan rejects most positions with one character test. Java tries every
 * alternative of {@code \bwill\b|\bplans?\s+to\b|…} at every position, each with its own costly word-boundary
 * check; when every match must start with one of a few known characters, a look-ahead for them in front skips
 * the rest. Why it is safe: the look-ahead only states what the first character of any match already is, so
 * matches, groups and offsets stay the same. Patterns whose first character cannot be read off simply (a
 * leading class, an optional part, an anchor) are compiled unchanged.
 */
public final class Regexes {
    private Regexes() {}

    public static Pattern compile(String regex) { return compile(regex, 0); }

    public static Pattern compile(String regex, int flags) {
        boolean ci = (flags & Pattern.CASE_INSENSITIVE) != 0;
        String body = regex;
        if (body.startsWith("(?i)")) { ci = true; body = body.substring(4); }
        Set<Character> first = firstChars(body);
        if (first == null) return Pattern.compile(regex, flags);
        String factored = factorWordBoundaries(body);
        if (factored == null) factored = factorLeadingGroup(body);
        if (factored != null) regex = (ci && regex.startsWith("(?i)") ? "(?i)" : "") + factored;
        StringBuilder set = new StringBuilder();
        for (char c : first) {
            appendClassChar(set, c);
            if (ci && c >= 'a' && c <= 'z') set.append((char) (c - 32));
            if (ci && c >= 'A' && c <= 'Z') set.append((char) (c + 32));
        }
        return Pattern.compile("(?=[" + set + "])(?:" + regex + ")", flags);
    }

    /**
     * As {@link #compile(String)} for a pattern whose first characters cannot be read off simply: the caller
     * states them as the body of a character class (every match must start with one of them).
     */
    public static Pattern startingWith(String firstCharClass, String regex) {
        return Pattern.compile("(?=[" + firstCharClass + "])(?:" + regex + ")");
    }

    /**
     * Literals one of which every match of {@code regex} contains (the longest plain run of each alternative, or
     * of a group it must pass through); null when some alternative has none. Feeds {@link Literals} guards.
     */
    public static Literals requiredLiterals(String regex) {
        String body = regex.startsWith("(?i)") ? regex.substring(4) : regex;
        java.util.List<String> lits = required(body);
        return lits == null ? null : Literals.of(lits.toArray(String[]::new));
    }

    private static java.util.List<String> required(String regex) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String alt : alternatives(regex)) {
            if (alt == null) return null;
            java.util.List<String> r = requiredInSequence(alt);
            if (r == null) return null;
            out.addAll(r);
        }
        return out;
    }

    private static java.util.List<String> requiredInSequence(String s) {
        String best = "";
        java.util.List<String> groups = new java.util.ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '.' || c == '^' || c == '$') {
                if (run.length() > best.length()) best = run.toString();
                run.setLength(0);
                if (c == '\\') i++;
                if (i + 1 < s.length() && "?*{+".indexOf(s.charAt(i + 1)) >= 0) i = skipQuantifier(s, i + 1);
            } else if (c == '[' || c == '(') {
                if (run.length() > best.length()) best = run.toString();
                run.setLength(0);
                int close = c == '[' ? classEnd(s, i) : closing(s, i);
                if (close < 0) return null;
                boolean optional = close + 1 < s.length() && "?*{".indexOf(s.charAt(close + 1)) >= 0;
                if (c == '(' && !optional) {
                    String inner = s.substring(i + 1, close);
                    if (inner.startsWith("?:")) groups.add(inner.substring(2));
                    else if (!inner.startsWith("?")) groups.add(inner);
                }
                i = close;
                if (close + 1 < s.length() && "?*{+".indexOf(s.charAt(close + 1)) >= 0) i = skipQuantifier(s, close + 1);
            } else if (c == '?' || c == '*' || c == '{') {
                // the character before is optional: it leaves the run
                if (run.length() > 0) run.setLength(run.length() - 1);
                if (run.length() > best.length()) best = run.toString();
                run.setLength(0);
                i = skipQuantifier(s, i);
            } else if (c == '+') {
                if (run.length() > best.length()) best = run.toString();
                run.setLength(0);
            } else if (c == '|' || c == ')') {
                return null;
            } else {
                run.append(c);
            }
        }
        if (run.length() > best.length()) best = run.toString();
        // every match passes through each plain run and each group that is not optional: take the choice whose
        // shortest literal is longest, as that rules out the most texts
        java.util.List<String> chosen = best.isEmpty() ? null : java.util.List.of(best);
        for (String g : groups) {
            java.util.List<String> lits = required(g);
            if (lits != null && (chosen == null || shortest(lits) > shortest(chosen))) chosen = lits;
        }
        return chosen;
    }

    private static int shortest(java.util.List<String> literals) {
        int min = Integer.MAX_VALUE;
        for (String l : literals) min = Math.min(min, l.length());
        return min;
    }

    /** Index of the last character of the quantifier starting at {@code i} (including a lazy/possessive mark). */
    private static int skipQuantifier(String s, int i) {
        if (s.charAt(i) == '{') { int close = s.indexOf('}', i); i = close < 0 ? s.length() - 1 : close; }
        if (i + 1 < s.length() && (s.charAt(i + 1) == '?' || s.charAt(i + 1) == '+')) i++;
        return i;
    }

    private static void appendClassChar(StringBuilder sb, char c) {
        if (c < 128 && !Character.isLetterOrDigit(c)) sb.append('\\');
        sb.append(c);
    }

    /**
     * {@code \bA|\bB|C} as {@code \b(?:A|B)|C}: alternatives tried in the same order at the same position, but
     * the word-boundary test (a costly character-property lookup) made once rather than once per alternative.
     * Null when there is nothing to factor.
     */
    static String factorWordBoundaries(String regex) {
        java.util.List<String> alts = alternatives(regex);
        if (alts.contains(null)) return null;
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        for (int i = 0; i < alts.size(); ) {
            if (out.length() > 0) out.append('|');
            int j = i;
            while (j < alts.size() && alts.get(j).startsWith("\\b")) j++;
            if (j - i >= 2) {
                out.append("\\b(?:");
                for (int k = i; k < j; k++) out.append(k > i ? "|" : "").append(alts.get(k).substring(2));
                out.append(')');
                changed = true;
                i = j;
            } else {
                out.append(alts.get(i));
                i++;
            }
        }
        return changed ? out.toString() : null;
    }

    /** {@code (?:\\bA|\\bB|C)rest} as {@code (?:\\b(?:A|B)|C)rest}; null when there is nothing to factor. */
    static String factorLeadingGroup(String regex) {
        if (!regex.startsWith("(?:") || alternatives(regex).size() != 1) return null;
        int close = closing(regex, 0);
        if (close < 0) return null;
        String inner = factorWordBoundaries(regex.substring(3, close));
        return inner == null ? null : "(?:" + inner + regex.substring(close);
    }

    /** The characters any match of {@code regex} starts with; null when not simply known. */
    static Set<Character> firstChars(String regex) {
        Set<Character> out = new LinkedHashSet<>();
        for (String alt : alternatives(regex)) {
            if (alt == null) return null;
            Set<Character> f = firstOfSequence(alt);
            if (f == null) return null;
            out.addAll(f);
        }
        return out.isEmpty() ? null : out;
    }

    private static Set<Character> firstOfSequence(String s) {
        int i = 0;
        while (true) {
            // word boundaries and look-arounds consume nothing: the first character comes after them
            if (s.startsWith("\\b", i)) { i += 2; continue; }
            if (s.startsWith("(?<!", i) || s.startsWith("(?<=", i) || s.startsWith("(?=", i) || s.startsWith("(?!", i)) {
                int close = closing(s, i);
                if (close < 0 || quantified(s, close + 1)) return null;
                i = close + 1;
                continue;
            }
            break;
        }
        if (i >= s.length()) return null;
        char c = s.charAt(i);
        if (c == '(') {
            int close = closing(s, i);
            if (close < 0 || quantified(s, close + 1)) return null;
            String inner = s.substring(i + 1, close);
            if (inner.startsWith("?:")) inner = inner.substring(2);
            else if (inner.startsWith("?")) return null; // flags, named groups
            return firstChars(inner);
        }
        if ("\\[.^$?*+{)|".indexOf(c) >= 0) return null;
        if (Character.isHighSurrogate(c) || quantified(s, i + 1)) return null;
        return Set.of(c);
    }

    private static boolean quantified(String s, int i) {
        return i < s.length() && "?*{".indexOf(s.charAt(i)) >= 0;
    }

    /** Index of the parenthesis closing the one at {@code open}, or -1. */
    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '[') { i = classEnd(s, i); if (i < 0) return -1; continue; }
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }

    private static int classEnd(String s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '[') return -1; // nested classes: not read here
            if (c == ']' && i > open + 1) return i;
        }
        return -1;
    }

    /** Top-level alternatives; a null element when the pattern cannot be split simply. */
    private static java.util.List<String> alternatives(String s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '[') { i = classEnd(s, i); if (i < 0) { out.add(null); return out; } continue; }
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) { out.add(s.substring(start, i)); start = i + 1; }
        }
        out.add(depth == 0 ? s.substring(start) : null);
        return out;
    }
}
