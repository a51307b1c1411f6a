package org.counterpart.edge;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Who may write, in which role, and whether reads need a key too. */
@ConfigMapping(prefix = "counterpart.auth")
public interface AccessSettings {
    /**
     * The deployment's keys as {@code name:role+role:sha256hex} (roles: writer, reviewer, admin); the name is the
     * holder's identity in audit trails. Env {@code COUNTERPART_AUTH_KEYS}, comma-separated.
     */
    Optional<List<String>> keys();

    /**
     * SHA-256 hashes (hex, optionally prefixed {@code sha256:}) of keys from before roles existed: each may do
     * everything. Kept so that existing deployments work unchanged; prefer {@link #keys()}.
     */
    @WithName("api-key-hashes")
    Optional<List<String>> apiKeyHashes();

    /** With no keys configured, accept writes from anyone: the local sandbox only. */
    @WithDefault("false")
    boolean openWrites();

    @WithDefault("false")
    boolean protectReads();
}
