package org.counterpart.edge.problem;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses query parameters a resource method does not declare, and booleans that are neither true nor false: a
 * misspelt filter ({@code ?metirc=}) or {@code ?all=maybe} would otherwise be read as absent or false and answer
 * something the caller did not ask for. The known parameters come from the method's own {@code @QueryParam}s.
 */
public class QueryParameterCheck {

    private record Declared(Set<String> names, Set<String> booleans) {
    }

    private static final Map<Method, Declared> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        if (query.isEmpty()) {
            return;
        }
        Declared declared = DECLARED.computeIfAbsent(method, QueryParameterCheck::declared);
        List<Problem.InvalidParam> refused = new ArrayList<>();
        query.forEach((name, values) -> {
            if (!declared.names().contains(name)) {
                refused.add(new Problem.InvalidParam(name, declared.names().isEmpty()
                        ? "this endpoint takes no query parameters"
                        : "unknown; this endpoint takes " + String.join(", ", declared.names())));
            } else if (declared.booleans().contains(name)) {
                for (String value : values) {
                    String v = value.strip().toLowerCase(Locale.ROOT);
                    if (!v.equals("true") && !v.equals("false")) {
                        refused.add(new Problem.InvalidParam(name, "must be true or false, not '" + value + "'"));
                    }
                }
            }
        });
        if (!refused.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_QUERY,
                    "Some query parameters cannot be answered; see invalidParams.", refused);
        }
    }

    private static Declared declared(Method method) {
        Set<String> names = new TreeSet<>();
        Set<String> booleans = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam param = parameter.getAnnotation(QueryParam.class);
            if (param != null) {
                names.add(param.value());
                if (parameter.getType() == boolean.class || parameter.getType() == Boolean.class) {
                    booleans.add(param.value());
                }
            }
        }
        return new Declared(java.util.Collections.unmodifiableSet(names), java.util.Collections.unmodifiableSet(booleans));
    }
}
