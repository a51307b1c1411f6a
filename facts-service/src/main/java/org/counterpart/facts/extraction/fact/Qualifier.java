package org.counterpart.facts.extraction.fact;

/** How exactly a figure is stated: "about 600" is approximate, "more than 1,000" a lower bound. */
public enum Qualifier {
    EXACT("exact"), APPROXIMATE("approximate"), AT_LEAST("at_least");

    private final String wireName;

    Qualifier(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    public static Qualifier fromWireName(String wire) {
        for (Qualifier q : values()) if (q.wireName.equals(wire)) return q;
        throw new IllegalArgumentException("unknown qualifier: " + wire);
    }
}
