package org.counterpart.ingest.api;

/** When the sender does not say, a report with a fair share of Han characters is Chinese. */
final class LanguageGuess {

    private LanguageGuess() {
    }

    static String of(String text) {
        long han = 0;
        long letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
            } else if (Character.isLetter(cp)) {
                letters++;
            }
            i += Character.charCount(cp);
        }
        // One Han character carries about as much as a word of four Latin letters.
        return han * 4 > letters ? "zh" : "en";
    }
}
