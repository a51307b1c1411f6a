package org.counterpart.metrics.projection;

import java.util.Optional;

import org.counterpart.metrics.totals.ClaimScope;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.YearRange;

/** The scopes whose totals are stored: the default (high and medium facts) and every fact; all years. */
enum StoredScope {
    MEDIUM(Confidence.MEDIUM),
    LOW(Confidence.LOW);

    private final Confidence least;

    StoredScope(Confidence least) {
        this.least = least;
    }

    Confidence least() {
        return least;
    }

    String code() {
        return least.code();
    }

    ClaimScope scope() {
        return new ClaimScope(YearRange.ALL, least);
    }

    static StoredScope ofCode(String code) {
        for (StoredScope stored : values()) {
            if (stored.code().equals(code)) {
                return stored;
            }
        }
        throw new IllegalArgumentException("No stored scope " + code);
    }

    /** The stored scope a read asks for, if its totals are stored. */
    static Optional<StoredScope> of(ClaimScope scope) {
        if (!scope.years().isAll()) {
            return Optional.empty();
        }
        for (StoredScope stored : values()) {
            if (stored.least == scope.least()) {
                return Optional.of(stored);
            }
        }
        return Optional.empty();
    }
}
