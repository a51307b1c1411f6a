package org.counterpart.facts.extraction.text;

/**
 * Maps the report text character by character to a form the rules can read (non-breaking and ideographic
 * spaces to spaces, full-width digits to ASCII, curly quotes to straight ones). The result has exactly the
 * same length as the input, so every offset found in it is also an offset into the original text.
 */
public final class TextNormaliser {
    private TextNormaliser() {}

    public static String normalise(String text) {
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) out[i] = map(out[i]);
        return new String(out);
    }

    static char map(char c) {
        // below U+00A0 only the tab and the backtick change (the common case, checked first)
        if (c < '\u00A0') return c == '\t' ? ' ' : c == '`' ? '\'' : c;
        if (c == '\u00A0' || c == '\u3000' || c == '\u202F' || c == '\t' || (c >= '\u2000' && c <= '\u200B') || c == '\uFEFF') {
            return ' ';
        }
        if (c >= '\uFF10' && c <= '\uFF19') return (char) ('0' + (c - '\uFF10'));
        if (c >= '\uFF21' && c <= '\uFF3A') return (char) ('A' + (c - '\uFF21'));
        if (c >= '\uFF41' && c <= '\uFF5A') return (char) ('a' + (c - '\uFF41'));
        switch (c) {
            case '\u2018': case '\u2019': case '\u2032': case '\u00B4': case '`': return '\'';
            case '\u201C': case '\u201D': case '\u2033': return '"';
            case '\uFF05': return '%';
            case '\uFF0E': return '.';
            case '\uFF04': return '$';
            case '\uFFE5': return '¥';
            case '\u2012': case '\u2010': case '\u2011': return '-';
            default: return c;
        }
    }
}
