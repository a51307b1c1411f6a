package org.counterpart.facts.extraction.attribution;

import org.counterpart.facts.extraction.gazetteer.Gazetteer;
import org.counterpart.facts.extraction.gazetteer.Region;
import org.counterpart.facts.extraction.gazetteer.RegionMention;
import org.counterpart.facts.extraction.pairing.PairingRegistry;
import org.counterpart.facts.extraction.pairing.Side;

import java.util.*;

/** The regions of a text span sorted into donor side and recipient side (East vs West). */
record SideSets(List<Region> donors, List<Region> recipients, boolean outOfScope) {

    static SideSets of(List<RegionMention> mentions, PairingRegistry pairings) {
        List<Region> d = new ArrayList<>(), r = new ArrayList<>();
        boolean out = false;
        for (RegionMention m : mentions) {
            Region region = m.region();
            if (pairings.outOfScope(region)) { out = true; continue; }
            Side side = pairings.side(region);
            if (side == Side.DONOR && !d.contains(region)) d.add(region);
            else if (side == Side.RECIPIENT && !r.contains(region)) r.add(region);
        }
        return new SideSets(d, r, out);
    }

    /**
     * One region standing for a set named together: the most specific one when they nest ("Liupanshui, Guizhou"
     * → Liupanshui), their common parent when they are siblings ("Baise and Hechi" → Guangxi); empty when the set
     * spans provinces (then no single party can be named).
     */
    static Optional<Region> represent(List<Region> regions, Gazetteer gazetteer) {
        if (regions.isEmpty()) return Optional.empty();
        Region deepest = regions.stream().max(Comparator.comparingInt(Region::depth)).get();
        boolean chain = regions.stream().allMatch(x -> gazetteer.within(deepest, x));
        if (chain) return Optional.of(deepest);
        return gazetteer.commonAncestor(regions);
    }
}
