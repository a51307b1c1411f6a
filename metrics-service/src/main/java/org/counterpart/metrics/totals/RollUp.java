package org.counterpart.metrics.totals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DOMAIN rule 4 for one metric and unit: links every stated pair to its parent pair, creating parent pairs that
 * no report states (their own claims are none, so they total their child pairs). A pair has at most one parent,
 * so every pair's work sits in one tree and a grand total over the roots counts it once.
 */
final class RollUp {

    private final PairHierarchy hierarchy;
    private final List<Pair> statedGroups;
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    /** @param statedPairs the pairs with actual claims of the metric and unit */
    RollUp(PairHierarchy hierarchy, Collection<Pair> statedPairs) {
        this.hierarchy = hierarchy;
        statedPairs.forEach(pair -> nodes.putIfAbsent(pair.identity(), new Node(pair)));
        this.statedGroups = nodes.values().stream().map(node -> node.pair).filter(Pair::hasGroupSide).toList();
        new ArrayList<>(nodes.values()).forEach(this::linkToParents);
    }

    /** True when {@code pair} rolls up, directly or further down, into {@code ancestor}. */
    boolean isWithin(Pair pair, Pair ancestor) {
        Node node = nodes.get(pair.identity());
        for (Pair parent = node == null ? null : node.parent; parent != null; parent = nodes.get(parent.identity()).parent) {
            if (parent.identity().equals(ancestor.identity())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every total of the metric, each child pair before its parent.
     *
     * @param own the own claims of each stated pair, by pair identity
     */
    List<Total> totals(String metric, String unit, Map<String, OwnClaims> own) {
        Map<String, Total> built = new LinkedHashMap<>();
        nodes.keySet().stream().sorted().forEach(identity -> build(identity, metric, unit, own, built));
        List<Total> all = new ArrayList<>(built.values());
        all.sort(Comparator.comparing(this::depth).reversed().thenComparing(total -> total.pair().identity()));
        return all;
    }

    /** Every pair of the tree, stated or made up as a parent, by identity. */
    Set<String> identities() {
        return nodes.keySet();
    }

    /** The pair as the totals name it: as its claims spell it, or as the hierarchy names a made-up parent. */
    Pair pairOf(String identity) {
        return nodes.get(identity).pair;
    }

    /** The pair {@code identity} rolls up into, as the hierarchy spelled it; null at the top. */
    Pair parentOf(String identity) {
        return nodes.get(identity).parent;
    }

    /** The top of the tree the pair sits in (itself when it rolls up into nothing). */
    String rootOf(String identity) {
        String current = identity;
        for (Pair parent = nodes.get(current).parent; parent != null; parent = nodes.get(current).parent) {
            current = parent.identity();
        }
        return current;
    }

    /**
     * The totals of the trees whose tops are {@code roots} only, each child pair before its parent: a tree's totals
     * depend on nothing outside it, so these are exactly the rows {@link #totals(String, String, Map)} gives for
     * them.
     */
    List<Total> totalsUnder(String metric, String unit, Map<String, OwnClaims> own, Set<String> roots) {
        Map<String, Total> built = new LinkedHashMap<>();
        nodes.keySet().stream().sorted().filter(identity -> roots.contains(rootOf(identity)))
                .forEach(identity -> build(identity, metric, unit, own, built));
        List<Total> all = new ArrayList<>(built.values());
        all.sort(Comparator.comparing(this::depth).reversed().thenComparing(total -> total.pair().identity()));
        return all;
    }

    private void linkToParents(Node node) {
        Node child = node;
        while (child.parent == null) {
            Optional<Pair> parent = hierarchy.parentOf(child.pair, statedGroups);
            if (parent.isEmpty()) {
                return;
            }
            child.parent = parent.get();
            Node parentNode = nodes.get(parent.get().identity());
            boolean created = parentNode == null;
            if (created) {
                parentNode = new Node(parent.get());
                nodes.put(parent.get().identity(), parentNode);
            }
            parentNode.children.add(child.pair.identity());
            if (!created) {
                return;
            }
            child = parentNode;
        }
    }

    private Total build(String identity, String metric, String unit, Map<String, OwnClaims> own, Map<String, Total> built) {
        Total done = built.get(identity);
        if (done != null) {
            return done;
        }
        Node node = nodes.get(identity);
        List<Total> children = node.children.stream().sorted()
                .map(child -> build(child, metric, unit, own, built)).toList();
        Total total = new Total(node.pair, metric, unit, own.getOrDefault(identity, OwnClaims.NONE), children, node.parent);
        built.put(identity, total);
        return total;
    }

    private int depth(Total total) {
        int depth = 0;
        for (Pair parent = total.parent(); parent != null; parent = nodes.get(parent.identity()).parent) {
            depth++;
        }
        return depth;
    }

    private static final class Node {
        final Pair pair;
        final List<String> children = new ArrayList<>();
        Pair parent;

        Node(Pair pair) {
            this.pair = pair;
        }
    }
}
