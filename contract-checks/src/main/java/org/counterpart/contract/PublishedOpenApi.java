package org.counterpart.contract;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * A service's OpenAPI document as the running service publishes it, used as a client would use it: every real
 * exchange a test makes is checked against it, and the operations and statuses seen are recorded so a test can
 * demand that the whole document was exercised.
 *
 * <p>What is a problem (each is reported as one readable line naming the exchange):
 * <ul>
 *   <li>anything swagger-request-validator finds in the response: an undocumented path, method or status, a content
 *       type the document does not list, a body that does not match the schema, a documented header that is
 *       missing or malformed;</li>
 *   <li>a response body where the document names no content, or names content with an empty schema (a client
 *       learns nothing from {@code {}});</li>
 *   <li>a header a client acts on ({@link #CONTRACT_HEADERS}) that is sent but not documented for that status;</li>
 *   <li>for a request the service accepted (status below 400): what the validator finds in the request, and every
 *       query parameter it carried that the document does not name. Requests answered with 4xx are meant to be
 *       wrong, so only their answer is checked.</li>
 * </ul>
 *
 * <p>Typical use in an integration test:
 * <pre>{@code
 * static PublishedOpenApi api = PublishedOpenApi.servedAt(URI.create("http://localhost:" + port));
 * given().filter(new OpenApiRecorder(api)).get("/facts?limit=2");   // or api.check(exchange)
 * ...
 * @AfterAll static void documentIsTrue() { api.assertTruthful(Set.of()); }
 * }</pre>
 * Thread-safe: exchanges may be checked from several threads.
 */
public final class PublishedOpenApi {

    /** Response headers a client acts on; when a service sends one, the document must name it. */
    public static final Set<String> CONTRACT_HEADERS = Collections.unmodifiableSet(caseInsensitive(Set.of(
            "Location", "Link", "Retry-After", "ETag", "Last-Modified", "Content-Disposition", "Content-Location",
            "Deprecation", "Sunset")));

    private final String source;
    private final OpenAPI document;
    private final OpenApiInteractionValidator validator;
    private final ApiOperationResolver operations;
    private final SortedMap<String, SortedSet<Integer>> exercised = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    private PublishedOpenApi(String source, String json) {
        this.source = source;
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
        if (parsed.getOpenAPI() == null) {
            throw new IllegalArgumentException("the OpenAPI document of " + source + " does not parse: "
                    + parsed.getMessages());
        }
        this.document = parsed.getOpenAPI();
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(json).build();
        this.operations = new ApiOperationResolver(document, null, false);
    }

    /**
     * Loads the document a running service publishes at {@code /q/openapi?format=json}.
     *
     * @param service the service's base URI, e.g. {@code http://localhost:8081}
     */
    public static PublishedOpenApi servedAt(URI service) {
        URI location = service.resolve("/q/openapi?format=json");
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(location).header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(location + " answered " + response.statusCode());
            }
            return new PublishedOpenApi(location.toString(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot load " + location, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + location, e);
        }
    }

    /** A document given as JSON or YAML text; {@code source} names it in messages. */
    public static PublishedOpenApi of(String source, String document) {
        return new PublishedOpenApi(source, document);
    }

    /** Every operation of the document as {@code "METHOD /path/{template}"}, sorted. */
    public SortedSet<String> documentedOperations() {
        SortedSet<String> all = new TreeSet<>();
        if (document.getPaths() != null) {
            document.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .keySet().forEach(method -> all.add(method.name() + " " + path)));
        }
        return all;
    }

    /**
     * Checks one real exchange against the document and records the operation and status it exercised.
     *
     * @return the problems found, one readable line each; empty when the exchange matches the document
     */
    public List<String> check(Exchange exchange) {
        List<String> found = new ArrayList<>();
        Request.Method method = Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT));
        String path = exchange.uri().getRawPath();
        ApiOperationMatch match = operations.findApiOperation(path, method);
        if (!match.isPathFound()) {
            found.add("the path is not in the document");
        } else if (!match.isOperationAllowed()) {
            found.add("the method is not documented for this path");
        } else {
            ApiOperation operation = match.getApiOperation();
            String key = operation.getMethod().name() + " " + operation.getApiPath().original();
            synchronized (exercised) {
                exercised.computeIfAbsent(key, k -> new TreeSet<>()).add(exchange.status());
            }
            SimpleResponse response = response(exchange);
            List<String> answered = new ArrayList<>();
            errors(validator.validateResponse(path, method, response), answered);
            if (exchange.responseBody() == null) {
                // a body not read (a stream that never ends) cannot be missing: its status and headers are checked
                answered.removeIf(problem -> problem.contains("no response body found"));
            }
            found.addAll(answered);
            ApiResponse documented = documentedResponse(operation.getOperation(), exchange.status());
            if (documented != null) {
                checkContentIsDescribed(exchange, documented, found);
                checkContractHeaders(exchange, documented, found);
            }
            if (exchange.status() < 400) {
                errors(validator.validateRequest(request(exchange, method)), found);
                checkQueryIsDocumented(exchange, operation, found);
            }
        }
        List<String> named = found.stream().map(p -> exchange + ": " + p).toList();
        synchronized (problems) {
            problems.addAll(named);
        }
        return named;
    }

    /** Every problem found by {@link #check} so far, in the order found. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** The operations called so far ({@code "METHOD /path/{template}"}) with the statuses they answered. */
    public SortedMap<String, SortedSet<Integer>> exercised() {
        synchronized (exercised) {
            SortedMap<String, SortedSet<Integer>> copy = new TreeMap<>();
            exercised.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
            return copy;
        }
    }

    /** Documented operations not called yet. */
    public SortedSet<String> unexercised() {
        SortedSet<String> left = documentedOperations();
        left.removeAll(exercised().keySet());
        return left;
    }

    /** Documented statuses (per operation, {@code "GET /facts 404"}) no exchange has answered with yet. */
    public SortedSet<String> unexercisedStatuses() {
        SortedSet<String> left = new TreeSet<>();
        SortedMap<String, SortedSet<Integer>> seen = exercised();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String key = method.name() + " " + path;
            if (operation.getResponses() != null) {
                operation.getResponses().keySet().stream()
                        .filter(status -> !seen.getOrDefault(key, Collections.emptySortedSet())
                                .contains(parseStatus(status)))
                        .forEach(status -> left.add(key + " " + status));
            }
        }));
        return left;
    }

    /**
     * Fails, listing everything at once, if any checked exchange had a problem or a documented operation was never
     * called.
     *
     * @param exempt operations ({@code "METHOD /path/{template}"}) a test cannot call through {@link #check}, each
     *               with its reason written next to the call site
     */
    public void assertTruthful(Set<String> exempt) {
        List<String> failures = new ArrayList<>(problems());
        SortedSet<String> left = unexercised();
        left.removeAll(exempt);
        left.forEach(op -> failures.add(op + ": documented but never called"));
        for (String op : exempt) {
            if (!documentedOperations().contains(op)) {
                failures.add(op + ": exempted but not in the document");
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " ways the OpenAPI document of " + source
                    + " is not what the service does:\n  " + String.join("\n  ", failures));
        }
    }

    /** A short account of what was checked: operations called and statuses per operation. */
    public String coverage() {
        SortedMap<String, SortedSet<Integer>> seen = exercised();
        int statuses = seen.values().stream().mapToInt(Set::size).sum();
        StringBuilder text = new StringBuilder(seen.size() + " of " + documentedOperations().size()
                + " operations called, " + statuses + " operation statuses checked");
        seen.forEach((op, codes) -> text.append("\n  ").append(op).append(' ').append(codes));
        return text.toString();
    }

    private static int parseStatus(String status) {
        try {
            return Integer.parseInt(status);
        } catch (NumberFormatException e) {
            return -1; // "default" or "4XX": never equal to a real status
        }
    }

    private ApiResponse documentedResponse(Operation operation, int status) {
        if (operation.getResponses() == null) {
            return null;
        }
        ApiResponse response = operation.getResponses().get(String.valueOf(status));
        if (response == null) {
            response = operation.getResponses().get(status / 100 + "XX");
        }
        if (response == null) {
            response = operation.getResponses().get("default");
        }
        if (response != null && response.get$ref() != null && document.getComponents() != null
                && document.getComponents().getResponses() != null) {
            String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
            response = document.getComponents().getResponses().getOrDefault(name, response);
        }
        return response;
    }

    private void checkContentIsDescribed(Exchange exchange, ApiResponse documented, List<String> found) {
        boolean hasBody = exchange.responseBody() != null && !exchange.responseBody().isEmpty();
        if (!hasBody) {
            return;
        }
        if (documented.getContent() == null || documented.getContent().isEmpty()) {
            found.add("a body is answered but the document names no content for " + exchange.status());
            return;
        }
        String contentType = exchange.responseHeader("Content-Type");
        MediaType media = contentType == null ? null : mediaFor(documented, contentType);
        if (media != null && isEmpty(media.getSchema())) {
            found.add("the document gives " + contentType + " for " + exchange.status()
                    + " an empty schema, so a client cannot tell what the body holds");
        }
    }

    private static MediaType mediaFor(ApiResponse documented, String contentType) {
        String base = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, MediaType> entry : documented.getContent().entrySet()) {
            if (entry.getKey().split(";")[0].trim().equalsIgnoreCase(base)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static boolean isEmpty(Schema<?> schema) {
        return schema == null || (schema.get$ref() == null && schema.getType() == null
                && (schema.getTypes() == null || schema.getTypes().isEmpty()) && schema.getProperties() == null
                && schema.getItems() == null && schema.getAllOf() == null && schema.getOneOf() == null
                && schema.getAnyOf() == null && schema.getFormat() == null);
    }

    private static void checkContractHeaders(Exchange exchange, ApiResponse documented, List<String> found) {
        Set<String> named = caseInsensitive(documented.getHeaders() == null ? Set.of() : documented.getHeaders().keySet());
        exchange.responseHeaders().keySet().stream()
                .filter(CONTRACT_HEADERS::contains)
                .filter(header -> !named.contains(header))
                .forEach(header -> found.add("header " + header + " is sent but not documented for "
                        + exchange.status()));
    }

    private static void checkQueryIsDocumented(Exchange exchange, ApiOperation operation, List<String> found) {
        Set<String> documented = new TreeSet<>();
        addQueryParameters(operation.getOperation().getParameters(), documented);
        String query = exchange.uri().getRawQuery();
        if (query == null) {
            return;
        }
        for (String name : queryParameters(query).keySet()) {
            if (!documented.contains(name)) {
                found.add("query parameter '" + name + "' is accepted but not documented");
            }
        }
    }

    private static void addQueryParameters(List<Parameter> parameters, Set<String> into) {
        if (parameters != null) {
            parameters.stream().filter(p -> "query".equals(p.getIn())).forEach(p -> into.add(p.getName()));
        }
    }

    private static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static SimpleResponse response(Exchange exchange) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(builder::withHeader);
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            builder.withBody(exchange.responseBody());
        }
        return builder.build();
    }

    private static SimpleRequest request(Exchange exchange, Request.Method method) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, exchange.uri().getRawPath());
        exchange.requestHeaders().forEach(builder::withHeader);
        queryParameters(exchange.uri().getRawQuery()).forEach(builder::withQueryParam);
        if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            builder.withBody(exchange.requestBody());
        }
        return builder.build();
    }

    private static void errors(ValidationReport report, List<String> into) {
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                StringBuilder line = new StringBuilder(message.getMessage());
                message.getAdditionalInfo().forEach(info -> line.append(" (").append(info).append(')'));
                message.getNestedMessages().forEach(nested -> line.append("; ").append(nested.getMessage()));
                into.add(line.toString());
            }
        }
    }

    private static Set<String> caseInsensitive(Set<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }
}
