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
    private final List<List<GroupPhrase>> groupsBySentence;
    private final Map<Region, Integer> counts = new LinkedHashMap<>();
    private final Region mainDonor;
    private final Region mainRecipient;

    public ReportContext(Gazetteer gazetteer, PairingRegistry pairings, List<RegionMention> titleMentions,
                         List<List<RegionMention>> mentionsBySentence, List<List<GroupPhrase>> groupsBySentence) {
        this.gazetteer = gazetteer;
        this.pairings = pairings;
        this.mentionsBySentence = mentionsBySentence;
        this.groupsBySentence = groupsBySentence;
        for (RegionMention m : titleMentions) counts.merge(m.region(), 2, Integer::sum);
        for (List<RegionMention> list : mentionsBySentence) for (RegionMention m : list) counts.merge(m.region(), 1, Integer::sum);
        this.mainDonor = topProvince(Side.DONOR);
        this.mainRecipient = topProvince(Side.RECIPIENT);
    }

    public List<RegionMention> mentions(int sentenceIndex) { return mentionsBySentence.get(sentenceIndex); }

    /** Groups named without their regions' names in a sentence ("the eastern provinces"), anaphora resolved. */
    public List<GroupPhrase> groups(int sentenceIndex) { return groupsBySentence.get(sentenceIndex); }

    public Optional<Region> mainDonor() { return Optional.ofNullable(mainDonor); }

    public Optional<Region> mainRecipient() { return Optional.ofNullable(mainRecipient); }

    public Set<String> provincesMentioned() {
        Set<String> out = new HashSet<>();
        for (Region r : counts.keySet()) out.add(r.provinceCode());
        return out;
    }

    /**
     * The pair a report is about, when one giver dominates it: the donor-side region named most (at least twice as
     * often as any other giver that is not inside or around it) and its partner among the regions the report names.
     * Empty when the report is about several givers.
     */
    Optional<Named[]> dominantPair(Integer year) {
        // one answer per report and year: sentences naming no party ask again and again
        return dominantPairs.computeIfAbsent(Optional.ofNullable(year), y -> findDominantPair(year));
    }

    private final Map<Optional<Integer>, Optional<Named[]>> dominantPairs = new HashMap<>();

    private Optional<Named[]> findDominantPair(Integer year) {
        Region top = null;
        int topCount = 0;
        for (Map.Entry<Region, Integer> e : counts.entrySet()) {
            if (pairings.side(e.getKey()) != Side.DONOR) continue;
            if (e.getValue() > topCount || e.getValue() == topCount && top != null && e.getKey().depth() > top.depth()) {
                top = e.getKey();
                topCount = e.getValue();
            }
        }
        if (top == null) return Optional.empty();
        for (Map.Entry<Region, Integer> e : counts.entrySet()) {
            Region other = e.getKey();
            if (pairings.side(other) != Side.DONOR || other.equals(top)) continue;
            if (gazetteer.within(other, top) || gazetteer.within(top, other)) continue;
            if (e.getValue() * 2 > topCount) return Optional.empty();
        }
        Named donor = Named.of(top);
        Optional<Named> recipient = partner(donor, true, year);
        return recipient.map(r -> new Named[] {donor, r});
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
     * pairing in force links to it (to any member of a group), at the level nearest the known party's. When the
     * report names several such partners about as often (none named twice as often as the next), the report is
     * about all of them and the partner is their group: one of them would be a guess.
     */
    Optional<Named> partner(Named known, boolean knownIsDonor, Integer year) {
        Optional<Named> p = partners(known, knownIsDonor, year);
        return p.isPresent() ? p : partners(known, knownIsDonor, null);
    }

    private Optional<Named> partners(Named known, boolean knownIsDonor, Integer year) {
        Side wanted = knownIsDonor ? Side.RECIPIENT : Side.DONOR;
        Map<Region, Integer> scored = new LinkedHashMap<>();
        int knownDepth = known.regions().stream().mapToInt(Region::depth).max().orElse(0);
        for (Map.Entry<Region, Integer> e : counts.entrySet()) {
            Region other = e.getKey();
            if (pairings.side(other) != wanted || pairings.outOfScope(other)) continue;
            boolean paired = false;
            for (Region k : known.regions()) {
                paired |= knownIsDonor ? pairings.paired(k, other, year) : pairings.paired(other, k, year);
            }
            if (paired) scored.put(other, e.getValue() - 100 * Math.abs(other.depth() - knownDepth));
        }
        if (scored.isEmpty()) return Optional.empty();
        int best = Collections.max(scored.values());
        Region top = null;
        for (Map.Entry<Region, Integer> e : scored.entrySet()) if (e.getValue() == best) { top = e.getKey(); break; }
        List<Region> near = new ArrayList<>();
        for (Map.Entry<Region, Integer> e : scored.entrySet()) {
            int value = e.getValue();
            // same level as the best (scores within one level's penalty), at least half as often named, and paired by
            // name in the pairing data (not only through its province), as the best is
            if (best - value < 100 && counts.get(e.getKey()) * 2 >= countOf(scored, best)
                    && pairedByName(e.getKey(), known, knownIsDonor, year)) near.add(e.getKey());
        }
        if (near.size() < 2 || !near.contains(top)) return Optional.of(Named.of(top));
        return Named.of(near, gazetteer);
    }

    private boolean pairedByName(Region candidate, Named known, boolean knownIsDonor, Integer year) {
        for (var p : pairings.all()) {
            if (!p.activeIn(year)) continue;
            Region mine = knownIsDonor ? p.recipient() : p.donor();
            Region theirs = knownIsDonor ? p.donor() : p.recipient();
            if (!mine.equals(candidate)) continue;
            for (Region k : known.regions()) if (gazetteer.within(k, theirs) || gazetteer.within(theirs, k)) return true;
        }
        return false;
    }

    private int countOf(Map<Region, Integer> scored, int score) {
        for (Map.Entry<Region, Integer> e : scored.entrySet()) if (e.getValue() == score) return counts.get(e.getKey());
        return 0;
    }
}
