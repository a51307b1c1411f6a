package org.counterpart.metrics.projection;

import java.util.function.Consumer;

import org.counterpart.metrics.events.FactsEvent;

/** Every facts event there is, oldest first per report: what a rebuild replays. */
public interface FactsSource {

    /**
     * Hands each readable event to {@code apply}, in topic order per partition.
     *
     * @return how many messages could not be read and were skipped (they went to the dead-letter topic when they
     *         were first consumed)
     */
    long forEach(Consumer<FactsEvent> apply);
}
