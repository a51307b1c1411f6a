package org.counterpart.metrics.totals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The incremental step keeps stored totals identical to a full calculation over all claims, whatever the events:
 * new reports, re-extractions with changed facts, retractions, reviews (rejections too), redeliveries and
 * revisions arriving out of order. Events are applied as the projection does (a report's newest revision wins),
 * and their touches noted; at random points (after one event or after several, as a refresh finds them) the noted
 * touches are worked off, and every stored total is compared with the full calculation, in both stored scopes.
 * The trees worked out for a reader who asks for claims agree with the stored rows.
 */
class IncrementalTotalsPropertyTest {

    private static final Party GUANGDONG = new Party("Guangdong", "440000", "province");
    private static final Party GUANGXI = new Party("Guangxi", "450000", "province");
    private static final Party SHENZHEN = new Party("Shenzhen", "440300", "prefecture");
    private static final Party SHENZHEN_SPELT = new Party("Shen Zhen", "440300", "prefecture");
    private static final Party GUANGZHOU = new Party("Guangzhou", "440100", "prefecture");
    private static final Party ZHANJIANG = new Party("Zhanjiang", "440800", "prefecture");
    private static final Party LIANJIANG = new Party("Lianjiang", "440881", "county");
    private static final Party BAISE = new Party("Baise", "451000", "prefecture");
    private static final Party HECHI = new Party("Hechi", "451200", "prefecture");
    private static final Party LIUZHOU = new Party("Liuzhou", "450200", "prefecture");
    private static final Party RONGSHUI = new Party("Rongshui", "450225", "county");
    private static final Party SHANGHAI = new Party("Shanghai", "310000", "province");
    private static final Party YUNNAN = new Party("Yunnan", "530000", "province");
    private static final Party KUNMING = new Party("Kunming", "530100", "prefecture");
    private static final Party SH_GD = Party.group("Shanghai and Guangdong", List.of(SHANGHAI, GUANGDONG), false);
    private static final Party SH_GD_ZH = Party.group("上海、广东", List.of(GUANGDONG, SHANGHAI), true);
    private static final Party SZ_GZ = Party.group("Shenzhen and Guangzhou", List.of(SHENZHEN, GUANGZHOU), false);
    private static final Party EASTERN = Party.group("the eastern provinces", List.of(), false);
    private static final Party EAST_CITY = new Party("East city", null, "prefecture");

    private static final List<Party> DONORS = List.of(GUANGDONG, SHENZHEN, SHENZHEN_SPELT, GUANGZHOU, ZHANJIANG,
            LIANJIANG, SHANGHAI, SH_GD, SH_GD_ZH, SZ_GZ, EASTERN, EAST_CITY);
    private static final List<Party> RECIPIENTS = List.of(GUANGXI, BAISE, HECHI, LIUZHOU, RONGSHUI, YUNNAN, KUNMING);
    private static final List<String[]> METRICS = List.of(
            new String[] {"funds_cny", "CNY"}, new String[] {"funds_cny", "USD"}, new String[] {"projects", "projects"});
    private static final List<String> VALUES = List.of("100", "100.5", "200", "300", "480", "487", "1000", "50");

    @Property(tries = 300)
    void storedTotalsEqualAFullCalculation(@ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int steps) {
        Random random = new Random(seed);
        Map<String, Long> revisions = new HashMap<>();
        Map<String, List<Claim>> current = new HashMap<>();
        Map<String, List<List<Claim>>> published = new HashMap<>();
        List<InMemoryTotalsStore> stores = List.of(
                new InMemoryTotalsStore(() -> all(current), ClaimScope.DEFAULT),
                new InMemoryTotalsStore(() -> all(current), new ClaimScope(YearRange.ALL, Confidence.LOW)),
                // The default scope one year at a time, as the service also stores it: 2016 takes in the
                // cumulative figures since 2016 that end in it, 2017 none.
                new InMemoryTotalsStore(() -> all(current), new ClaimScope(YearRange.single(2016), Confidence.MEDIUM)),
                new InMemoryTotalsStore(() -> all(current), new ClaimScope(YearRange.single(2017), Confidence.MEDIUM)));
        IncrementalTotals incremental = new IncrementalTotals();
        List<List<IncrementalTotals.Touch>> pending = new ArrayList<>();
        stores.forEach(store -> pending.add(new ArrayList<>()));
        long clock = 0;
        for (int step = 0; step < steps; step++) {
            String report = "r" + random.nextInt(6);
            long revision;
            List<Claim> facts;
            int kind = random.nextInt(10);
            List<List<Claim>> earlier = published.getOrDefault(report, List.of());
            if (kind == 0 && !earlier.isEmpty()) {
                // A redelivery or a revision arriving late: never newer than what was applied.
                revision = 1 + random.nextInt(earlier.size());
                facts = earlier.get((int) revision - 1);
            } else {
                revision = earlier.size() + 1;
                clock++;
                facts = kind == 1 ? List.of() : facts(random, report, revision, Instant.ofEpochSecond(1_600_000_000L + clock));
                List<List<Claim>> next = new ArrayList<>(earlier);
                next.add(facts);
                published.put(report, next);
            }
            if (revision <= revisions.getOrDefault(report, 0L)) {
                continue; // stale or duplicate: the projection changes nothing and notes nothing
            }
            List<Claim> before = current.getOrDefault(report, List.of());
            for (int i = 0; i < stores.size(); i++) {
                pending.get(i).addAll(touches(before, facts));
            }
            revisions.put(report, revision);
            current.put(report, facts);
            if (random.nextInt(3) == 0) {
                for (int i = 0; i < stores.size(); i++) {
                    InMemoryTotalsStore store = stores.get(i);
                    incremental.refresh(store, pending.get(i));
                    pending.get(i).clear();
                    assertEquals(store.recomputed(), store.all(), "seed " + seed + ", step " + step);
                    assertTreesAgree(incremental, store, "seed " + seed + ", step " + step);
                }
            }
        }
        for (int i = 0; i < stores.size(); i++) {
            incremental.refresh(stores.get(i), pending.get(i));
            assertEquals(stores.get(i).recomputed(), stores.get(i).all(), "seed " + seed + ", at the end");
            assertTreesAgree(incremental, stores.get(i), "seed " + seed + ", at the end");
        }
    }

    /** Every tree worked out on read, with its claims, equals what is stored (without them) and the full calculation. */
    private static void assertTreesAgree(IncrementalTotals incremental, InMemoryTotalsStore store, String where) {
        Map<List<String>, StoredTotal> recomputed = store.recomputed();
        store.all().values().stream().map(total -> new TotalsStore.MetricUnit(total.metric(), total.unit())).distinct()
                .forEach(metricUnit -> {
                    Set<String> roots = new HashSet<>();
                    store.stored(metricUnit).forEach(total -> roots.add(total.root()));
                    incremental.trees(store, metricUnit, roots).forEach(total -> {
                        StoredTotal worked = StoredTotal.of(total, recomputed
                                .get(List.of(total.metric(), total.unit(), total.pair().identity())).root());
                        assertEquals(recomputed.get(List.of(total.metric(), total.unit(), total.pair().identity())),
                                worked, where);
                    });
                });
    }

    private static List<IncrementalTotals.Touch> touches(List<Claim> before, List<Claim> after) {
        List<IncrementalTotals.Touch> touches = new ArrayList<>();
        for (List<Claim> claims : List.of(before, after)) {
            claims.forEach(claim -> touches.add(new IncrementalTotals.Touch(claim.metric(), claim.unit(), claim.pair().identity())));
        }
        return touches;
    }

    private static Collection<Claim> all(Map<String, List<Claim>> current) {
        return current.values().stream().flatMap(List::stream).toList();
    }

    /** A report's facts at one revision; rejected facts are no claims, so they are simply left out. */
    private static List<Claim> facts(Random random, String report, long revision, Instant reportedAt) {
        int count = random.nextInt(5);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String factId = "f" + revision + "-" + i;
            Review review = switch (random.nextInt(6)) {
                case 0 -> new Review(ReviewStatus.CONFIRMED, false, "wei", reportedAt);
                case 1 -> new Review(ReviewStatus.CORRECTED, false, "li", reportedAt);
                case 2 -> new Review(ReviewStatus.CONFIRMED, true, "wei", reportedAt);
                case 3 -> new Review(ReviewStatus.REJECTED, false, "li", reportedAt);
                default -> Review.NONE;
            };
            if (review.status() == ReviewStatus.REJECTED) {
                continue;
            }
            String[] metric = METRICS.get(random.nextInt(METRICS.size()));
            Pair pair = new Pair(DONORS.get(random.nextInt(DONORS.size())), RECIPIENTS.get(random.nextInt(RECIPIENTS.size())));
            Basis basis = switch (random.nextInt(5)) {
                case 0 -> Basis.CUMULATIVE;
                case 1 -> Basis.PLAN;
                default -> Basis.PERIOD;
            };
            LocalDate start = null;
            LocalDate end = null;
            LocalDate asOf = null;
            int year = 2016 + random.nextInt(4);
            int dating = random.nextInt(6);
            if (basis == Basis.CUMULATIVE) {
                start = dating == 0 ? null : LocalDate.of(2016, 1, 1);
                asOf = dating == 1 ? null : LocalDate.of(year, 12, 31);
            } else if (dating > 0) {
                start = LocalDate.of(year, 1, 1);
                end = LocalDate.of(dating == 1 ? year + 1 : year, 12, 31);
            }
            String partOf = i > 0 && random.nextInt(4) == 0 ? "f" + revision + "-" + random.nextInt(i) : null;
            Confidence confidence = Confidence.values()[random.nextInt(3)];
            claims.add(new Claim(new Source(report, factId, "sentence " + factId, reportedAt), pair, metric[0], metric[1],
                    new BigDecimal(VALUES.get(random.nextInt(VALUES.size()))), Qualifier.values()[random.nextInt(3)],
                    basis, start, end, asOf, confidence, confidence == Confidence.HIGH ? List.of() : List.of("party_from_context"),
                    partOf, random.nextBoolean() ? Origin.MACHINE : Origin.ANALYST, review));
        }
        return claims;
    }
}
