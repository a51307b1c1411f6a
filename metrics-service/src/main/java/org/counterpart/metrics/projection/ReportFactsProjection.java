package org.counterpart.metrics.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.counterpart.edge.inbound.MessageLog;
import org.counterpart.metrics.message.FactMessage;
import org.counterpart.metrics.message.FactsEvent;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.Origin;
import org.counterpart.metrics.totals.ReviewStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the current facts of every report (DOMAIN rule 1): a newer revision replaces a report's facts as a
 * whole, a retraction removes them, anything already seen or older changes nothing.
 *
 * <p>Safe with several consumers on one database (scale-out, or a rebalance handing a partition over while the
 * old owner is still finishing a message): the revision check and the claim on the report's row are one
 * upsert, which PostgreSQL serialises per report, so whichever instance applies the newer revision wins and the
 * other finds its event stale; facts are rows per report, replaced inside that same transaction.
 *
 * <p>An event that the reader let through can still be rejected here for what it says given the state: a revision
 * too far ahead ({@link RevisionStep}). A rejected event changes nothing, not even the record of events seen.
 */
@ApplicationScoped
public class ReportFactsProjection {

    private final EntityManager em;
    private final MessageLog messageLog;
    private final ProjectionLock lock;
    private final RevisionStep step;
    private final StoredTotals storedTotals;

    public ReportFactsProjection(EntityManager em, MessageLog messageLog, ProjectionLock lock,
                                 StoredTotals storedTotals,
                                 @ConfigProperty(name = "counterpart.facts.largest-revision-step", defaultValue = "1000000000")
                                 long largestRevisionStep) {
        this.em = em;
        this.messageLog = messageLog;
        this.lock = lock;
        this.step = new RevisionStep(largestRevisionStep);
        this.storedTotals = storedTotals;
    }

    /** One transaction: the processed-event record, the revision and the facts commit together or not at all. */
    @Transactional
    public ProjectionResult apply(FactsEvent event) {
        lock.shared();
        return applyLocked(event, true);
    }

    /**
     * The events of one poll in one transaction, in order. The persistence context is emptied after each event, so
     * a poll of many reports holds no more entities than one.
     */
    @Transactional
    public List<ProjectionResult> applyAll(List<FactsEvent> events) {
        lock.shared();
        List<ProjectionResult> results = new java.util.ArrayList<>(events.size());
        for (FactsEvent event : events) {
            results.add(applyLocked(event, true));
            em.flush();
            em.clear();
        }
        return results;
    }

    /**
     * The same, for a rebuild replaying the topic inside its own transaction (which holds the lock exclusively):
     * nobody is told about each replayed event, only about the rebuild as a whole.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    ProjectionResult replay(FactsEvent event) {
        return applyLocked(event, false);
    }

    private ProjectionResult applyLocked(FactsEvent event, boolean tell) {
        // Judged before anything is written, so that a rejected event leaves no trace and is rejected again if
        // it comes again.
        Optional<String> tooFarAhead = step.refusal(event.revision(), highestRevision());
        if (tooFarAhead.isPresent()) {
            return ProjectionResult.rejected(RevisionStep.RULE, "Facts event " + event.eventId() + " of report "
                    + event.reportId() + " is refused (" + RevisionStep.RULE + "): " + tooFarAhead.get());
        }
        if (!messageLog.firstTime(event.eventId())) {
            return ProjectionResult.of(ProjectionOutcome.DUPLICATE);
        }
        if (!claimNewerRevision(event)) {
            return ProjectionResult.of(ProjectionOutcome.STALE);
        }
        List<CurrentFact> before = factsOf(event.reportId());
        List<CurrentFact> after = event.currentFacts().stream().map(fact -> toRow(event, fact)).toList();
        // A rebuild stores every total once its replay is done; a live event notes what it changed, in its own
        // transaction, and the refresher works the totals out (StoredTotals).
        if (tell) {
            storedTotals.note(event.reportId(), event.revision(), before, after);
        }
        em.createQuery("delete from CurrentFact f where f.reportId = :reportId")
                .setParameter("reportId", event.reportId())
                .executeUpdate();
        for (CurrentFact row : after) {
            em.persist(row);
        }
        em.flush();
        return ProjectionResult.of(event.isRetraction() ? ProjectionOutcome.RETRACTED : ProjectionOutcome.REPLACED);
    }

    /** The highest revision applied for any report, 0 when none was (an index keeps this one lookup). */
    private long highestRevision() {
        return ((Number) em.createNativeQuery("select coalesce(max(revision), 0) from report_state")
                .getSingleResult()).longValue();
    }

    /**
     * Records the event's revision as the report's newest, if it is newer than the one stored; the row stays
     * locked until commit. One statement, so two instances cannot both believe they are newest.
     */
    private boolean claimNewerRevision(FactsEvent event) {
        List<?> claimed = em.createNativeQuery("""
                        insert into report_state (report_id, revision, event_id, retracted, applied_at, occurred_at,
                                                  published_at, totals_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, null)
                        on conflict (report_id) do update
                           set revision = excluded.revision, event_id = excluded.event_id,
                               retracted = excluded.retracted, applied_at = excluded.applied_at,
                               occurred_at = excluded.occurred_at, published_at = excluded.published_at,
                               totals_at = null
                         where report_state.revision < excluded.revision
                        returning report_id""")
                .setParameter(1, event.reportId())
                .setParameter(2, event.revision())
                .setParameter(3, event.eventId())
                .setParameter(4, event.isRetraction())
                .setParameter(5, Timestamp.from(Instant.now()))
                .setParameter(6, event.occurredAt() == null ? null : Timestamp.from(event.occurredAt()))
                .setParameter(7, event.publishedAt() == null ? null : java.sql.Date.valueOf(event.publishedAt()))
                .getResultList();
        return !claimed.isEmpty();
    }

    private List<CurrentFact> factsOf(String reportId) {
        return em.createQuery("from CurrentFact f where f.reportId = :reportId", CurrentFact.class)
                .setParameter("reportId", reportId)
                .getResultList();
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
        row.donorMembers = JsonColumns.members(fact.donor());
        row.donorMembersInferred = Boolean.TRUE.equals(fact.donor().membersInferred());
        row.recipientMembers = JsonColumns.members(fact.recipient());
        row.recipientMembersInferred = Boolean.TRUE.equals(fact.recipient().membersInferred());
        // Facts from before confidence was stated were all taken at face value.
        row.confidence = fact.confidence() == null ? Confidence.HIGH.code() : fact.confidence();
        row.confidenceReasons = JsonColumns.reasons(fact.reasons());
        row.partOf = fact.partOf();
        // Facts from before analyst review were the machine's, and nobody had looked at them. A rejected fact is
        // stored like any other, so that the projection holds the report's facts as facts-service published them;
        // CurrentClaims keeps it out of every total.
        row.origin = fact.origin() == null ? Origin.MACHINE.code() : fact.origin();
        if (fact.review() != null) {
            row.reviewStatus = fact.review().status();
            row.reviewChanged = Boolean.TRUE.equals(fact.review().changed());
            row.reviewedBy = fact.review().by();
            row.reviewedAt = fact.review().at();
        } else {
            row.reviewStatus = ReviewStatus.UNREVIEWED.code();
        }
        if (fact.evidence() != null) {
            row.evidenceSentence = fact.evidence().sentence();
            row.evidenceStart = fact.evidence().start();
            row.evidenceEnd = fact.evidence().end();
            row.figureStart = fact.evidence().figureStart();
            row.figureEnd = fact.evidence().figureEnd();
        }
        row.extractorVersion = fact.extractorVersion() != null ? fact.extractorVersion() : event.extractorVersion();
        row.pairKey = row.pair().identity();
        row.spanYear = CurrentClaims.spanYear(row);
        return row;
    }
}
