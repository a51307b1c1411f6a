package org.counterpart.facts.ledger;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.counterpart.facts.extraction.Extractor;

/** The extraction engine is plain Java; this makes the one shared, thread-safe instance injectable. */
public class ExtractorProducer {

    @Produces
    @Singleton
    Extractor extractor() {
        return Extractor.standard();
    }
}
