package org.counterpart.facts.extraction.text;

/**
 * A sentence of a report: its normalised text and its offsets [start, end) in the original text.
 * {@code paragraph} numbers the paragraph it belongs to, so that neighbours can be told from strangers.
 */
public record Sentence(int index, int paragraph, String text, int start, int end) {
    public boolean isChinese() {
        int han = 0, latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Scripts.isHan(c)) han++;
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) latin++;
        }
        return han * 2 > latin;
    }
}
