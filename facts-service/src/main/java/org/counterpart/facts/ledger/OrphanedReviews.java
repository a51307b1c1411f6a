package org.counterpart.facts.ledger;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Reviews whose figure no fact of the machine holds any more (a newer extractor no longer reads a fact there, or reads
 * it as another metric): kept, never dropped, and listed here so that a person can look again.
 */
@ApplicationScoped
public class OrphanedReviews {

    private static final String ORPHANED = """
            SELECT r.* FROM fact_review r
            WHERE r.fact_origin = 'machine'
              AND NOT EXISTS (SELECT 1 FROM fact f
                              WHERE f.report_id = r.report_id AND f.origin = 'machine'
                                AND COALESCE(f.evidence_figure_start, f.evidence_start) = r.figure_start
                                AND COALESCE(f.evidence_figure_end, GREATEST(f.evidence_end, f.evidence_start + 1))
                                    = r.figure_end
                                AND COALESCE(f.anchor_metric, f.metric) = r.metric)
            ORDER BY r.reviewed_at DESC, r.id
            LIMIT :limit
            """;

    private final EntityManager entityManager;

    public OrphanedReviews(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The most recent first. */
    public List<FactReviewRecord> latest(int limit) {
        @SuppressWarnings("unchecked")
        List<FactReviewRecord> rows = entityManager.createNativeQuery(ORPHANED, FactReviewRecord.class)
                .setParameter("limit", limit).getResultList();
        return rows;
    }
}
