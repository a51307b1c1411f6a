package org.counterpart.facts.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The global revision sequence: every new fact set of any report, extraction or retraction, gets the next one. */
@ApplicationScoped
public class Revisions {

    private final EntityManager entityManager;

    public Revisions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    long next() {
        return ((Number) entityManager.createNativeQuery("SELECT nextval('fact_revision')").getSingleResult())
                .longValue();
    }
}
