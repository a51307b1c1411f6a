package org.counterpart.metrics.it;

import static org.awaitility.Awaitility.await;
import static org.counterpart.metrics.it.FactsTopic.asCumulative;
import static org.counterpart.metrics.it.FactsTopic.asPlan;
import static org.counterpart.metrics.it.FactsTopic.regional;
import static org.counterpart.metrics.it.FactsTopic.replaced;
import static org.counterpart.metrics.it.FactsTopic.retracted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.counterpart.metrics.projection.CurrentClaims;
import org.counterpart.metrics.projection.CurrentTotals;
import org.counterpart.metrics.totals.ClaimScope;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.StoredTotal;
import org.counterpart.metrics.totals.TotalCalculator;
import org.counterpart.metrics.totals.YearRange;
import org.junit.jupiter.api.Test;

/**
 * Over the real topic and database: after a random sequence of events (new reports, re-extractions, retractions,
 * reviews with rejections, redeliveries, revisions out of order) the stored totals of both stored scopes are exactly
 * what a full calculation over all current claims gives.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "metrics"))
class StoredTotalsIT {

    private static final String[][] DONORS = {
            {"Guangdong", "440000", "province"}, {"Shenzhen", "440300", "prefecture"}, {"Shen Zhen", "440300", "prefecture"},
            {"Zhanjiang", "440800", "prefecture"}, {"Lianjiang", "440881", "county"}};
    private static final String[][] RECIPIENTS = {
            {"Guangxi", "450000", "province"}, {"Baise", "451000", "prefecture"}, {"Hechi", "451200", "prefecture"},
            {"Liuzhou", "450200", "prefecture"}, {"Rongshui", "450225", "county"}};
    private static final String[][] METRICS = {{"funds_cny", "CNY"}, {"projects", "projects"}};

    @Inject
    CurrentClaims claims;

    @Inject
    CurrentTotals totals;

    @Test
    void storedTotalsEqualAFullCalculationAfterRandomEvents() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String prefix = "st-" + UUID.randomUUID() + "-";
        Map<String, List<Map<String, Object>>> published = new LinkedHashMap<>();
        try (FactsTopic topic = new FactsTopic()) {
            for (int step = 0; step < 40; step++) {
                String report = prefix + random.nextInt(5);
                List<Map<String, Object>> earlier = published.computeIfAbsent(report, k -> new ArrayList<>());
                int kind = random.nextInt(10);
                if (kind == 0 && !earlier.isEmpty()) {
                    topic.publish(earlier.get(random.nextInt(earlier.size())));   // redelivered, or late
                    continue;
                }
                long revision = earlier.size() + 1;
                Map<String, Object> event = kind == 1 ? retracted(report, revision) : replaced(report, revision, facts(random));
                earlier.add(event);
                if (kind == 2) {
                    continue;   // held back: published after the next one, out of order
                }
                topic.publish(event);
                if (earlier.size() >= 2 && earlier.get(earlier.size() - 2) != event && random.nextInt(3) == 0) {
                    topic.publish(earlier.get(earlier.size() - 2));
                }
            }
        }
        // The stored scopes: the default and every fact over all years, and the default one year at a time.
        List<ClaimScope> scopes = new ArrayList<>(List.of(new ClaimScope(YearRange.ALL, Confidence.MEDIUM),
                new ClaimScope(YearRange.ALL, Confidence.LOW)));
        for (int year = 2016; year <= 2019; year++) {
            scopes.add(new ClaimScope(YearRange.single(year), Confidence.MEDIUM));
        }
        for (ClaimScope scope : scopes) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Map<String, StoredTotal> stored = QuarkusTransaction.requiringNew().call(() ->
                        keyed(totals.totals(scope, Optional.empty(), false)));
                Map<String, StoredTotal> withClaims = QuarkusTransaction.requiringNew().call(() ->
                        keyed(totals.totals(scope, Optional.empty(), true)));
                Map<String, StoredTotal> recomputed = QuarkusTransaction.requiringNew().call(() -> keyed(StoredTotal.allOf(
                        TotalCalculator.standard().totals(claims.all().stream().filter(scope::includes).toList()))));
                if (scope.years().isAll()) {
                    assertFalse(recomputed.isEmpty(), "seed " + seed + ", scope " + scope + ": nothing to compare");
                }
                // The rows as stored (figures only) and the trees worked out again for a reader (with claims).
                Map<String, StoredTotal> figures = new TreeMap<>();
                recomputed.forEach((key, total) -> figures.put(key, total.withoutClaims()));
                assertEquals(figures, stored, "seed " + seed + ", scope " + scope);
                assertEquals(recomputed, withClaims, "seed " + seed + ", scope " + scope);
            });
        }
    }

    private static Map<String, StoredTotal> keyed(List<StoredTotal> totals) {
        Map<String, StoredTotal> keyed = new TreeMap<>();
        totals.forEach(total -> keyed.put(total.metric() + "|" + total.unit() + "|" + total.identity(), total));
        return keyed;
    }

    private static List<Map<String, Object>> facts(Random random) {
        List<Map<String, Object>> facts = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String[] metric = METRICS[random.nextInt(METRICS.length)];
            String[] donor = DONORS[random.nextInt(DONORS.length)];
            String[] recipient = RECIPIENTS[random.nextInt(RECIPIENTS.length)];
            int year = 2016 + random.nextInt(4);
            long value = List.of(100L, 101L, 200L, 300L, 480L).get(random.nextInt(5));
            Map<String, Object> fact = regional(donor, recipient, metric[0], value, metric[1], year,
                    donor[0] + " gave " + value + " to " + recipient[0] + " in " + year);
            switch (random.nextInt(5)) {
                case 0 -> fact = asCumulative(fact, random.nextBoolean() ? null : "2016-01-01", year + "-12-31");
                case 1 -> fact = asPlan(fact);
                default -> { }
            }
            fact = new LinkedHashMap<>(fact);
            fact.put("confidence", List.of("high", "medium", "low").get(random.nextInt(3)));
            if (!"high".equals(fact.get("confidence"))) {
                fact.put("reasons", List.of("party_from_context"));
            }
            int review = random.nextInt(4);
            if (review == 0) {
                fact.put("review", Map.of("status", "confirmed", "changed", false, "by", "wei", "at", "2026-11-22T10:00:00Z"));
            } else if (review == 1) {
                fact.put("review", Map.of("status", "rejected", "changed", false, "by", "li", "at", "2026-11-22T10:00:00Z"));
            }
            if (i > 0 && random.nextInt(4) == 0) {
                fact.put("partOf", facts.get(0).get("id"));
            }
            facts.add(fact);
        }
        return facts;
    }
}
