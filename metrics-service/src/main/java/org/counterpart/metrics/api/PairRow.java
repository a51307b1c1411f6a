package org.counterpart.metrics.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of GET /pairs. */
@Schema(name = "Pair", description = "A donor-recipient pair with its totals")
public record PairRow(
        String donor,
        @Schema(nullable = true, description = "GB/T 2260 code; null for a group") String donorCode,
        String recipient,
        @Schema(nullable = true, description = "GB/T 2260 code; null for a group") String recipientCode,
        @Schema(enumeration = {"province", "prefecture", "county", "group"}) String level,
        @Schema(description = "For a group donor, its members; absent for a region")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MemberView> donorMembers,
        @Schema(description = "For a group donor: members taken from pairing data rather than named in the text")
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean donorMembersInferred,
        @Schema(description = "For a group recipient, its members; absent for a region")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MemberView> recipientMembers,
        @Schema(description = "For a group recipient: members taken from pairing data")
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean recipientMembersInferred,
        @Schema(nullable = true, description = "The pair it rolls up into, e.g. Guangdong → Guangxi; null at the top")
        String parent,
        @Schema(description = "Total per metric code; the headline metrics are funds_cny, projects, workers_transferred")
        Map<String, BigDecimal> totals,
        @Schema(description = "Per metric code, the share (0 to 1) of that total from claims an analyst confirmed or "
                + "corrected (see Total.reviewedShare)") Map<String, BigDecimal> reviewedShares,
        @Schema(description = "Distinct claims behind the pair's totals, all metrics") int claimCount,
        @Schema(description = "Reports behind the pair's totals") int reportCount,
        @Schema(description = "Conflicts among its claims") int conflictCount,
        @Schema(description = "True when no report names the pair: it only exists as the parent of pairs that are")
        boolean derived,
        @Schema(nullable = true, implementation = String.class, format = "date-time",
                description = "When a report about this pair last changed; null when not recorded")
        Instant lastUpdated) {
}
