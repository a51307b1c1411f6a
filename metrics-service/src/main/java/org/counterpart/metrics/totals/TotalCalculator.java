package org.counterpart.metrics.totals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the current claims into totals per pair, metric and unit: plans dropped, restatements merged
 * ({@link SameClaims}), then the chosen claims added up ({@link ClaimSelection}). Region roll-up (rule 4) and
 * conflict flags (rule 5) are later steps over the same claims and totals.
 */
public final class TotalCalculator {

    /** Fixes which spelling of a pair a total shows when reports differ: the one of the first source. */
    private static final Comparator<Claim> BY_SOURCE = Comparator
            .comparing((Claim claim) -> claim.source().reportId())
            .thenComparing(claim -> claim.source().factId());

    private final SameClaims sameClaims;
    private final ClaimSelection selection;

    public TotalCalculator(SameClaims sameClaims, ClaimSelection selection) {
        this.sameClaims = sameClaims;
        this.selection = selection;
    }

    /** The first version's rules: plans never count, restatements count once, everything else adds up. */
    public static TotalCalculator firstVersion() {
        return new TotalCalculator(new SameClaims(), new AllClaims());
    }

    public List<Total> totals(Collection<Claim> claims) {
        Map<Claim.TotalKey, List<Claim>> byTotal = claims.stream()
                .filter(Claim::isActual)
                .sorted(BY_SOURCE)
                .collect(Collectors.groupingBy(Claim::totalKey, LinkedHashMap::new, Collectors.toList()));
        List<Total> totals = new ArrayList<>();
        byTotal.forEach((key, ofOneTotal) -> totals.add(total(ofOneTotal)));
        return totals;
    }

    private Total total(List<Claim> ofOneTotal) {
        Claim first = ofOneTotal.get(0);
        List<DistinctClaim> counted = selection.select(sameClaims.merge(ofOneTotal));
        BigDecimal sum = counted.stream().map(DistinctClaim::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Total(first.pair(), first.metric(), first.unit(), plain(sum), counted);
    }

    /** 487000000.00 and 4.87E+8 are the same number; show it as 487000000. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
