package org.counterpart.edge.problem;

import java.util.Map;
import java.util.Set;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Writes into every service's OpenAPI document the refusals every operation shares because service-edge answers
 * them, whatever the resource: {@link QueryParameterCheck} (400 for an undeclared query parameter), {@link
 * RequestLimits} (400, 413, 414, 415, 431 before routing), the API keys (401 for any request when reads are
 * protected, 403 for writes), content negotiation (406), {@link ProblemMappers} (500, and 503 with Retry-After
 * while the database is away). Each is a {@link Problem} as {@value Problem#MEDIA_TYPE}; so is every 4xx or 5xx a
 * resource declares without a body. What a resource refuses for its own reasons (404, 409, a 400 of its body) stays
 * in its {@code @APIResponse}s, next to the code that refuses.
 *
 * <p>The document is written as OpenAPI 3.0.3: the response validators clients use today (swagger-request-validator
 * among them) read 3.0 and its {@code nullable}, not 3.1's type arrays. SmallRye writes the same model either way.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    /** The schema of a problem document, from the {@link Problem} record: resources name it in their 4xx. */
    static final String PROBLEM_SCHEMA = "Problem";

    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setOpenapi("3.0.3");
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().forEach(ProblemResponses::complete);
        }
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey(PROBLEM_SCHEMA)) {
            // SmallRye writes a class's schema only once something names it; a dangling reference would make the
            // whole document unusable to a client, so the build stops here instead.
            throw new IllegalStateException("No operation names Problem.class: give one @APIResponse of the service "
                    + "content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = "
                    + "Problem.class)), so that the problem responses added to every operation can refer to it.");
        }
    }

    private static void complete(PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, APIResponse> declared : responses.getAPIResponses().entrySet()) {
            if (isError(declared.getKey()) && declared.getValue().getRef() == null
                    && (declared.getValue().getContent() == null
                    || declared.getValue().getContent().getMediaTypes().isEmpty())) {
                declared.getValue().setContent(problem());
            }
        }
        add(responses, "400", "A query parameter this operation does not take, a value it cannot read, or a "
                + "control character in the path");
        add(responses, "401", "No valid API key (Authorization: Bearer <key>): writes always need one, reads when "
                + "the deployment protects them")
                .addHeader("WWW-Authenticate", OASFactory.createHeader()
                        .description("Bearer realm=\"counterpart\"").schema(string()));
        if (WRITES.contains(method)) {
            add(responses, "403", "The key lacks the role this operation needs, or a browser sent the write from "
                    + "another site");
        }
        if (answersWithContent(responses)) {
            add(responses, "406", "None of the media types the Accept header lists can be answered");
        }
        add(responses, "413", "The body (or its declared Content-Length) is larger than this service accepts");
        add(responses, "414", "The request line is longer than this service accepts");
        add(responses, "415", "A Content-Type this operation does not read, or a Content-Encoding other than "
                + "identity");
        add(responses, "431", "The request headers are larger than this service accepts");
        add(responses, "500", "An unexpected failure, logged; the body says no more");
        add(responses, "503", "The database is unavailable; try again after Retry-After seconds")
                .addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait").schema(
                        OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema
                                .SchemaType.INTEGER)));
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static boolean answersWithContent(APIResponses responses) {
        return responses.getAPIResponses().entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("2") && e.getValue().getContent() != null
                        && !e.getValue().getContent().getMediaTypes().isEmpty());
    }

    /** The declared response when the resource has one (its description is more precise), else a new one. */
    private static APIResponse add(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null) {
            return existing;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description).content(problem());
        responses.addAPIResponse(status, response);
        return response;
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    private static org.eclipse.microprofile.openapi.models.media.Schema string() {
        return OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING);
    }
}
