package org.counterpart.metrics.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.counterpart.metrics.totals.MetricVocabulary;
import org.counterpart.metrics.totals.Party;
import org.counterpart.metrics.totals.Total;

/**
 * The filters of GET /totals, checked. An empty value means "no filter", as an HTML form sends it.
 *
 * @param metric    a metric code of the vocabulary
 * @param donor     a donor's name or code, matched ignoring case
 * @param recipient a recipient's name or code, matched ignoring case
 */
public record TotalsQuery(Optional<String> metric, Optional<String> donor, Optional<String> recipient) {

    static final int MAX_NAME_LENGTH = 200;

    /** By metric, then the largest total first; names break ties so that the order is stable. */
    static final Comparator<Total> ORDER = Comparator
            .comparing(Total::metric)
            .thenComparing(Total::total, Comparator.reverseOrder())
            .thenComparing(total -> total.pair().donor().name())
            .thenComparing(total -> total.pair().recipient().name())
            .thenComparing(Total::unit);

    /** @throws InvalidQueryException listing every refused parameter, not just the first */
    public static TotalsQuery of(String metric, String donor, String recipient) {
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        Optional<String> metricCode = present(metric).map(value -> value.toLowerCase(Locale.ROOT));
        metricCode.filter(code -> !MetricVocabulary.isKnown(code)).ifPresent(code -> invalid.add(
                new Problem.InvalidParam("metric", "unknown metric; use one of " + String.join(", ", MetricVocabulary.ALL))));
        checkName("donor", donor, invalid);
        checkName("recipient", recipient, invalid);
        if (!invalid.isEmpty()) {
            throw new InvalidQueryException(invalid);
        }
        return new TotalsQuery(metricCode, present(donor), present(recipient));
    }

    public boolean matches(Total total) {
        return donor.map(wanted -> total.pair().donor().isCalled(wanted)).orElse(true)
                && recipient.map(wanted -> total.pair().recipient().isCalled(wanted)).orElse(true);
    }

    private static void checkName(String param, String value, List<Problem.InvalidParam> invalid) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_NAME_LENGTH) {
            invalid.add(new Problem.InvalidParam(param, "longer than " + MAX_NAME_LENGTH + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            invalid.add(new Problem.InvalidParam(param, "contains control characters"));
        }
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(text -> !text.isEmpty());
    }
}
