package org.counterpart.metrics.projection;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.counterpart.metrics.events.FactMessage;
import org.counterpart.metrics.events.FactsEvent;

/**
 * Keeps the current facts of every report (DOMAIN rule 1): a newer revision replaces a report's facts as a
 * whole, a retraction removes them, anything already seen or older changes nothing.
 */
@ApplicationScoped
public class ReportFactsProjection {

    private final EntityManager em;
    private final ProcessedEvents processedEvents;

    public ReportFactsProjection(EntityManager em, ProcessedEvents processedEvents) {
        this.em = em;
        this.processedEvents = processedEvents;
    }

    /** One transaction: the processed-event record, the revision and the facts commit together or not at all. */
    @Transactional
    public ProjectionOutcome apply(FactsEvent event) {
        if (!processedEvents.firstTime(event.eventId())) {
            return ProjectionOutcome.DUPLICATE;
        }
        // Locked so that two instances handling the same report (after a rebalance) cannot interleave.
        ReportState state = em.find(ReportState.class, event.reportId(), LockModeType.PESSIMISTIC_WRITE);
        if (state != null && event.revision() <= state.revision) {
            return ProjectionOutcome.STALE;
        }
        boolean firstEventOfReport = state == null;
        if (firstEventOfReport) {
            state = new ReportState();
            state.reportId = event.reportId();
        }
        state.revision = event.revision();
        state.eventId = event.eventId();
        state.retracted = event.isRetraction();
        state.appliedAt = Instant.now();
        if (firstEventOfReport) {
            em.persist(state);
        }
        // The state row must exist before facts reference it.
        em.flush();

        // A bulk delete runs at once; removing entities one by one would be flushed after the inserts below
        // and collide with facts that keep their id across revisions.
        em.createQuery("delete from CurrentFact f where f.reportId = :reportId")
                .setParameter("reportId", event.reportId())
                .executeUpdate();
        for (FactMessage fact : event.currentFacts()) {
            em.persist(toRow(event, fact));
        }
        return event.isRetraction() ? ProjectionOutcome.RETRACTED : ProjectionOutcome.REPLACED;
    }

    private static CurrentFact toRow(FactsEvent event, FactMessage fact) {
        CurrentFact row = new CurrentFact();
        row.reportId = event.reportId();
        row.factId = fact.id();
        row.metric = fact.metric();
        row.value = fact.value();
        row.unit = fact.unit();
        row.qualifier = fact.qualifier();
        row.basis = fact.basis();
        row.periodStart = fact.periodStart();
        row.periodEnd = fact.periodEnd();
        row.asOf = fact.asOf();
        row.donorName = fact.donor().name();
        row.donorCode = fact.donor().code();
        row.donorLevel = fact.donor().level();
        row.recipientName = fact.recipient().name();
        row.recipientCode = fact.recipient().code();
        row.recipientLevel = fact.recipient().level();
        if (fact.evidence() != null) {
            row.evidenceSentence = fact.evidence().sentence();
            row.evidenceStart = fact.evidence().start();
            row.evidenceEnd = fact.evidence().end();
        }
        row.extractorVersion = fact.extractorVersion() != null ? fact.extractorVersion() : event.extractorVersion();
        return row;
    }
}
