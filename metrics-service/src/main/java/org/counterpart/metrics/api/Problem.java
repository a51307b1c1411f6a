package org.counterpart.metrics.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 7807 problem document, served as application/problem+json. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 7807 problem details")
public record Problem(
        @Schema(example = "/problems/invalid-query") String type,
        @Schema(example = "Invalid query") String title,
        @Schema(example = "400") int status,
        String detail,
        @Schema(example = "/totals") String instance,
        @Schema(description = "Which query parameters were refused, and why") List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record InvalidParam(String name, String reason) {
    }
}
