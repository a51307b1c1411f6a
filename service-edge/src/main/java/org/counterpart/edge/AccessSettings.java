package org.counterpart.edge;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Who may write, and whether reads need a key too. */
@ConfigMapping(prefix = "counterpart.auth")
public interface AccessSettings {
    /** SHA-256 hashes (hex, optionally prefixed {@code sha256:}) of the deployment's API keys. */
    @WithName("api-key-hashes")
    Optional<List<String>> apiKeyHashes();

    /** With no keys configured, accept writes from anyone: the local sandbox only. */
    @WithDefault("false")
    boolean openWrites();

    @WithDefault("false")
    boolean protectReads();
}
