package org.counterpart.facts.extraction.attribution;

import org.counterpart.facts.extraction.fact.Party;
import org.counterpart.facts.extraction.gazetteer.Gazetteer;
import org.counterpart.facts.extraction.gazetteer.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The regions that stand for one side of a figure: one region, or several named together ("Shanghai and
 * Guangdong", 黔东南州和恩施州), which make a group that is never split into its members.
 */
record Named(List<Region> regions) {
    Named {
        regions = List.copyOf(regions);
        if (regions.isEmpty()) throw new IllegalArgumentException("a party names at least one region");
    }

    static Named of(Region region) {
        return new Named(List.of(region));
    }

    /**
     * The party a set of regions named together stands for: regions that contain another one of the set only
     * locate it ("Bijie and Qiannan of Guizhou" → Bijie, Qiannan), so they are dropped; what is left is one region
     * or a group. Empty for an empty set.
     */
    static Optional<Named> of(List<Region> regions, Gazetteer gazetteer) {
        List<Region> kept = new ArrayList<>();
        for (Region r : regions) {
            if (kept.contains(r)) continue;
            boolean locatesAnother = regions.stream().anyMatch(o -> o != r && !o.equals(r) && gazetteer.within(o, r));
            if (!locatesAnother) kept.add(r);
        }
        if (kept.isEmpty()) return Optional.empty();
        kept.sort(Comparator.comparingInt(regions::indexOf));
        return Optional.of(new Named(kept));
    }

    boolean isGroup() { return regions.size() > 1; }

    Region first() { return regions.get(0); }

    /** Whether some member shares a province with some member of the other (aid within one province). */
    boolean sharesProvinceWith(Named other) {
        for (Region a : regions) for (Region b : other.regions) if (a.provinceCode().equals(b.provinceCode())) return true;
        return false;
    }

    Party party() {
        if (!isGroup()) return PartyResolver.party(first());
        List<Party> members = regions.stream().map(PartyResolver::party).toList();
        return Party.group(joinedName(members), members, false);
    }

    /** "A and B", "A, B and C": how a reader names regions written together. */
    static String joinedName(List<Party> members) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) s.append(i == members.size() - 1 ? " and " : ", ");
            s.append(members.get(i).name());
        }
        return s.toString();
    }
}
