package org.counterpart.metrics.inbound;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.counterpart.metrics.projection.ProjectionOutcome;

/**
 * Counts facts events by what they did, as {@code counterpart_facts_events_total{outcome=...}} at /q/metrics.
 * Registered up front (at startup, not when the first event arrives) so that a dashboard sees zeros rather
 * than missing series.
 */
@Startup
@ApplicationScoped
public class FactsEventCounters {

    static final String NAME = "counterpart.facts.events";

    private final Map<ProjectionOutcome, Counter> byOutcome = new EnumMap<>(ProjectionOutcome.class);
    private final Counter malformed;
    private final Counter failed;

    public FactsEventCounters(MeterRegistry registry) {
        for (ProjectionOutcome outcome : ProjectionOutcome.values()) {
            byOutcome.put(outcome, counter(registry, outcome.tag()));
        }
        malformed = counter(registry, "malformed");
        failed = counter(registry, "failed");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(NAME)
                .description("Facts events handled, by outcome; malformed, rejected and failed ones went to facts-dlq")
                .tag("outcome", outcome)
                .register(registry);
    }

    public void handled(ProjectionOutcome outcome) {
        byOutcome.get(outcome).increment();
    }

    public void malformed() {
        malformed.increment();
    }

    public void failed() {
        failed.increment();
    }
}
