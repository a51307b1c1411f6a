package org.counterpart.facts.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.counterpart.edge.paging.PageCursor;

/**
 * The facts worth a person's check, most worth first: unreviewed facts (including confirmations the machine's newer
 * reading no longer matches), scored by how unsure the machine is (low confidence 1, medium 0.6, high 0.25) times the
 * fact's share of the total of its metric and unit over all facts that count (rejected ones do not). A large figure
 * the machine is fairly sure of can outrank a small one it doubts: a wrong large figure moves a total more.
 * Keyset-paged by (score, id), so a page never repeats or skips a fact that stays in the queue.
 */
@ApplicationScoped
public class ReviewQueue {

    /** One fact in the queue, with its score and the reasons for its place, in words. */
    public record Entry(Fact fact, BigDecimal score, BigDecimal share, List<String> reasons) {
    }

    public record Page(List<Entry> entries, String next) {
    }

    /** Where the next page starts: after (score, id). */
    public record Cursor(BigDecimal score, UUID id) {

        public PageCursor page() {
            return PageCursor.of(score.toPlainString(), id.toString());
        }

        /** @throws IllegalArgumentException for a cursor that no page of the queue gave out */
        public static Cursor of(PageCursor cursor) {
            return new Cursor(new BigDecimal(cursor.key(0)), UUID.fromString(cursor.key(1)));
        }
    }

    private static final String SCORED = """
            WITH scored AS (
              SELECT f.id, f.review_status,
                     ROUND((CASE f.confidence WHEN 'low' THEN 1.0 WHEN 'medium' THEN 0.6 ELSE 0.25 END)
                           * COALESCE(f.value / NULLIF(SUM(f.value) FILTER (WHERE f.review_status <> 'rejected')
                                                       OVER (PARTITION BY f.metric, f.unit), 0), 0), 12) AS score,
                     ROUND(COALESCE(f.value / NULLIF(SUM(f.value) FILTER (WHERE f.review_status <> 'rejected')
                                                     OVER (PARTITION BY f.metric, f.unit), 0), 0), 12) AS share
              FROM fact f
            )
            SELECT id, score, share FROM scored
            WHERE review_status = 'unreviewed' AND %s
            ORDER BY score DESC, id
            LIMIT :limit
            """;

    private final EntityManager entityManager;

    public ReviewQueue(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Page page(Cursor after, int limit) {
        var query = entityManager.createNativeQuery(SCORED.formatted(
                after == null ? "TRUE" : "(score < :score OR (score = :score AND id > :id))"));
        query.setParameter("limit", limit + 1);
        if (after != null) {
            query.setParameter("score", after.score());
            query.setParameter("id", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> shown = more ? rows.subList(0, limit) : rows;
        List<UUID> ids = shown.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, Fact> facts = ids.isEmpty() ? Map.of()
                : Fact.<Fact>list("id in ?1", ids).stream().collect(Collectors.toMap(f -> f.id, Function.identity()));
        List<Entry> entries = new ArrayList<>();
        for (Object[] row : shown) {
            Fact fact = facts.get((UUID) row[0]);
            if (fact == null) continue; // replaced between the two reads: it is no longer in the queue
            BigDecimal score = (BigDecimal) row[1];
            BigDecimal share = (BigDecimal) row[2];
            entries.add(new Entry(fact, score, share, reasons(fact, share)));
        }
        String next = null;
        if (more) {
            Object[] last = shown.get(shown.size() - 1);
            next = new Cursor((BigDecimal) last[1], (UUID) last[0]).page().encode();
        }
        return new Page(entries, next);
    }

    private static List<String> reasons(Fact fact, BigDecimal share) {
        List<String> reasons = new ArrayList<>();
        if (fact.reviewChanged) {
            reasons.add("confirmed before, but the machine reads it differently now");
        }
        reasons.add(fact.confidence + " confidence" + (fact.reasons == null || fact.reasons.equals("[]") ? ""
                : " " + fact.reasons.replace("\"", "").replace(",", ", ")));
        BigDecimal percent = share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
        reasons.add(percent.toPlainString() + "% of all " + fact.metric + " (" + fact.unit + ")");
        return reasons;
    }
}
