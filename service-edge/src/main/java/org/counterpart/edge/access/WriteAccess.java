package org.counterpart.edge.access;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
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
 * says {@code counterpart.auth.open-writes=true} (the local sandbox does, and every caller is then
 * {@link Caller#local()}): a forgotten setting fails closed.
 * A write a browser sends from another site is refused whatever the keys ({@link CrossSiteWrites}): under open
 * writes nothing else would stop a page elsewhere from posting or deleting.
 * <p>
 * Two steps, because the role a request needs depends on the resource method it reaches: before routing, who is
 * calling (no key → 401, as for a path that does not exist, so probing paths teaches nothing); after routing,
 * whether that caller has the role the method needs ({@link RequiresRole}, else writer for writes) → 403.
 */
@Singleton
public class WriteAccess {

    private static final Logger LOG = Logger.getLogger(WriteAccess.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Where the first step leaves the caller for the second. */
    private static final String CALLER = Caller.class.getName();

    /** The filter is created while the REST layer is set up, before runtime configuration exists: read it later. */
    private final Provider<AccessSettings> settings;
    private volatile Policy policy;

    private record Policy(ApiKeyring keys, boolean openWrites, boolean protectReads) {
    }

    public WriteAccess(Provider<AccessSettings> settings) {
        this.settings = settings;
    }

    /** Reads the keys at start-up, so a malformed entry stops the service with its message instead of a request. */
    void announce(@Observes StartupEvent startup) {
        Policy current = policy();
        if (current.openWrites()) {
            LOG.warn("No API keys configured and counterpart.auth.open-writes=true: anyone can write, as 'local'.");
        } else if (!current.keys().configured()) {
            LOG.warn("No API keys configured (counterpart.auth.keys): every write will be refused.");
        }
    }

    private Policy policy() {
        Policy current = policy;
        if (current == null) {
            AccessSettings config = settings.get();
            ApiKeyring keys = ApiKeyring.of(config.keys().orElse(List.of()), config.apiKeyHashes().orElse(List.of()));
            current = new Policy(keys, config.openWrites() && !keys.configured(), config.protectReads());
            policy = current;
        }
        return current;
    }

    /** The caller the first step found, if any. Resources read it as {@code @Context SecurityContext}. */
    private static Optional<Caller> callerOf(ContainerRequestContext request) {
        return Optional.ofNullable((Caller) request.getProperty(CALLER));
    }

    @ServerRequestFilter(preMatching = true)
    public Response identify(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/q/")) {
            return null; // health, metrics and the OpenAPI document stay reachable for operators and probes
        }
        Policy policy = policy();
        boolean write = WRITES.contains(request.getMethod());
        if (write && CrossSiteWrites.isCrossSite(request.getHeaderString("Sec-Fetch-Site"),
                request.getHeaderString("Origin"), request.getHeaderString(HttpHeaders.HOST))) {
            return ProblemMappers.response(Problem.of(ProblemType.CROSS_SITE_WRITE,
                    "A page on another site cannot write here; send the request from a program or this site.", path));
        }
        Optional<Caller> caller = policy.openWrites()
                ? Optional.of(Caller.local())
                : policy.keys().resolve(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        caller.ifPresent(c -> {
            request.setProperty(CALLER, c);
            request.setSecurityContext(new CallerSecurityContext(c, request.getSecurityContext().isSecure()));
        });
        if (caller.isPresent() || (!write && !policy.protectReads())) {
            return null;
        }
        return unauthorized(policy, path);
    }

    @ServerRequestFilter
    public Response authorise(ContainerRequestContext request, ResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/q/")) {
            return null;
        }
        Optional<Role> needed = neededRole(resource, WRITES.contains(request.getMethod()));
        if (needed.isEmpty()) {
            return null;
        }
        Optional<Caller> caller = callerOf(request);
        if (caller.isEmpty()) {
            return unauthorized(policy(), path); // a read that needs a role, with reads otherwise open
        }
        if (caller.get().has(needed.get())) {
            return null;
        }
        return ProblemMappers.response(Problem.of(ProblemType.FORBIDDEN, "The key of '" + caller.get().name()
                + "' does not have the role '" + needed.get().word() + "' this request needs.", path));
    }

    static Optional<Role> neededRole(ResourceInfo resource, boolean write) {
        Method method = resource == null ? null : resource.getResourceMethod();
        RequiresRole onMethod = method == null ? null : method.getAnnotation(RequiresRole.class);
        if (onMethod != null) {
            return Optional.of(onMethod.value());
        }
        Class<?> type = resource == null ? null : resource.getResourceClass();
        RequiresRole onClass = type == null ? null : type.getAnnotation(RequiresRole.class);
        if (onClass != null) {
            return Optional.of(onClass.value());
        }
        return write ? Optional.of(Role.WRITER) : Optional.empty();
    }

    private static Response unauthorized(Policy policy, String path) {
        String detail = policy.keys().configured()
                ? "Send a valid API key as 'Authorization: Bearer <key>'."
                : "This deployment has no API keys configured, so it accepts no writes.";
        return Response.fromResponse(ProblemMappers.response(Problem.of(ProblemType.UNAUTHORIZED, detail, path)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"counterpart\"")
                .build();
    }
}
