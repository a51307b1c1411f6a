package org.counterpart.facts.extraction.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern with the literals one of which any match contains (read off the regex by {@link Regexes}). Why:
 * a scan for a few literals costs a fraction of a regex scan, and most texts contain none of them; when one
 * occurs the pattern decides as before. {@code keys} is null when no such literals are known.
 */
public final class KeyedPattern {
    private final Pattern pattern;
    private final Literals keys;
    /** One matcher per thread, reset for each text: making a matcher costs more than most of the scans it serves. */
    private final ThreadLocal<Matcher> matchers = new ThreadLocal<>();
    /**
     * The matcher of the thread that asked last. Why: a thread-local lookup hashes into a table shared by all the
     * patterns, and costs more than the scans it serves; one thread usually asks many times in a row.
     */
    private volatile Owned last;

    private record Owned(Thread thread, Matcher matcher) {}

    public KeyedPattern(Pattern pattern, Literals keys) {
        this.pattern = pattern;
        this.keys = keys;
    }

    public static KeyedPattern compile(String regex) { return compile(regex, 0); }

    public static KeyedPattern compile(String regex, int flags) {
        return new KeyedPattern(Regexes.compile(regex, flags), Regexes.requiredLiterals(regex));
    }

    /** As {@link Regexes#startingWith}: the caller states the characters every match starts with. */
    public static KeyedPattern startingWith(String firstCharClass, String regex) {
        return new KeyedPattern(Regexes.startingWith(firstCharClass, regex), Regexes.requiredLiterals(regex));
    }

    public Pattern pattern() { return pattern; }

    public Literals keys() { return keys; }

    /** False only when no match can exist in [from, to) of {@code text}. */
    public boolean mayMatch(CharSequence text, int from, int to) { return keys == null || keys.in(text, from, to); }

    public boolean mayMatch(CharSequence text) { return mayMatch(text, 0, text.length()); }

    /**
     * A matcher on {@code text}: this thread's one matcher for the pattern, so it must be used up before the
     * pattern is asked for another (here or through {@link #findIn}/{@link #foundIn}).
     */
    public Matcher matcher(CharSequence text) {
        Owned o = last;
        Thread t = Thread.currentThread();
        if (o != null && o.thread() == t) return o.matcher().reset(text);
        Matcher m = matchers.get();
        if (m == null) matchers.set(m = pattern.matcher(text));
        else m.reset(text);
        last = new Owned(t, m);
        return m;
    }

    /**
     * A matcher on the first match in {@code text}, or null when there is none (no scan when the literals rule it
     * out). The matcher is the one of {@link #matcher}: read it before asking this pattern again.
     */
    public Matcher findIn(CharSequence text) {
        if (!mayMatch(text)) return null;
        Matcher m = matcher(text);
        return m.find() ? m : null;
    }

    /** Whether the pattern occurs in {@code text}, as {@code pattern().matcher(text).find()}. */
    public boolean foundIn(CharSequence text) { return mayMatch(text) && matcher(text).find(); }
}
