package org.counterpart.metrics.totals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * DOMAIN rule 3: the largest sum of claims whose spans do not overlap, by weighted interval scheduling.
 * Reports restate running totals at different dates ("so far 300 million", a year later "so far 420 million");
 * adding them would count the early years twice, while the best non-overlapping set counts each day at most once
 * and still uses as much of what was reported as possible.
 *
 * <p>Claims are sorted by last day, then first day, then the larger value, then id; for each claim the best
 * total ending with it is its value plus the best total of claims ending before it starts. Where taking a claim
 * and leaving it give the same sum, it is taken: with the sort order above that prefers the claim ending later,
 * i.e. the more recent figure. Every step is in a fixed order, so the same claims always give the same choice.
 */
public final class NonOverlappingClaims implements ClaimSelection {

    static final Comparator<DistinctClaim> BY_END = Comparator
            .comparing((DistinctClaim claim) -> claim.span().to())
            .thenComparing(claim -> claim.span().from())
            .thenComparing(DistinctClaim::value, Comparator.reverseOrder())
            .thenComparing(DistinctClaim::id);

    @Override
    public List<DistinctClaim> select(List<DistinctClaim> claims) {
        List<DistinctClaim> sorted = claims.stream().sorted(BY_END).toList();
        int n = sorted.size();
        BigDecimal[] best = new BigDecimal[n + 1];
        boolean[] taken = new boolean[n + 1];
        int[] previous = new int[n + 1];
        best[0] = BigDecimal.ZERO;
        for (int j = 1; j <= n; j++) {
            DistinctClaim claim = sorted.get(j - 1);
            previous[j] = lastEndingBefore(sorted, j - 1);
            BigDecimal with = claim.value().add(best[previous[j]]);
            taken[j] = with.compareTo(best[j - 1]) >= 0;
            best[j] = taken[j] ? with : best[j - 1];
        }
        List<DistinctClaim> chosen = new ArrayList<>();
        for (int j = n; j > 0; ) {
            if (taken[j]) {
                chosen.add(sorted.get(j - 1));
                j = previous[j];
            } else {
                j--;
            }
        }
        Collections.reverse(chosen);
        return chosen;
    }

    /** 1-based index of the last claim (in sorted order, before {@code index}) that ends before it starts; 0 if none. */
    private static int lastEndingBefore(List<DistinctClaim> sorted, int index) {
        Span span = sorted.get(index).span();
        for (int i = index - 1; i >= 0; i--) {
            if (sorted.get(i).span().to().isBefore(span.from())) {
                return i + 1;
            }
        }
        return 0;
    }
}
