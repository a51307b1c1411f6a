package org.counterpart.contract;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * A REST Assured filter that hands every exchange to {@link PublishedOpenApi#check}; add it once
 * ({@code RestAssured.filters(new OpenApiRecorder(api))}) or per call ({@code given().filter(...)}). It records and
 * does not throw, so one run lists every way the document is wrong; {@link PublishedOpenApi#assertTruthful} fails.
 */
public final class OpenApiRecorder implements Filter {

    private final PublishedOpenApi api;

    public OpenApiRecorder(PublishedOpenApi api) {
        this.api = api;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        Map<String, List<String>> sent = new LinkedHashMap<>();
        request.getHeaders().forEach(h -> sent.computeIfAbsent(h.getName(), n -> new java.util.ArrayList<>())
                .add(h.getValue()));
        Map<String, List<String>> answered = new LinkedHashMap<>();
        response.getHeaders().forEach(h -> answered.computeIfAbsent(h.getName(), n -> new java.util.ArrayList<>())
                .add(h.getValue()));
        Object body = request.getBody();
        api.check(new Exchange(request.getMethod(), URI.create(request.getURI()), sent,
                body == null ? null : body instanceof byte[] bytes
                        ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : body.toString(),
                response.statusCode(), answered, response.asString()));
        return response;
    }
}
