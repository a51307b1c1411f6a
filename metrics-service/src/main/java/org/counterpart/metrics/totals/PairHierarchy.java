package org.counterpart.metrics.totals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which pair a pair's work belongs to (DOMAIN rule 4): Shenzhen → Baise is part of Guangdong → Guangxi.
 *
 * <p>A pair's ancestors are found by raising its lower side one level at a time (both sides when they are at
 * the same level) until both are provinces: Lianjiang → Rongshui (counties), then Zhanjiang → Liuzhou, then
 * Guangdong → Guangxi. Its parent is the nearest ancestor that reports actually mention; when none is, the
 * province pair, so that every regional pair rolls up into a province pair even when no report states one.
 * Intermediate pairs no report mentions are skipped, since they may not be pairings at all (county pairs are
 * arranged by the provinces, not by the counties' prefectures). A side without a code (a group) has no
 * ancestors, so such a pair is at the top.
 */
public final class PairHierarchy {

    private final Map<String, Pair> known = new HashMap<>();

    /** @param knownPairs the pairs reports mention; their spellings name the parents found among them */
    public PairHierarchy(Collection<Pair> knownPairs) {
        knownPairs.forEach(pair -> known.putIfAbsent(pair.identity(), pair));
    }

    public Optional<Pair> parentOf(Pair pair) {
        List<Pair> ancestors = ancestors(pair);
        for (Pair ancestor : ancestors) {
            Pair mentioned = known.get(ancestor.identity());
            if (mentioned != null) {
                return Optional.of(mentioned);
            }
        }
        return ancestors.isEmpty() ? Optional.empty() : Optional.of(ancestors.get(ancestors.size() - 1));
    }

    /** Nearest first; empty when either side cannot be raised to a province. */
    static List<Pair> ancestors(Pair pair) {
        List<Pair> chain = new ArrayList<>();
        Party donor = pair.donor();
        Party recipient = pair.recipient();
        if (Regions.levelOf(donor).isEmpty() || Regions.levelOf(recipient).isEmpty()
                || Level.ofAdministrativeCode(donor.code()).isEmpty()
                || Level.ofAdministrativeCode(recipient.code()).isEmpty()) {
            return chain;
        }
        while (true) {
            Level donorLevel = Level.ofAdministrativeCode(donor.code()).orElseThrow();
            Level recipientLevel = Level.ofAdministrativeCode(recipient.code()).orElseThrow();
            if (donorLevel == Level.PROVINCE && recipientLevel == Level.PROVINCE) {
                return chain;
            }
            int lowest = Math.max(donorLevel.ordinal(), recipientLevel.ordinal());
            if (donorLevel.ordinal() == lowest) {
                donor = Regions.parentOf(donor).orElseThrow();
            }
            if (recipientLevel.ordinal() == lowest) {
                recipient = Regions.parentOf(recipient).orElseThrow();
            }
            chain.add(new Pair(donor, recipient));
        }
    }
}
