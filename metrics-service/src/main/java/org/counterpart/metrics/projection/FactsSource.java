package org.counterpart.metrics.projection;

import java.util.function.Consumer;

import org.counterpart.metrics.message.FactsEvent;

/** Every facts event there is, oldest first per report: what a rebuild replays. */
public interface FactsSource {

    /**
     * Hands each readable event to {@code apply}, in topic order per partition, and for each message that cannot
     * be read or breaks the rules (it went to the dead-letter topic when it was first consumed) the short code of
     * the reason to {@code skip}.
     */
    void forEach(Consumer<FactsEvent> apply, Consumer<String> skip);
}
