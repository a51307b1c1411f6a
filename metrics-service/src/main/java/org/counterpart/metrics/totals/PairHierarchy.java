package org.counterpart.metrics.totals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which pair a pair's work belongs to (DOMAIN rule 4): Shenzhen → Baise is part of Guangdong → Guangxi, and
 * Shanghai → Yunnan is part of the group pair {Shanghai, Guangdong} → Yunnan.
 *
 * <p>Region pairs: a pair's ancestors are found by raising its lower side one level at a time (both sides when
 * they are at the same level) until both are provinces: Lianjiang → Rongshui (counties), then Zhanjiang → Liuzhou,
 * then Guangdong → Guangxi. Its parent is the nearest ancestor that reports actually mention; when none is, the
 * province pair, so that every regional pair rolls up into a province pair even when no report states one.
 * Intermediate pairs no report mentions are skipped, since they may not be pairings at all (county pairs are
 * arranged by the provinces, not by the counties' prefectures).
 *
 * <p>Group pairs are never split, but they contain their members' pairs: a group pair stated for the metric is a
 * parent of every pair it strictly covers ({@link Pair#strictlyCovers}), the member pairs Shanghai → Yunnan and
 * Guangdong → Yunnan, and through the region hierarchy Shenzhen → Kunming under Guangdong → Yunnan. Of the pairs
 * that could be a pair's parent the nearest wins: one that the other covers. When neither covers the other (a
 * group {Shenzhen, Shanghai} → Yunnan and the province pair Guangdong → Yunnan over Shenzhen → Yunnan) the group
 * wins, because its report says that work is in its figure. A group pair's own ancestors are found by raising its
 * members in the same way ({Bijie, Qiannan} lies in Guizhou); a group whose members are unknown covers nothing and
 * is at the top.
 */
public final class PairHierarchy {

    private final Map<String, Pair> known = new HashMap<>();

    /** @param knownPairs the pairs reports mention; their spellings name the parents found among them */
    public PairHierarchy(Collection<Pair> knownPairs) {
        knownPairs.forEach(pair -> known.putIfAbsent(pair.identity(), pair));
    }

    /**
     * The pair {@code pair} rolls up into, if any.
     *
     * @param statedGroups the group pairs that have claims of the metric being rolled up: a group that states
     *                     nothing about a metric is no parent in it
     */
    public Optional<Pair> parentOf(Pair pair, Collection<Pair> statedGroups) {
        Map<String, Pair> groups = statedGroups.stream()
                .collect(Collectors.toMap(Pair::identity, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Optional<Pair> regional = nearestAncestor(pair, groups);
        Optional<Pair> group = nearestGroupAround(pair, groups.values());
        if (regional.isEmpty() || group.isEmpty()) {
            return regional.isPresent() ? regional : group;
        }
        return group.get().strictlyCovers(regional.get()) ? regional : group;
    }

    /** The first mentioned pair among the raised ancestors; else the province pair at the end of them. */
    private Optional<Pair> nearestAncestor(Pair pair, Map<String, Pair> groups) {
        List<Pair> ancestors = ancestors(pair).stream().filter(ancestor -> ancestor.strictlyCovers(pair)).toList();
        for (Pair ancestor : ancestors) {
            Pair mentioned = ancestor.hasGroupSide() ? groups.get(ancestor.identity()) : known.get(ancestor.identity());
            if (mentioned != null) {
                return Optional.of(mentioned);
            }
        }
        if (ancestors.isEmpty() || ancestors.get(ancestors.size() - 1).hasGroupSide()) {
            // No group is made up: a group no report states is not a pairing anyone spoke of.
            return Optional.empty();
        }
        return Optional.of(ancestors.get(ancestors.size() - 1));
    }

    /** The smallest stated group pair that strictly covers the pair. */
    private static Optional<Pair> nearestGroupAround(Pair pair, Collection<Pair> groups) {
        List<Pair> around = groups.stream().filter(group -> group.strictlyCovers(pair)).toList();
        return around.stream()
                .filter(candidate -> around.stream().noneMatch(candidate::strictlyCovers))
                .min(Comparator.comparingInt(Pair::regionCount).thenComparing(Pair::identity));
    }

    /**
     * Nearest first; empty when a side cannot be raised to provinces (no code, or a group whose members are
     * unknown). The regions of both sides at the lowest level present are raised together; a side that is
     * several regions after raising is a group of them.
     */
    static List<Pair> ancestors(Pair pair) {
        List<Pair> chain = new ArrayList<>();
        List<Party> donors = pair.donor().regions();
        List<Party> recipients = pair.recipient().regions();
        if (donors.isEmpty() || recipients.isEmpty() || !allRaisable(donors) || !allRaisable(recipients)) {
            return chain;
        }
        while (true) {
            int lowest = java.util.stream.Stream.concat(donors.stream(), recipients.stream())
                    .mapToInt(region -> levelOf(region).ordinal()).max().orElseThrow();
            if (lowest == Level.PROVINCE.ordinal()) {
                return chain;
            }
            donors = raise(donors, lowest);
            recipients = raise(recipients, lowest);
            chain.add(new Pair(side(donors), side(recipients)));
        }
    }

    private static boolean allRaisable(List<Party> regions) {
        return regions.stream().allMatch(region ->
                Regions.levelOf(region).isPresent() && Level.ofAdministrativeCode(region.code()).isPresent());
    }

    private static Level levelOf(Party region) {
        return Level.ofAdministrativeCode(region.code()).orElseThrow();
    }

    private static List<Party> raise(List<Party> regions, int level) {
        Map<String, Party> raised = new LinkedHashMap<>();
        regions.forEach(region -> {
            Party up = levelOf(region).ordinal() == level ? Regions.parentOf(region).orElseThrow() : region;
            raised.putIfAbsent(up.identity(), up);
        });
        return List.copyOf(raised.values());
    }

    private static Party side(List<Party> regions) {
        return regions.size() == 1
                ? regions.get(0)
                : Party.group(regions.stream().map(Party::name).collect(Collectors.joining(" + ")), regions, false);
    }
}
