package org.counterpart.metrics.totals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One total as it is stored and read: everything a reader is shown of a {@link Total}, worked out once when the
 * claims it depends on change, so that reading it needs no calculation. Made only from a {@link Total}
 * ({@link #of}), whether a full calculation or the incremental one produced it: the two are compared by equality.
 *
 * @param parent  the pair it rolls up into, as the hierarchy names it; null at the top
 * @param root    identity of the top of its tree (its own identity at the top)
 * @param reportCount how many reports the claims added up come from
 * @param reportIds   those reports; null when read without them (lists of totals never carry them)
 * @param derived     true when no claim states the pair: it is only the parent of pairs that are
 * @param used        the claims added up (its own, or its child pairs' when those are larger); null when read
 *                    without claims
 * @param unused      its own claims that do not count, with the reason; null when read without claims
 */
public record StoredTotal(Pair pair, String metric, String unit, BigDecimal total, int claimCount,
                          BigDecimal reviewedValue, BigDecimal reviewedShare, Pair parent, String root,
                          BigDecimal ownTotal, BigDecimal childPairsTotal, boolean fromChildPairs, int conflictCount,
                          int reportCount, List<String> reportIds, Instant lastUpdated, boolean derived,
                          List<ClaimEntry> used, List<ClaimEntry> unused) {

    public StoredTotal {
        Objects.requireNonNull(pair, "pair");
        reportIds = reportIds == null ? null : List.copyOf(reportIds);
        used = used == null ? null : List.copyOf(used);
        unused = unused == null ? null : List.copyOf(unused);
    }

    /**
     * A claim of a total as a reader sees it.
     *
     * @param reason     why it does not count; null for a used claim
     * @param insteadOf  for a duplicate or conflict, the id of the claim preferred to it
     * @param conflicted true when claims for its span disagree (among the conflicts the total shows)
     */
    public record ClaimEntry(DistinctClaim claim, Reason reason, String insteadOf, boolean conflicted) {
    }

    public String identity() {
        return pair.identity();
    }

    public String parentIdentity() {
        return parent == null ? null : parent.identity();
    }

    public boolean isRoot() {
        return parent == null;
    }

    /** The same total without its claims and report ids, as it is stored and as lists of totals carry it. */
    public StoredTotal withoutClaims() {
        return new StoredTotal(pair, metric, unit, total, claimCount, reviewedValue, reviewedShare, parent, root,
                ownTotal, childPairsTotal, fromChildPairs, conflictCount, reportCount, null, lastUpdated, derived,
                null, null);
    }

    public static StoredTotal of(Total total, String root) {
        Set<DistinctClaim> flagged = total.conflicts().stream()
                .flatMap(conflict -> Stream.concat(Stream.of(conflict.kept()), conflict.others().stream()))
                .collect(Collectors.toSet());
        List<ClaimEntry> used = total.used().stream()
                .map(claim -> new ClaimEntry(claim, null, null, flagged.contains(claim))).toList();
        List<ClaimEntry> unused = total.unused().stream()
                .map(u -> new ClaimEntry(u.claim(), u.reason(), u.insteadOf() == null ? null : u.insteadOf().id(),
                        flagged.contains(u.claim()))).toList();
        return new StoredTotal(total.pair(), total.metric(), total.unit(), total.total(), total.claimCount(),
                total.reviewedValue(), total.reviewedShare(), total.parent(), root, total.own().total(),
                total.childPairsTotal(), total.fromChildPairs(), total.conflicts().size(), total.reportIds().size(),
                total.reportIds(),
                total.lastUpdated(), total.own() == OwnClaims.NONE, used, unused);
    }

    /** Stored forms of a full calculation's totals, each with the top of its tree (within its metric and unit). */
    public static List<StoredTotal> allOf(List<Total> totals) {
        Map<List<String>, Total> byKey = new HashMap<>();
        totals.forEach(total -> byKey.put(List.of(total.metric(), total.unit(), total.pair().identity()), total));
        return totals.stream().map(total -> {
            Total top = total;
            while (top.parent() != null) {
                top = byKey.get(List.of(total.metric(), total.unit(), top.parent().identity()));
            }
            return of(total, top.pair().identity());
        }).toList();
    }
}
