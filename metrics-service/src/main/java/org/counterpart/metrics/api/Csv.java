package org.counterpart.metrics.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import org.counterpart.edge.export.CsvRow;
import org.counterpart.metrics.totals.Pair;
import org.counterpart.metrics.totals.StoredTotal;

/**
 * The CSV forms of the totals and of their claims (cells written by service-edge's {@link CsvRow}). Summing a
 * column never counts a figure twice: {@code inGrandTotal} adds up to the headline figure of the same filters, and a
 * claim file's {@code countedValue}, over the rows of one total, to that total.
 */
final class Csv {

    static final String MEDIA_TYPE = CsvRow.MEDIA_TYPE;

    /** New columns go last, so that a reader's spreadsheet built on the older ones keeps working. */
    static final List<String> TOTAL_COLUMNS = List.of("donor", "donorCode", "recipient", "recipientCode", "level",
            "metric", "unit", "total", "claimCount", "donorMembers", "recipientMembers", "reviewedShare", "parent",
            "inGrandTotal");

    /** One row per claim and total it belongs to: the total's columns first, then the claim's. */
    static final List<String> CLAIM_COLUMNS = List.of("totalDonor", "totalRecipient", "totalLevel", "totalParent",
            "metric", "unit", "total", "claimId", "claimDonor", "claimRecipient", "value", "used", "countedValue",
            "inGrandTotal", "reason", "insteadOf", "qualifier", "basis", "periodStart", "periodEnd", "asOf",
            "conflicted", "confidence", "confidenceReasons", "partOf", "origin", "reviewStatus", "reviewedBy",
            "reviewedAt", "sourceCount", "reportIds", "evidence", "reviewUrl");

    /**
     * A total as a file lists it.
     *
     * @param inGrandTotal whether the grand total of the same filters adds it up (it is not inside another listed
     *                     total); for one total on its own, whether it is at the top of its tree
     */
    record Listed(StoredTotal total, boolean inGrandTotal) {
    }

    private final StringBuilder text = new StringBuilder();

    private Csv row(Object... cells) {
        text.append(CsvRow.of(cells));
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String totals(List<Listed> totals) {
        Csv csv = new Csv().row(TOTAL_COLUMNS.toArray());
        totals.forEach(listed -> {
            TotalRow r = TotalRow.of(listed.total());
            csv.row(r.donor(), r.donorCode(), r.recipient(), r.recipientCode(), r.level(), r.metric(),
                    r.unit(), r.total().toPlainString(), r.claimCount(), names(r.donorMembers()),
                    names(r.recipientMembers()), r.reviewedShare().toPlainString(), pair(listed.total().parent()),
                    (listed.inGrandTotal() ? r.total() : BigDecimal.ZERO).toPlainString());
        });
        return csv.toString();
    }

    /**
     * One row per claim of each total, used or not; a claim a parent pair adds up through its child pairs is a row
     * of the child's total and again of the parent's, each saying which total it is. Each total must have been read
     * with its claims.
     */
    static String claims(List<Listed> totals, ClaimViews views) {
        Csv csv = new Csv().row(CLAIM_COLUMNS.toArray());
        totals.forEach(listed -> {
            StoredTotal t = listed.total();
            views.all(t).forEach(c -> {
                BigDecimal counted = c.used() ? c.value() : BigDecimal.ZERO;
                csv.row(t.pair().donor().name(), t.pair().recipient().name(), t.pair().level(), pair(t.parent()),
                        t.metric(), t.unit(), t.total().toPlainString(), c.id(), c.donor(), c.recipient(),
                        c.value().toPlainString(), c.used(), counted.toPlainString(),
                        (listed.inGrandTotal() ? counted : BigDecimal.ZERO).toPlainString(), c.reason(), c.insteadOf(),
                        c.qualifier(), c.basis(), c.periodStart(), c.periodEnd(), c.asOf(), c.conflicted(),
                        c.confidence(), String.join("; ", c.confidenceReasons()), c.partOf(), c.origin(),
                        c.review().status(), c.review().by(), c.review().at(), c.sources().size(),
                        c.sources().stream().map(SourceView::reportId).distinct().collect(Collectors.joining("; ")),
                        evidence(c), c.reviewUrl());
            });
        });
        return csv.toString();
    }

    /** The counted statement's sentence: the source whose fact the claim is named after. */
    private static String evidence(ClaimView claim) {
        return claim.sources().stream().filter(s -> claim.id().equals(s.factId())).findFirst()
                .or(() -> claim.sources().stream().findFirst())
                .map(SourceView::evidence).orElse(null);
    }

    /** "Guangdong → Guangxi"; empty at the top. */
    private static String pair(Pair pair) {
        return pair == null ? null : pair.donor().name() + " → " + pair.recipient().name();
    }

    /** A group's members in one cell: "Shanghai; Guangdong"; empty for a region. */
    private static String names(List<MemberView> members) {
        return members == null ? null : members.stream().map(MemberView::name).collect(Collectors.joining("; "));
    }
}
