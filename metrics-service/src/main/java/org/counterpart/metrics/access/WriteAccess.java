package org.counterpart.metrics.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.counterpart.metrics.api.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Writes (POST, PUT, PATCH, DELETE) need a configured API key as a Bearer token; reads are open unless
 * {@code counterpart.auth.protect-reads} is set. With no key configured, writes are refused unless the deployment
 * says {@code counterpart.auth.open-writes=true} (the local sandbox does): a forgotten setting fails closed.
 */
@Singleton
public class WriteAccess {

    private static final Logger LOG = Logger.getLogger(WriteAccess.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ApiKeys keys;
    private final boolean openWrites;
    private final boolean protectReads;

    public WriteAccess(@ConfigProperty(name = "counterpart.auth.api-key-hashes") Optional<List<String>> hashes,
                       @ConfigProperty(name = "counterpart.auth.open-writes", defaultValue = "false")
                       boolean openWrites,
                       @ConfigProperty(name = "counterpart.auth.protect-reads", defaultValue = "false")
                       boolean protectReads) {
        this.keys = new ApiKeys(hashes.orElse(List.of()));
        this.openWrites = openWrites && !keys.configured();
        this.protectReads = protectReads;
        if (this.openWrites) {
            LOG.warn("No API keys configured and counterpart.auth.open-writes=true: anyone can write.");
        } else if (!keys.configured()) {
            LOG.warn("No API keys configured (counterpart.auth.api-key-hashes): every write will be refused.");
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/q/")) {
            return null; // health, metrics and the OpenAPI document stay reachable for operators and probes
        }
        boolean write = WRITES.contains(request.getMethod());
        if (!write && !protectReads) {
            return null;
        }
        if (write && openWrites) {
            return null;
        }
        if (keys.accepts(Optional.ofNullable(request.getHeaderString(HttpHeaders.AUTHORIZATION)))) {
            return null;
        }
        String detail = keys.configured()
                ? "Send a valid API key as 'Authorization: Bearer <key>'."
                : "This deployment has no API keys configured, so it accepts no writes.";
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Unauthorized", 401, detail, path, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"counterpart\"")
                .build();
    }
}
