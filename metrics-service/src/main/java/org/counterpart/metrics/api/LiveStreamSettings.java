package org.counterpart.metrics.api;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The live stream of changed totals (GET /totals/stream): its heartbeat and how much a reconnecting client may catch up. */
@ConfigMapping(prefix = "counterpart.live-stream")
public interface LiveStreamSettings {

    /**
     * How often an open stream gets a {@code heartbeat} event: keeps proxies from closing a quiet connection and
     * lets a client notice a dead one. Well below the usual 60 s idle timeouts.
     */
    @WithDefault("15s")
    Duration heartbeat();

    /** How many recent announcements are kept for clients that reconnect with Last-Event-ID. */
    @WithDefault("256")
    int replaySize();

    /**
     * How long after the last client left changes are still announced into the replay buffer, so that a dashboard
     * whose connection dropped catches up when it is back; after that nobody is listening and the rows are not read.
     */
    @WithDefault("10m")
    Duration keepAfterLastClient();
}
