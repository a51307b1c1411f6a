package org.counterpart.metrics.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import org.counterpart.metrics.dashboard.DashboardSettings;
import org.counterpart.metrics.totals.Claim;
import org.counterpart.metrics.totals.Conflict;
import org.counterpart.metrics.totals.DistinctClaim;
import org.counterpart.metrics.totals.Source;
import org.counterpart.metrics.totals.StoredTotal;
import org.counterpart.metrics.totals.Total;
import org.counterpart.metrics.totals.UnusedClaim;

/** Turns a total's claims into API views, with their reviews and links to the facts in facts-service. */
@ApplicationScoped
public class ClaimViews {

    private final String factsBaseUrl;

    public ClaimViews(DashboardSettings settings) {
        String url = settings.factsUrl();
        this.factsBaseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public List<ClaimView> used(Total total) {
        Set<DistinctClaim> flagged = flagged(total);
        return total.used().stream().map(claim -> view(claim, true, (UnusedClaim) null, null, flagged.contains(claim))).toList();
    }

    public List<ClaimView> unused(Total total) {
        Set<DistinctClaim> flagged = flagged(total);
        return total.unused().stream().map(unused -> view(unused.claim(), false, unused,
                unused.insteadOf() == null ? null : unused.insteadOf().id(), flagged.contains(unused.claim()))).toList();
    }

    /** A stored total's claims, used ones first; the total must have been read with its claims. */
    public List<ClaimView> used(StoredTotal total) {
        return total.used().stream().map(entry -> view(entry.claim(), true, (org.counterpart.metrics.totals.Reason) null, null, entry.conflicted())).toList();
    }

    public List<ClaimView> unused(StoredTotal total) {
        return total.unused().stream().map(entry -> view(entry.claim(), false, entry.reason(), entry.insteadOf(),
                entry.conflicted())).toList();
    }

    public List<ClaimView> all(StoredTotal total) {
        return Stream.concat(used(total).stream(), unused(total).stream()).toList();
    }

    public List<ClaimView> all(Total total) {
        return Stream.concat(used(total).stream(), unused(total).stream()).toList();
    }

    public String factsUrl(String reportId) {
        return factsBaseUrl + "/facts?reportId=" + encoded(reportId);
    }

    /** The fact in facts-service's report view: the report's text with the figure, where an analyst checks it. */
    public String reviewUrl(Source source) {
        return factsBaseUrl + "/review/report.html?id=" + encoded(source.reportId()) + "&fact=" + encoded(source.factId());
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Set<DistinctClaim> flagged(Total total) {
        return total.conflicts().stream()
                .flatMap((Conflict conflict) -> Stream.concat(Stream.of(conflict.kept()), conflict.others().stream()))
                .collect(Collectors.toSet());
    }

    private ClaimView view(DistinctClaim distinct, boolean used, UnusedClaim unused, String insteadOf, boolean conflicted) {
        return view(distinct, used, unused == null ? null : unused.reason(), insteadOf, conflicted);
    }

    private ClaimView view(DistinctClaim distinct, boolean used, org.counterpart.metrics.totals.Reason reason,
                           String insteadOf, boolean conflicted) {
        Claim claim = distinct.claim();
        return new ClaimView(distinct.id(), claim.pair().donor().name(), claim.pair().recipient().name(),
                claim.metric(), claim.value(), claim.unit(), claim.qualifier().code(), claim.basis().code(),
                claim.periodStart(), claim.periodEnd(), claim.asOf(), claim.span().start(), claim.span().end(),
                used, reason == null ? null : reason.code(), insteadOf, conflicted,
                claim.confidence().code(), claim.reasons(), claim.partOf(),
                distinct.restatedBy().stream().map(this::source).toList(),
                claim.origin().code(), ReviewView.of(claim.review()), reviewUrl(claim.source()));
    }

    /** Each statement is a fact of its own, with its own review. */
    private SourceView source(Claim statement) {
        Source source = statement.source();
        return new SourceView(source.reportId(), source.factId(), source.evidence(), factsUrl(source.reportId()),
                statement.origin().code(), ReviewView.of(statement.review()), reviewUrl(source));
    }
}
