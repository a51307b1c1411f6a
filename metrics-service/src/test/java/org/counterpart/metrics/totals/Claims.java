package org.counterpart.metrics.totals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds claims for tests: a period claim of funds for Dalian -> Liupanshui in 2017 unless told otherwise. */
final class Claims {

    static final Party DALIAN = new Party("Dalian", "210200", "prefecture");
    static final Party LIUPANSHUI = new Party("Liupanshui", "520200", "prefecture");
    static final Party NINGBO = new Party("Ningbo", "330200", "prefecture");
    static final Party QIANXINAN = new Party("Qianxinan", "522300", "prefecture");
    static final Party GUANGDONG = new Party("Guangdong", "440000", "province");
    static final Party GUANGXI = new Party("Guangxi", "450000", "province");
    static final Party SHENZHEN = new Party("Shenzhen", "440300", "prefecture");
    static final Party BAISE = new Party("Baise", "451000", "prefecture");
    static final Party HECHI = new Party("Hechi", "451200", "prefecture");
    static final Party LIANJIANG = new Party("Lianjiang", "440881", "county");
    static final Party RONGSHUI = new Party("Rongshui", "450225", "county");
    /** A pair whose sides have no codes: it rolls up into nothing, so a test sees just its own total. */
    static final Party EAST = new Party("East city", null, "prefecture");
    static final Party WEST = new Party("West city", null, "prefecture");

    private static final AtomicInteger IDS = new AtomicInteger();

    private String reportId = "report-" + IDS.incrementAndGet();
    private Pair pair = new Pair(EAST, WEST);
    private String metric = "funds_cny";
    private String unit = "CNY";
    private BigDecimal value = BigDecimal.ONE;
    private Qualifier qualifier = Qualifier.EXACT;
    private Basis basis = Basis.PERIOD;
    private LocalDate periodStart = LocalDate.of(2017, 1, 1);
    private LocalDate periodEnd = LocalDate.of(2017, 12, 31);
    private LocalDate asOf;
    private String evidence;
    private java.time.Instant reportedAt;
    private String factId;
    private Confidence confidence = Confidence.HIGH;
    private java.util.List<String> reasons = java.util.List.of();
    private String partOf;
    private Origin origin = Origin.MACHINE;
    private Review review = Review.NONE;

    static Claims claim(String value) {
        Claims claims = new Claims();
        claims.value = new BigDecimal(value);
        return claims;
    }

    Claims report(String id) {
        reportId = id;
        return this;
    }

    Claims pair(Party donor, Party recipient) {
        pair = new Pair(donor, recipient);
        return this;
    }

    Claims metric(String metric, String unit) {
        this.metric = metric;
        this.unit = unit;
        return this;
    }

    Claims qualifier(Qualifier qualifier) {
        this.qualifier = qualifier;
        return this;
    }

    /** When the report got its current facts: decides between conflicting claims. */
    Claims reportedAt(String instant) {
        reportedAt = java.time.Instant.parse(instant);
        return this;
    }

    /** The fact id, for a whole that parts name; otherwise a fresh one. */
    Claims fact(String id) {
        factId = id;
        return this;
    }

    /** A part of the stated total with this fact id, of the same report. */
    Claims partOf(String wholeFactId) {
        partOf = wholeFactId;
        return this;
    }

    Claims confidence(Confidence confidence, String... reasons) {
        this.confidence = confidence;
        this.reasons = java.util.List.of(reasons);
        return this;
    }

    /** Reviewed by "an analyst" at a fixed time, with this verdict. */
    Claims reviewed(ReviewStatus status) {
        review = new Review(status, false, "an.analyst", java.time.Instant.parse("2026-11-29T20:00:00Z"));
        return this;
    }

    /** Confirmed once, but the machine's reading has changed since: back in the queue. */
    Claims confirmedThenChanged() {
        review = new Review(ReviewStatus.UNREVIEWED, true, "an.analyst", java.time.Instant.parse("2026-11-29T20:00:00Z"));
        return this;
    }

    /** Added by an analyst: a figure the machine missed. */
    Claims addedByAnalyst() {
        origin = Origin.ANALYST;
        return this;
    }

    Claims evidence(String sentence) {
        evidence = sentence;
        return this;
    }

    Claims between(LocalDate start, LocalDate end) {
        basis = Basis.PERIOD;
        periodStart = start;
        periodEnd = end;
        asOf = null;
        return this;
    }

    Claims undated() {
        periodStart = null;
        periodEnd = null;
        asOf = null;
        return this;
    }

    Claims plan() {
        basis = Basis.PLAN;
        return this;
    }

    Claims inYear(int year) {
        basis = Basis.PERIOD;
        periodStart = LocalDate.of(year, 1, 1);
        periodEnd = LocalDate.of(year, 12, 31);
        asOf = null;
        return this;
    }

    Claims cumulative(LocalDate since, LocalDate asOf) {
        basis = Basis.CUMULATIVE;
        periodStart = since;
        periodEnd = null;
        this.asOf = asOf;
        return this;
    }

    Claim build() {
        String id = factId != null ? factId : "fact-" + IDS.incrementAndGet();
        return new Claim(new Source(reportId, id, evidence, reportedAt), pair, metric, unit, value,
                qualifier, basis, periodStart, periodEnd, asOf, confidence, reasons, partOf, origin, review);
    }
}
