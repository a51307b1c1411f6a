package org.counterpart.metrics.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import org.counterpart.metrics.totals.Claim;
import org.counterpart.metrics.totals.Conflict;
import org.counterpart.metrics.totals.DistinctClaim;
import org.counterpart.metrics.totals.Source;
import org.counterpart.metrics.totals.Total;
import org.counterpart.metrics.totals.UnusedClaim;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Turns a total's claims into API views, with links to the facts in facts-service. */
@ApplicationScoped
public class ClaimViews {

    private final String factsBaseUrl;

    public ClaimViews(@ConfigProperty(name = "counterpart.facts-base-url", defaultValue = "http://localhost:8082") String factsBaseUrl) {
        this.factsBaseUrl = factsBaseUrl.endsWith("/") ? factsBaseUrl.substring(0, factsBaseUrl.length() - 1) : factsBaseUrl;
    }

    public List<ClaimView> used(Total total) {
        Set<DistinctClaim> flagged = flagged(total);
        return total.used().stream().map(claim -> view(claim, true, null, null, flagged.contains(claim))).toList();
    }

    public List<ClaimView> unused(Total total) {
        Set<DistinctClaim> flagged = flagged(total);
        return total.unused().stream().map(unused -> view(unused.claim(), false, unused,
                unused.insteadOf() == null ? null : unused.insteadOf().id(), flagged.contains(unused.claim()))).toList();
    }

    public List<ClaimView> all(Total total) {
        return Stream.concat(used(total).stream(), unused(total).stream()).toList();
    }

    public String factsUrl(String reportId) {
        return factsBaseUrl + "/facts?reportId=" + URLEncoder.encode(reportId, StandardCharsets.UTF_8);
    }

    private static Set<DistinctClaim> flagged(Total total) {
        return total.conflicts().stream()
                .flatMap((Conflict conflict) -> Stream.concat(Stream.of(conflict.kept()), conflict.others().stream()))
                .collect(Collectors.toSet());
    }

    private ClaimView view(DistinctClaim distinct, boolean used, UnusedClaim unused, String insteadOf, boolean conflicted) {
        Claim claim = distinct.claim();
        return new ClaimView(distinct.id(), claim.pair().donor().name(), claim.pair().recipient().name(),
                claim.metric(), claim.value(), claim.unit(), claim.qualifier().code(), claim.basis().code(),
                claim.periodStart(), claim.periodEnd(), claim.asOf(), claim.span().start(), claim.span().end(),
                used, unused == null ? null : unused.reason().code(), insteadOf, conflicted,
                claim.confidence().code(), claim.reasons(), claim.partOf(),
                distinct.sources().stream().map(this::source).toList());
    }

    private SourceView source(Source source) {
        return new SourceView(source.reportId(), source.factId(), source.evidence(), factsUrl(source.reportId()));
    }
}
