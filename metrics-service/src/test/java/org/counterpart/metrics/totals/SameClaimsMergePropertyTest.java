package org.counterpart.metrics.totals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link SameClaims#merge} finds each claim's group through an index; it must give exactly what the rule says when
 * read literally: claims in counted-first order, each joining the first group (in the order groups were opened)
 * whose counted claim it restates. Values cluster around a few figures, 1% apart and closer, with every qualifier,
 * over a few spans, so that many claims restate several groups.
 */
class SameClaimsMergePropertyTest {

    private static final Party EAST = new Party("East city", null, "prefecture");
    private static final Party WEST = new Party("West city", null, "prefecture");
    private static final List<String> CENTRES = List.of("100", "101", "99.5", "480", "-20", "0", "1000000");

    @Property(tries = 500)
    void theIndexedMergeIsTheRuleReadLiterally(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int count) {
        Random random = new Random(seed);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigDecimal centre = new BigDecimal(CENTRES.get(random.nextInt(CENTRES.size())));
            // up to 3% either side, in steps of 0.25%
            BigDecimal value = centre.add(centre.abs().multiply(BigDecimal.valueOf(random.nextInt(25) - 12, 0))
                    .multiply(new BigDecimal("0.0025")));
            int year = 2017 + random.nextInt(2);
            Review review = random.nextInt(4) == 0
                    ? new Review(ReviewStatus.CONFIRMED, false, "wei", Instant.EPOCH) : Review.NONE;
            claims.add(new Claim(new Source("r" + random.nextInt(20), "f" + i, null, Instant.EPOCH), new Pair(EAST, WEST),
                    "funds_cny", "CNY", value, Qualifier.values()[random.nextInt(3)], Basis.PERIOD,
                    LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, Confidence.HIGH, List.of(), null,
                    Origin.MACHINE, review));
        }
        assertEquals(literally(claims), new SameClaims().merge(claims), "seed " + seed);
    }

    /** The rule as the class comment states it, comparing each claim with every group. */
    private static List<DistinctClaim> literally(List<Claim> claims) {
        Map<Claim.StatementKey, List<List<Claim>>> groupsByStatement = new LinkedHashMap<>();
        claims.stream().sorted(SameClaims.COUNTED_FIRST).forEach(claim -> {
            List<List<Claim>> groups = groupsByStatement.computeIfAbsent(claim.statementKey(), k -> new ArrayList<>());
            groups.stream()
                    .filter(group -> SameClaims.restates(group.get(0), claim))
                    .findFirst()
                    .ifPresentOrElse(group -> group.add(claim), () -> groups.add(new ArrayList<>(List.of(claim))));
        });
        List<DistinctClaim> distinct = new ArrayList<>();
        groupsByStatement.values().forEach(groups ->
                groups.forEach(group -> distinct.add(new DistinctClaim(group.get(0), group))));
        return distinct;
    }
}
