package org.counterpart.metrics.api;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.counterpart.metrics.totals.StoredTotal;
import org.counterpart.metrics.totals.Total;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of GET /totals. */
@Schema(name = "Total", description = "The running total of one metric for one donor-recipient pair")
public record TotalRow(
        @Schema(description = "Donor region or group, by name", example = "Dalian") String donor,
        @Schema(description = "Recipient region or group, by name", example = "Liupanshui") String recipient,
        @Schema(description = "Metric code", example = "funds_cny", enumeration = {"funds_cny", "projects", "workers_transferred", "investment_cny", "consumption_cny", "people_trained",
                        "personnel_exchanged", "enterprises_introduced", "agreements", "people_lifted", "people_benefited",
                        "villages_benefited", "exchange_visits"}) String metric,
        @Schema(description = "Unit of the total", example = "CNY") String unit,
        @Schema(description = "The total by the five rules of docs/domain.md", example = "487000000") BigDecimal total,
        @Schema(description = "Distinct claims added up; a claim restated by several reports counts once", example = "2")
        int claimCount,
        @Schema(description = "The share (0 to 1, three decimals, rounded down) of the total that comes from claims an analyst "
                + "confirmed or corrected, over the same claims the total adds up; 0 for a total of 0", example = "0.75")
        BigDecimal reviewedShare,
        @Schema(nullable = true, description = "Donor's GB/T 2260 code; null for a group", example = "210200") String donorCode,
        @Schema(nullable = true, description = "Recipient's GB/T 2260 code; null for a group", example = "520200") String recipientCode,
        @Schema(description = "The pair's level: group when a side is a group, else the lower of its sides'",
                enumeration = {"province", "prefecture", "county", "group"}) String level,
        @Schema(description = "For a group donor, its members (empty when the report named the group only); "
                + "absent for a region. A group is never split: its row is the group's own")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MemberView> donorMembers,
        @Schema(description = "For a group donor: members taken from pairing data rather than named in the text")
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean donorMembersInferred,
        @Schema(description = "For a group recipient, its members; absent for a region")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MemberView> recipientMembers,
        @Schema(description = "For a group recipient: members taken from pairing data")
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean recipientMembersInferred,
        @Schema(description = "The claims, with ?expand=claims: used ones first")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ClaimView> claims) {

    static TotalRow of(Total total) {
        return of(total, null);
    }

    static TotalRow of(StoredTotal total) {
        return of(total, null);
    }

    static TotalRow of(StoredTotal total, List<ClaimView> claims) {
        return new TotalRow(total.pair().donor().name(), total.pair().recipient().name(), total.metric(),
                total.unit(), total.total(), total.claimCount(), total.reviewedShare(), total.pair().donor().code(),
                total.pair().recipient().code(), total.pair().level(),
                MemberView.of(total.pair().donor()), MemberView.inferred(total.pair().donor()),
                MemberView.of(total.pair().recipient()), MemberView.inferred(total.pair().recipient()), claims);
    }

    static TotalRow of(Total total, List<ClaimView> claims) {
        return new TotalRow(total.pair().donor().name(), total.pair().recipient().name(), total.metric(),
                total.unit(), total.total(), total.claimCount(), total.reviewedShare(), total.pair().donor().code(),
                total.pair().recipient().code(), total.pair().level(),
                MemberView.of(total.pair().donor()), MemberView.inferred(total.pair().donor()),
                MemberView.of(total.pair().recipient()), MemberView.inferred(total.pair().recipient()), claims);
    }
}
