package org.counterpart.metrics.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.counterpart.metrics.totals.ClaimScope;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.YearRange;

/**
 * A scope whose totals are stored: the default (high and medium facts) and every fact, over all years; and the
 * default one year at a time, for the claims lying within that year (the time series, and reads of one year).
 *
 * @param year the calendar year, or null for all years
 */
record StoredScope(Confidence least, Integer year) {

    static final StoredScope MEDIUM = new StoredScope(Confidence.COUNTED_BY_DEFAULT, null);
    static final StoredScope LOW = new StoredScope(Confidence.LOW, null);

    /** The scopes over all years; the yearly ones follow from the claims' years. */
    static final List<StoredScope> ALL_YEARS = List.of(MEDIUM, LOW);

    /** What a year scope's code starts with; the year follows it. */
    static final String YEARLY_PREFIX = MEDIUM.code() + ":";

    StoredScope {
        Objects.requireNonNull(least, "least");
    }

    static StoredScope yearly(int year) {
        return new StoredScope(MEDIUM.least, year);
    }

    /** As the scope column of the stored tables spells it: "medium", "low", "medium:2019". */
    String code() {
        return year == null ? least.code() : least.code() + ":" + year;
    }

    ClaimScope scope() {
        return new ClaimScope(year == null ? YearRange.ALL : YearRange.single(year), least);
    }

    static StoredScope ofCode(String code) {
        int colon = code.indexOf(':');
        StoredScope scope = colon < 0 ? new StoredScope(Confidence.fromCode(code), null)
                : new StoredScope(Confidence.fromCode(code.substring(0, colon)), Integer.valueOf(code.substring(colon + 1)));
        if (!scope.isStored()) {
            throw new IllegalArgumentException("No stored scope " + code);
        }
        return scope;
    }

    /** The stored scope a read asks for, if its totals are stored. */
    static Optional<StoredScope> of(ClaimScope scope) {
        YearRange years = scope.years();
        StoredScope asked = years.isAll() ? new StoredScope(scope.least(), null)
                : years.from() != null && years.from().equals(years.to()) ? new StoredScope(scope.least(), years.from())
                : null;
        return asked != null && asked.isStored() ? Optional.of(asked) : Optional.empty();
    }

    /**
     * The stored scopes a fact of this confidence counts in, whose span lies within {@code spanYear} (null when it
     * lies within no single year).
     */
    static List<StoredScope> of(Confidence confidence, Integer spanYear) {
        List<StoredScope> scopes = new ArrayList<>();
        ALL_YEARS.stream().filter(scope -> confidence.reaches(scope.least)).forEach(scopes::add);
        if (spanYear != null && confidence.reaches(MEDIUM.least)) {
            scopes.add(yearly(spanYear));
        }
        return scopes;
    }

    private boolean isStored() {
        return year == null ? ALL_YEARS.contains(this) : least == MEDIUM.least;
    }
}
