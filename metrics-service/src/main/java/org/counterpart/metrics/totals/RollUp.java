package org.counterpart.metrics.totals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DOMAIN rule 4 for one metric and unit: links every pair's total to its parent pair's, creating parent totals
 * that no report states (their own claims are none, so they total their child pairs).
 */
final class RollUp {

    private final PairHierarchy hierarchy;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Total> built = new LinkedHashMap<>();
    private String metric;
    private String unit;

    RollUp(PairHierarchy hierarchy, Collection<Total> ownTotals) {
        this.hierarchy = hierarchy;
        ownTotals.forEach(total -> {
            metric = total.metric();
            unit = total.unit();
            nodes.put(total.pair().identity(), new Node(total.pair(), total.own()));
        });
        new ArrayList<>(nodes.values()).forEach(this::linkToParents);
    }

    /** Every total of the metric, each child pair before its parent. */
    List<Total> totals() {
        nodes.keySet().stream().sorted().forEach(this::build);
        List<Total> all = new ArrayList<>(built.values());
        all.sort(Comparator.comparing((Total total) -> depth(total)).reversed()
                .thenComparing(total -> total.pair().identity()));
        return all;
    }

    private void linkToParents(Node node) {
        Node child = node;
        while (child.parent == null) {
            Optional<Pair> parent = hierarchy.parentOf(child.pair);
            if (parent.isEmpty()) {
                return;
            }
            child.parent = parent.get();
            Node parentNode = nodes.get(parent.get().identity());
            boolean created = parentNode == null;
            if (created) {
                parentNode = new Node(parent.get(), OwnClaims.NONE);
                nodes.put(parent.get().identity(), parentNode);
            }
            parentNode.children.add(child.pair.identity());
            if (!created) {
                return;
            }
            child = parentNode;
        }
    }

    private Total build(String identity) {
        Total done = built.get(identity);
        if (done != null) {
            return done;
        }
        Node node = nodes.get(identity);
        List<Total> children = node.children.stream().sorted().map(this::build).toList();
        Total total = new Total(node.pair, metric, unit, node.own, children, node.parent);
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
        final OwnClaims own;
        final List<String> children = new ArrayList<>();
        Pair parent;

        Node(Pair pair, OwnClaims own) {
            this.pair = pair;
            this.own = own;
        }
    }
}
