package org.counterpart.edge;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How clients reach this service. Whatever the service publishes that points back at itself (the CloudEvents
 * {@code dataschema} of its events, the schemas in its AsyncAPI document) is an absolute URI built from this base,
 * because a consumer reading a Kafka message or a saved document has no request to resolve a relative one against.
 */
@ConfigMapping(prefix = "counterpart.public")
public interface PublicSettings {

    /** The base URL clients use, without a trailing slash, e.g. https://facts.counterpart.example. */
    @WithDefault("http://localhost:${quarkus.http.port}")
    URI baseUrl();

    /** An absolute URI for a path of this service's own ({@code /schemas/facts-event.schema.json}). */
    default URI resolve(String path) {
        String base = baseUrl().toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }
}
