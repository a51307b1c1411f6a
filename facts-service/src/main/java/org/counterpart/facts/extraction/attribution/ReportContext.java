package org.counterpart.facts.extraction.attribution;

import org.counterpart.facts.extraction.gazetteer.Gazetteer;
import org.counterpart.facts.extraction.gazetteer.Region;
import org.counterpart.facts.extraction.gazetteer.RegionMention;
import org.counterpart.facts.extraction.pairing.PairingRegistry;
import org.counterpart.facts.extraction.pairing.Side;

import java.util.*;

/**
 * What a whole report is about: the regions it names and how often, and its main pair (the donor-side and
 * recipient-side provinces it names most), which "the two sides" / "the two provinces" / 双方 refer to.
 */
public final class ReportContext {
    private final Gazetteer gazetteer;
    private final PairingRegistry pairings;
    private final List<List<RegionMention>> mentionsBySentence;
    private final Map<Region, Integer> counts = new LinkedHashMap<>();
    private final Region mainDonor;
    private final Region mainRecipient;

    public ReportContext(Gazetteer gazetteer, PairingRegistry pairings, List<RegionMention> titleMentions,
                         List<List<RegionMention>> mentionsBySentence) {
        this.gazetteer = gazetteer;
        this.pairings = pairings;
        this.mentionsBySentence = mentionsBySentence;
        for (RegionMention m : titleMentions) counts.merge(m.region(), 2, Integer::sum);
        for (List<RegionMention> list : mentionsBySentence) for (RegionMention m : list) counts.merge(m.region(), 1, Integer::sum);
        this.mainDonor = topProvince(Side.DONOR);
        this.mainRecipient = topProvince(Side.RECIPIENT);
    }

    public List<RegionMention> mentions(int sentenceIndex) { return mentionsBySentence.get(sentenceIndex); }

    public Optional<Region> mainDonor() { return Optional.ofNullable(mainDonor); }

    public Optional<Region> mainRecipient() { return Optional.ofNullable(mainRecipient); }

    public Set<String> provincesMentioned() {
        Set<String> out = new HashSet<>();
        for (Region r : counts.keySet()) out.add(r.provinceCode());
        return out;
    }

    /** The province on one side named most often, counting mentions of its cities and counties. */
    private Region topProvince(Side side) {
        Map<String, Integer> byProvince = new HashMap<>();
        for (Map.Entry<Region, Integer> e : counts.entrySet()) {
            if (pairings.side(e.getKey()) == side && !pairings.outOfScope(e.getKey())) {
                byProvince.merge(e.getKey().provinceCode(), e.getValue(), Integer::sum);
            }
        }
        return byProvince.entrySet().stream().max(Map.Entry.comparingByValue())
                .flatMap(e -> gazetteer.byCode(e.getKey())).orElse(null);
    }

    /**
     * The partner of a known party among the regions this report names: a region on the other side that a
     * pairing in force links to it, preferring the same administrative level and the most mentioned.
     */
    public Optional<Region> partner(Region known, boolean knownIsDonor, Integer year) {
        Optional<Region> p = partner(known, knownIsDonor, year, true);
        return p.isPresent() ? p : partner(known, knownIsDonor, null, true);
    }

    private Optional<Region> partner(Region known, boolean knownIsDonor, Integer year, boolean unused) {
        Side wanted = knownIsDonor ? Side.RECIPIENT : Side.DONOR;
        Region best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Map.Entry<Region, Integer> e : counts.entrySet()) {
            Region other = e.getKey();
            if (pairings.side(other) != wanted || pairings.outOfScope(other)) continue;
            boolean paired = knownIsDonor ? pairings.paired(known, other, year) : pairings.paired(other, known, year);
            if (!paired) continue;
            int score = e.getValue() - 100 * Math.abs(other.depth() - known.depth());
            if (score > bestScore) { bestScore = score; best = other; }
        }
        return Optional.ofNullable(best);
    }
}
