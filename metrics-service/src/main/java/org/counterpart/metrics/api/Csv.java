package org.counterpart.metrics.api;

import java.util.List;
import java.util.stream.Collectors;

import org.counterpart.edge.export.CsvRow;

/** The CSV forms of the totals and of their claims (cells written by service-edge's {@link CsvRow}). */
final class Csv {

    static final String MEDIA_TYPE = CsvRow.MEDIA_TYPE;

    private final StringBuilder text = new StringBuilder();

    Csv row(Object... cells) {
        text.append(CsvRow.of(cells));
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String totals(List<TotalRow> rows) {
        Csv csv = new Csv().row("donor", "donorCode", "recipient", "recipientCode", "level", "metric", "unit", "total",
                "claimCount", "donorMembers", "recipientMembers", "reviewedShare");
        rows.forEach(r -> csv.row(r.donor(), r.donorCode(), r.recipient(), r.recipientCode(), r.level(), r.metric(),
                r.unit(), r.total().toPlainString(), r.claimCount(), names(r.donorMembers()), names(r.recipientMembers()),
                r.reviewedShare().toPlainString()));
        return csv.toString();
    }

    /** A group's members in one cell: "Shanghai; Guangdong"; empty for a region. */
    private static String names(List<MemberView> members) {
        return members == null ? null : members.stream().map(MemberView::name).collect(Collectors.joining("; "));
    }

    /**
     * One line per source of each claim, so that every evidence sentence is in the file. New columns go last, so
     * that a reader's spreadsheet built on the older ones keeps working; the review columns are the source's fact's.
     */
    static String claims(List<ClaimView> claims) {
        Csv csv = new Csv().row("claimId", "donor", "recipient", "metric", "value", "unit", "qualifier", "basis",
                "periodStart", "periodEnd", "asOf", "used", "reason", "insteadOf", "conflicted", "confidence",
                "confidenceReasons", "partOf", "reportId", "factId", "evidence", "factsUrl", "origin", "reviewStatus",
                "reviewChanged", "reviewedBy", "reviewedAt", "reviewUrl");
        claims.forEach(c -> c.sources().forEach(s -> csv.row(c.id(), c.donor(), c.recipient(), c.metric(),
                c.value().toPlainString(), c.unit(), c.qualifier(), c.basis(), c.periodStart(), c.periodEnd(), c.asOf(),
                c.used(), c.reason(), c.insteadOf(), c.conflicted(), c.confidence(),
                String.join("; ", c.confidenceReasons()), c.partOf(), s.reportId(), s.factId(), s.evidence(), s.factsUrl(),
                s.origin(), s.review().status(), s.review().changed(), s.review().by(), s.review().at(), s.reviewUrl())));
        return csv.toString();
    }
}
