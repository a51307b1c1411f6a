package org.counterpart.facts.extraction.text;

/**
 * Whether a character is a Chinese (Han) character, as {@link Character.UnicodeScript#of} says. Why a table:
 * the script lookup is a binary search, and the region scan and language test ask for every character.
 */
public final class Scripts {
    private static final long[] HAN = new long[1024];
    static {
        // no Han character lies below U+2E80
        for (int c = 0x2E80; c <= 0xFFFF; c++) {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) HAN[c >>> 6] |= 1L << c;
        }
    }

    private Scripts() {}

    public static boolean isHan(char c) { return (HAN[c >>> 6] & (1L << c)) != 0; }
}
