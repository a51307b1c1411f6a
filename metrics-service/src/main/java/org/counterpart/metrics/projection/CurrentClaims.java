package org.counterpart.metrics.projection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.counterpart.metrics.totals.Basis;
import org.counterpart.metrics.totals.Claim;
import org.counterpart.metrics.totals.Pair;
import org.counterpart.metrics.totals.Party;
import org.counterpart.metrics.totals.Qualifier;
import org.counterpart.metrics.totals.Source;

/** The current facts, as claims for the totals rules. */
@ApplicationScoped
public class CurrentClaims {

    private final EntityManager em;

    public CurrentClaims(EntityManager em) {
        this.em = em;
    }

    /** All current claims of one metric; totals of different metrics never mix, so filtering here is safe. */
    public List<Claim> ofMetric(String metric) {
        return em.createQuery("from CurrentFact f where f.metric = :metric", CurrentFact.class)
                .setParameter("metric", metric)
                .getResultStream()
                .map(CurrentClaims::toClaim)
                .toList();
    }

    public List<Claim> all() {
        return em.createQuery("from CurrentFact f", CurrentFact.class)
                .getResultStream()
                .map(CurrentClaims::toClaim)
                .toList();
    }

    static Claim toClaim(CurrentFact fact) {
        return new Claim(
                new Source(fact.reportId, fact.factId),
                new Pair(new Party(fact.donorName, fact.donorCode, fact.donorLevel),
                        new Party(fact.recipientName, fact.recipientCode, fact.recipientLevel)),
                fact.metric,
                fact.unit,
                fact.value,
                Qualifier.fromCode(fact.qualifier),
                Basis.fromCode(fact.basis),
                fact.periodStart,
                fact.periodEnd,
                fact.asOf);
    }
}
