package org.counterpart.edge.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, served as {@value #MEDIA_TYPE}: every error any service gives is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details; fields without a value are left out, never null")
public record Problem(
        @Schema(required = true, description = "One of the types in docs/problems.md, relative to the service",
                example = "/problems/invalid-request") String type,
        @Schema(required = true, example = "Invalid request") String title,
        @Schema(required = true, example = "400") int status,
        String detail,
        @Schema(description = "The path refused", example = "/reports") String instance,
        @Schema(description = "Which parameters were refused, and why") List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A refused parameter (query parameter or body field) and why. */
    @Schema(name = "InvalidParam")
    public record InvalidParam(@Schema(required = true) String name, @Schema(required = true) String reason) {
    }

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, null);
    }

    public static Problem of(ProblemType type, String detail, String instance, List<InvalidParam> invalidParams) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance,
                invalidParams == null || invalidParams.isEmpty() ? null : List.copyOf(invalidParams));
    }
}
