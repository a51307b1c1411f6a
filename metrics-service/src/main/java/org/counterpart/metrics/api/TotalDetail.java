package org.counterpart.metrics.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.counterpart.metrics.totals.StoredTotal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /totals/{donor}/{recipient}/{metric}: one total and everything it was built from. */
@Schema(name = "TotalDetail", description = "One total with its claims, used and unused, and their sources")
public record TotalDetail(
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
        @Schema(enumeration = {"funds_cny", "projects", "workers_transferred", "investment_cny", "consumption_cny", "people_trained",
                        "personnel_exchanged", "enterprises_introduced", "agreements", "people_lifted", "people_benefited",
                        "villages_benefited", "exchange_visits"}) String metric,
        String unit,
        @Schema(description = "The total: the larger of ownTotal and childPairsTotal") BigDecimal total,
        int claimCount,
        @Schema(description = "The share (0 to 1, three decimals, rounded down) of the total that comes from claims an analyst "
                + "confirmed or corrected, over the same claims the total adds up; 0 for a total of 0", example = "0.75")
        BigDecimal reviewedShare,
        @Schema(description = "Largest sum of the pair's own non-overlapping claims") BigDecimal ownTotal,
        @Schema(description = "Sum of the child pairs' totals (rule 4); 0 without child pairs") BigDecimal childPairsTotal,
        @Schema(description = "True when the child pairs' sum is the total") boolean fromChildPairs,
        @Schema(description = "The pairs one level down that roll up into this one; for a group pair, its members' pairs") List<TotalRow> childPairs,
        @Schema(nullable = true, description = "The pair this one rolls up into; null at the top") TotalRow parent,
        @Schema(description = "Number of conflicts (claims for one span that disagree)") int conflictCount,
        @Schema(description = "Reports whose claims are added up") int reportCount,
        @Schema(nullable = true, implementation = String.class, format = "date-time",
                description = "When a report about this pair last changed; null when not recorded")
        Instant lastUpdated,
        List<ClaimView> used,
        List<ClaimView> unused) {

    /** @param childPairs the totals that roll up into this one; @param parent the one it rolls up into, or null */
    static TotalDetail of(StoredTotal total, StoredTotal parent, List<StoredTotal> childPairs, ClaimViews views) {
        return new TotalDetail(total.pair().donor().name(), total.pair().donor().code(),
                total.pair().recipient().name(), total.pair().recipient().code(), total.pair().level(),
                MemberView.of(total.pair().donor()), MemberView.inferred(total.pair().donor()),
                MemberView.of(total.pair().recipient()), MemberView.inferred(total.pair().recipient()),
                total.metric(), total.unit(), total.total(), total.claimCount(), total.reviewedShare(), total.ownTotal(),
                total.childPairsTotal(), total.fromChildPairs(),
                childPairs.stream().sorted(java.util.Comparator.comparing(StoredTotal::identity)).map(TotalRow::of).toList(),
                parent == null ? null : TotalRow.of(parent),
                total.conflictCount(), total.reportCount(), total.lastUpdated(),
                views.used(total), views.unused(total));
    }
}
