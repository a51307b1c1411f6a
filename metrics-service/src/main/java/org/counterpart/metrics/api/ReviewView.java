package org.counterpart.metrics.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.counterpart.metrics.totals.Review;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A fact's review as the claims show it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Review", description = "What an analyst made of a fact. Rejected facts never appear among claims")
public record ReviewView(
        @Schema(enumeration = {"unreviewed", "confirmed", "corrected"},
                description = "corrected: the claim already states the analyst's values") String status,
        @Schema(description = "True for a confirmation the machine's new reading no longer matches: back in the "
                + "analysts' queue, and not counted as reviewed") boolean changed,
        @Schema(description = "Who reviewed it; absent when nobody did", example = "wei.analyst") String by,
        @Schema(description = "When; absent when nobody did") Instant at) {

    static ReviewView of(Review review) {
        return new ReviewView(review.status().code(), review.changed(), review.by(), review.at());
    }
}
