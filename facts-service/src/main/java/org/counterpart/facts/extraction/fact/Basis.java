package org.counterpart.facts.extraction.fact;

/** Cumulative running figure, a figure for a stated period, or a plan (never added to actuals). */
public enum Basis {
    CUMULATIVE("cumulative"), PERIOD("period"), PLAN("plan");

    private final String wireName;

    Basis(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    public static Basis fromWireName(String wire) {
        for (Basis b : values()) if (b.wireName.equals(wire)) return b;
        throw new IllegalArgumentException("unknown basis: " + wire);
    }
}
