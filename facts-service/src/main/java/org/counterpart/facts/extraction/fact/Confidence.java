package org.counterpart.facts.extraction.fact;

/**
 * How far a fact can be trusted without a person checking it. Totals count high and medium; low facts are kept
 * for review (an analyst looks at them first) but leave the totals unless a reader asks for them.
 */
public enum Confidence {
    HIGH("high"), MEDIUM("medium"), LOW("low");

    private final String wireName;

    Confidence(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    public static Confidence fromWireName(String wire) {
        for (Confidence c : values()) if (c.wireName.equals(wire)) return c;
        throw new IllegalArgumentException("unknown confidence: " + wire);
    }

    /** The lower of two confidences. */
    public Confidence min(Confidence other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
