package org.counterpart.facts.extraction.attribution;

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
}
