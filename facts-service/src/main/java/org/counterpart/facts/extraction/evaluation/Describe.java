package org.counterpart.facts.extraction.evaluation;

import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.fact.Party;

import java.util.stream.Collectors;

/** One-line renderings of facts and labels for score listings. */
public final class Describe {
    private Describe() {}

    public static String fact(ExtractedFact f) {
        return String.format("%s=%s %s [%s] %s %s %s..%s asOf=%s %s -> %s %s%s%s", f.metric(), f.value().toPlainString(),
                f.unit(), f.asWritten(), f.qualifier().wireName(), f.basis().wireName(), f.periodStart(), f.periodEnd(),
                f.asOf(), party(f.donor()), party(f.recipient()), f.confidence().wireName(),
                f.reasons().isEmpty() ? "" : " " + f.reasons(), f.partOf() == null ? "" : " partOf=" + f.partOf());
    }

    public static String party(Party p) {
        if (!p.isGroup()) return p.name();
        return "{" + p.name() + ": " + p.members().stream().map(Party::name).collect(Collectors.joining(", "))
                + (p.membersInferred() ? " (inferred)" : "") + "}";
    }

    public static String gold(GoldFact g) {
        return String.format("%s %s=%s %s -> %s \"%s\"", g.label(), String.join("|", g.metrics()), g.value().toPlainString(),
                party(g.donor()), party(g.recipient()), g.evidence());
    }

    static String party(GoldParty p) {
        if (!p.group()) return p.name();
        return "{" + p.name() + ": " + p.members().stream().map(GoldParty::name).collect(Collectors.joining(", ")) + "}";
    }
}
