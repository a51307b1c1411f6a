package org.counterpart.edge.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, served as {@value #MEDIA_TYPE}: every error any service gives is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "/problems/invalid-request") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        String detail,
        @Schema(example = "/reports") String instance,
        @Schema(description = "Which parameters were refused, and why") List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record InvalidParam(String name, String reason) {
    }

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, null);
    }

    public static Problem of(ProblemType type, String detail, String instance, List<InvalidParam> invalidParams) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance,
                invalidParams == null || invalidParams.isEmpty() ? null : List.copyOf(invalidParams));
    }
}
