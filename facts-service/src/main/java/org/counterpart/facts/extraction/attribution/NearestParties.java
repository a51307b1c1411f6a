package org.counterpart.facts.extraction.attribution;

import org.counterpart.facts.extraction.gazetteer.Gazetteer;
import org.counterpart.facts.extraction.gazetteer.Region;
import org.counterpart.facts.extraction.gazetteer.RegionMention;
import org.counterpart.facts.extraction.pairing.PairingRegistry;
import org.counterpart.facts.extraction.pairing.Side;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Picks the parties of one figure in a sentence that names several: the giver is the donor-side region
 * nearest before the figure (its subject: "Shenzhen allocated …", "Guangdong's aid …"), else the first after
 * it ("… received 2 billion yuan from Guangdong"); the receiver is a recipient-side region after the figure in
 * its own clause ("… 520 million yuan to Baise and 480 million yuan to Hechi"), else the nearest before it
 * ("Tongren received …", 向云南省投入…). Regions written together ("Bijiang District of Tongren", "Baise and
 * Hechi") stand as one. A receiver in Xinjiang or Tibet makes the figure out of scope.
 */
final class NearestParties {
    /** What joins names that stand together: "X of Y", "X, Y", "X and Y", "X's Y", X和Y, X的Y (黔东南州和恩施州 too). */
    private static final Pattern JOINED = Pattern.compile("^[州市县区省盟旗]?(?:\\s|,|，|、|和|与|及|的|'s|\\bof\\b|\\bin\\b|\\band\\b)*$");
    /** Ends a figure's own stretch; 、 too: 其中红河州11亿元、文山州9亿元 gives each figure the name before it. */
    private static final String CLAUSE_END = ",，;；。:：、";

    record Pick(Named donor, Named recipient, boolean outOfScope) {}

    private NearestParties() {}

    static boolean namesBothSides(List<RegionMention> mentions, PairingRegistry pairings) {
        boolean donor = false, recipient = false;
        for (RegionMention m : mentions) {
            Side side = side(m, pairings);
            donor |= side == Side.DONOR;
            recipient |= side == Side.RECIPIENT;
        }
        return donor && recipient;
    }

    static Optional<Pick> pick(String text, List<RegionMention> mentions, int from, int to, int nextFigure,
                               PairingRegistry pairings, Gazetteer gazetteer) {
        int clauseEnd = to;
        while (clauseEnd < text.length() && CLAUSE_END.indexOf(text.charAt(clauseEnd)) < 0) clauseEnd++;
        int ownEnd = Math.min(clauseEnd, nextFigure);
        Integer donor = before(mentions, Side.DONOR, from, pairings);
        if (donor == null) donor = after(mentions, Side.DONOR, to, text.length(), pairings);
        Integer recipient = after(mentions, Side.RECIPIENT, to, ownEnd, pairings);
        if (recipient == null) recipient = before(mentions, Side.RECIPIENT, from, pairings);
        if (recipient == null) recipient = after(mentions, Side.RECIPIENT, to, text.length(), pairings);
        if (donor == null || recipient == null) return Optional.empty();
        if (pairings.outOfScope(mentions.get(recipient).region())) return Optional.of(new Pick(null, null, true));
        Optional<Named> d = Named.of(cluster(text, mentions, donor, pairings), gazetteer);
        Optional<Named> r = Named.of(cluster(text, mentions, recipient, pairings), gazetteer);
        if (d.isEmpty() || r.isEmpty()) return Optional.empty();
        if (d.get().isGroup() || r.get().isGroup()) return Optional.of(new Pick(d.get(), r.get(), false));
        return Optional.of(new Pick(Named.of(atLevel(d.get().first(), r.get().first(), mentions, gazetteer)),
                Named.of(atLevel(r.get().first(), d.get().first(), mentions, gazetteer)), false));
    }

    /**
     * The party of one side nearest the figure, for a sentence that names only that side: a giver before the
     * figure (else after it); a receiver after the figure in its own clause ("巫山县320万元，奉节县450万元" gives each
     * figure the county before it), else the nearest before, else the first after. Regions written together stand
     * as one party (a group).
     */
    static Optional<Named> oneSide(String text, List<RegionMention> mentions, Side side, int from, int to, int nextFigure,
                                   PairingRegistry pairings, Gazetteer gazetteer) {
        int clauseEnd = to;
        while (clauseEnd < text.length() && CLAUSE_END.indexOf(text.charAt(clauseEnd)) < 0) clauseEnd++;
        Integer at;
        if (side == Side.DONOR) {
            at = before(mentions, side, from, pairings);
            if (at == null) at = after(mentions, side, to, text.length(), pairings);
        } else {
            at = after(mentions, side, to, Math.min(clauseEnd, nextFigure), pairings);
            if (at == null) at = before(mentions, side, from, pairings);
            if (at == null) at = after(mentions, side, to, text.length(), pairings);
        }
        if (at == null) return Optional.empty();
        return Named.of(cluster(text, mentions, at, pairings), gazetteer);
    }

    /**
     * Parties of one level: "Ningbo has helped workers from Qianxinan find jobs in Zhejiang, and its hospitals
     * received 45 doctors from Qianxinan": the province nearest the figure stands for the city the sentence
     * also names when the other party is a city.
     */
    private static Region atLevel(Region party, Region other, List<RegionMention> mentions, Gazetteer gazetteer) {
        if (party.depth() >= other.depth()) return party;
        Region best = party;
        for (RegionMention m : mentions) {
            Region r = m.region();
            if (r.depth() > best.depth() && r.depth() <= other.depth() && gazetteer.within(r, party)) best = r;
        }
        return best;
    }

    /** Side of a mention, counting Xinjiang and Tibet as receivers (so that they can be recognised and refused). */
    private static Side side(RegionMention m, PairingRegistry pairings) {
        return pairings.outOfScope(m.region()) ? Side.RECIPIENT : pairings.side(m.region());
    }

    private static Integer before(List<RegionMention> mentions, Side side, int from, PairingRegistry pairings) {
        Integer best = null;
        for (int i = 0; i < mentions.size(); i++) {
            if (mentions.get(i).end() <= from && side(mentions.get(i), pairings) == side) best = i;
        }
        return best;
    }

    private static Integer after(List<RegionMention> mentions, Side side, int to, int limit, PairingRegistry pairings) {
        for (int i = 0; i < mentions.size(); i++) {
            RegionMention m = mentions.get(i);
            if (m.start() >= to && m.start() < limit && side(m, pairings) == side) return i;
        }
        return null;
    }

    /** The mention with its same-side neighbours joined to it by "of", "and", commas, 的, 和 … */
    private static List<Region> cluster(String text, List<RegionMention> mentions, int at, PairingRegistry pairings) {
        Side side = side(mentions.get(at), pairings);
        int first = at, last = at;
        while (first > 0 && joined(text, mentions.get(first - 1), mentions.get(first)) && side(mentions.get(first - 1), pairings) == side) first--;
        while (last + 1 < mentions.size() && joined(text, mentions.get(last), mentions.get(last + 1)) && side(mentions.get(last + 1), pairings) == side) last++;
        List<Region> out = new ArrayList<>();
        for (int i = first; i <= last; i++) out.add(mentions.get(i).region()); // in the order the text names them
        return out;
    }

    private static boolean joined(String text, RegionMention a, RegionMention b) {
        // a region reads as the substring would (opaque, anchoring bounds); JOINED is anchored at both ends
        return a.end() <= b.start() && JOINED.matcher(text).region(a.end(), b.start()).lookingAt();
    }
}
