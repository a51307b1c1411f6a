package org.counterpart.edge.access;

import java.util.List;
import java.util.Set;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.counterpart.edge.AccessSettings;
import org.counterpart.edge.problem.Problem;
import org.counterpart.edge.problem.ProblemMappers;
import org.counterpart.edge.problem.ProblemType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Writes (POST, PUT, PATCH, DELETE) need a configured API key as a Bearer token; reads are open unless
 * {@code counterpart.auth.protect-reads} is set. With no key configured, writes are refused unless the deployment
 * says {@code counterpart.auth.open-writes=true} (the local sandbox does): a forgotten setting fails closed.
 * A write a browser sends from another site is refused whatever the keys ({@link CrossSiteWrites}): under open
 * writes nothing else would stop a page elsewhere from posting or deleting.
 */
@Singleton
public class WriteAccess {

    private static final Logger LOG = Logger.getLogger(WriteAccess.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** The filter is created while the REST layer is set up, before runtime configuration exists: read it later. */
    private final Provider<AccessSettings> settings;
    private volatile Policy policy;

    private record Policy(ApiKeys keys, boolean openWrites, boolean protectReads) {
    }

    public WriteAccess(Provider<AccessSettings> settings) {
        this.settings = settings;
    }

    void announce(@Observes StartupEvent startup) {
        Policy current = policy();
        if (current.openWrites()) {
            LOG.warn("No API keys configured and counterpart.auth.open-writes=true: anyone can write.");
        } else if (!current.keys().configured()) {
            LOG.warn("No API keys configured (counterpart.auth.api-key-hashes): every write will be refused.");
        }
    }

    private Policy policy() {
        Policy current = policy;
        if (current == null) {
            AccessSettings config = settings.get();
            ApiKeys keys = new ApiKeys(config.apiKeyHashes().orElse(List.of()));
            current = new Policy(keys, config.openWrites() && !keys.configured(), config.protectReads());
            policy = current;
        }
        return current;
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/q/")) {
            return null; // health, metrics and the OpenAPI document stay reachable for operators and probes
        }
        Policy policy = policy();
        ApiKeys keys = policy.keys();
        boolean openWrites = policy.openWrites();
        boolean protectReads = policy.protectReads();
        boolean write = WRITES.contains(request.getMethod());
        if (write && CrossSiteWrites.isCrossSite(request.getHeaderString("Sec-Fetch-Site"),
                request.getHeaderString("Origin"), request.getHeaderString(HttpHeaders.HOST))) {
            return ProblemMappers.response(Problem.of(ProblemType.CROSS_SITE_WRITE,
                    "A page on another site cannot write here; send the request from a program or this site.", path));
        }
        if (!write && !protectReads) {
            return null;
        }
        if (write && openWrites) {
            return null;
        }
        if (keys.accepts(java.util.Optional.ofNullable(request.getHeaderString(HttpHeaders.AUTHORIZATION)))) {
            return null;
        }
        String detail = keys.configured()
                ? "Send a valid API key as 'Authorization: Bearer <key>'."
                : "This deployment has no API keys configured, so it accepts no writes.";
        return Response.fromResponse(ProblemMappers.response(Problem.of(ProblemType.UNAUTHORIZED, detail, path)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"counterpart\"")
                .build();
    }
}
