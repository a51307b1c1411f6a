package org.counterpart.facts.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.counterpart.facts.extraction.Extractor;

/** The transactional steps of a re-extraction, a bean of their own so that each call gets its own transaction. */
@ApplicationScoped
public class ReextractionSteps {

    private final Ledger ledger;
    private final ReportLock lock;
    private final EntityManager entityManager;

    public ReextractionSteps(Ledger ledger, ReportLock lock, EntityManager entityManager) {
        this.ledger = ledger;
        this.lock = lock;
        this.entityManager = entityManager;
    }

    /** Empty when the report is unknown or withdrawn, also when its withdrawal committed while this one waited. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Extraction> rerun(UUID reportId) {
        // The report is read only once its lock is held: read before, it could be withdrawn by the time the new
        // facts are written, and they would outlive the withdrawal.
        if (!lock.holdUnlessWithdrawn(reportId)) {
            return Optional.empty();
        }
        SourceReport report = SourceReport.findById(reportId);
        return report == null ? Optional.empty() : Optional.of(ledger.extract(report));
    }

    /** Ids after {@code after} (keyset paging) of reports to re-extract: outdated ones, or all. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> nextBatch(UUID after, boolean all, int size) {
        String outdated = all ? "" : " and not exists (select e from Extraction e where e.reportId = s.id"
                + " and e.extractorVersion = :version)";
        // two query shapes rather than "(:after is null or …)": PostgreSQL cannot type a null parameter
        var query = entityManager.createQuery("select s.id from SourceReport s where "
                + (after == null ? "true" : "s.id > :after") + outdated + " order by s.id", UUID.class);
        if (after != null) query.setParameter("after", after);
        if (!all) query.setParameter("version", Extractor.VERSION);
        return query.setMaxResults(size).getResultList();
    }
}
