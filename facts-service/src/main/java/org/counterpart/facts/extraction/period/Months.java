package org.counterpart.facts.extraction.period;

import java.util.Locale;

/** English month names and abbreviations to month numbers. */
final class Months {
    static final String PATTERN = "(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";

    private Months() {}

    static int number(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String[] prefixes = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < prefixes.length; i++) if (n.startsWith(prefixes[i])) return i + 1;
        throw new IllegalArgumentException(name);
    }
}
