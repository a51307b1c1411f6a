package org.counterpart.edge;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the edge keeps what it only needs for a while. */
@ConfigMapping(prefix = "counterpart.retention")
public interface RetentionSettings {
    /** Ids of consumed events are kept this long, far beyond any redelivery. */
    @WithDefault("30d")
    Duration keepProcessedEvents();

    @WithDefault("500")
    int batchSize();

    @WithDefault("true")
    boolean enabled();
}
