package org.counterpart.edge;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits every request must keep to, checked before any resource runs. */
@ConfigMapping(prefix = "counterpart.http")
public interface HttpSettings {
    /** Below the codec's own limit (quarkus.http.limits.max-initial-line-length), so the refusal is a document. */
    @WithDefault("8192")
    int maxUriLength();

    /**
     * The largest body, checked from Content-Length before Quarkus' own check (which answers with an empty body);
     * the same limit as quarkus.http.limits.max-body-size unless set.
     */
    @WithDefault("${quarkus.http.limits.max-body-size:10240K}")
    MemorySize maxBodySize();

    /** Below quarkus.http.limits.max-header-size, for the same reason. */
    @WithDefault("16384")
    int maxHeaderBytes();
}
