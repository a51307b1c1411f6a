package org.counterpart.metrics.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.counterpart.edge.problem.Problem;
import org.counterpart.metrics.totals.ClaimScope;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.MetricVocabulary;
import org.counterpart.metrics.totals.Pair;
import org.counterpart.metrics.totals.Regions;
import org.counterpart.metrics.totals.StoredTotal;
import org.counterpart.metrics.totals.Total;
import org.counterpart.metrics.totals.YearRange;

/**
 * The filters of GET /totals and friends, checked. An empty value means "no filter", as an HTML form sends it.
 *
 * @param metric    a metric code of the vocabulary
 * @param donor     a donor's name or code, matched ignoring case
 * @param recipient a recipient's name or code, matched ignoring case
 * @param level     the pair's level: province, prefecture, county or group
 * @param province  two-digit prefix of a province that the donor or the recipient lies in
 * @param years     calendar years the claims must lie within
 * @param minConfidence the least confidence of the facts taken in: high and medium unless asked otherwise
 * @param expand    whether rows carry their claims
 */
public record TotalsQuery(Optional<String> metric, Optional<String> donor, Optional<String> recipient,
                          Optional<String> level, Optional<String> province, YearRange years, Confidence minConfidence,
                          boolean expand) {

    static final int MAX_NAME_LENGTH = 200;
    static final int FIRST_YEAR = 1949;
    static final int LAST_YEAR = 2100;
    static final Set<String> LEVELS = Set.of("province", "prefecture", "county", "group");
    /** The parameter's description in the OpenAPI document, the same on every endpoint that takes it. */
    static final String MIN_CONFIDENCE = "Least confidence of the facts counted: high, medium (the default: high "
            + "and medium facts count) or low (every fact)";

    /** By metric, then the largest total first; names break ties so that the order is stable. */
    static final Comparator<Total> ORDER = Comparator
            .comparing(Total::metric)
            .thenComparing(Total::total, Comparator.reverseOrder())
            .thenComparing(total -> total.pair().donor().name())
            .thenComparing(total -> total.pair().recipient().name())
            .thenComparing(Total::unit);

    /** {@link #ORDER} for stored totals; the pair's identity last, so that the order never depends on storage. */
    static final Comparator<StoredTotal> STORED_ORDER = Comparator
            .comparing(StoredTotal::metric)
            .thenComparing(StoredTotal::total, Comparator.reverseOrder())
            .thenComparing(total -> total.pair().donor().name())
            .thenComparing(total -> total.pair().recipient().name())
            .thenComparing(StoredTotal::unit)
            .thenComparing(StoredTotal::identity);

    /** The plain filters, as the first version had them. */
    public static TotalsQuery of(String metric, String donor, String recipient) {
        return of(metric, donor, recipient, null, null, null, null, null);
    }

    /** The filters without minConfidence: the default confidence. */
    public static TotalsQuery of(String metric, String donor, String recipient, String level, String province,
                                 String fromYear, String toYear, String expand) {
        return of(metric, donor, recipient, level, province, fromYear, toYear, null, expand);
    }

    /** @throws InvalidQueryException listing every refused parameter, not just the first */
    public static TotalsQuery of(String metric, String donor, String recipient, String level, String province,
                                 String fromYear, String toYear, String minConfidence, String expand) {
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        Optional<String> metricCode = present(metric).map(value -> value.toLowerCase(Locale.ROOT));
        metricCode.filter(code -> !MetricVocabulary.isKnown(code)).ifPresent(code -> invalid.add(
                new Problem.InvalidParam("metric", "unknown metric; use one of " + String.join(", ", MetricVocabulary.ALL))));
        checkName("donor", donor, invalid);
        checkName("recipient", recipient, invalid);
        Optional<String> levelCode = present(level).map(value -> value.toLowerCase(Locale.ROOT));
        levelCode.filter(code -> !LEVELS.contains(code)).ifPresent(code -> invalid.add(
                new Problem.InvalidParam("level", "use province, prefecture, county or group")));
        checkName("province", province, invalid);
        Optional<String> provincePrefix = Optional.empty();
        if (present(province).isPresent() && invalid.stream().noneMatch(p -> p.name().equals("province"))) {
            provincePrefix = Regions.provincePrefix(province);
            if (provincePrefix.isEmpty()) {
                invalid.add(new Problem.InvalidParam("province", "not a province name or GB/T 2260 code"));
            }
        }
        Integer from = year("fromYear", fromYear, invalid);
        Integer to = year("toYear", toYear, invalid);
        if (from != null && to != null && from > to) {
            invalid.add(new Problem.InvalidParam("toYear", "before fromYear"));
        }
        Confidence least = confidence(minConfidence, invalid);
        Optional<String> expandValue = present(expand);
        expandValue.filter(value -> !value.equals("claims")).ifPresent(value -> invalid.add(
                new Problem.InvalidParam("expand", "only \"claims\" can be expanded")));
        if (!invalid.isEmpty()) {
            throw new InvalidQueryException(invalid);
        }
        return new TotalsQuery(metricCode, present(donor), present(recipient), levelCode, provincePrefix,
                new YearRange(from, to), least, expandValue.isPresent());
    }

    /** The claims the totals are computed over. */
    public ClaimScope scope() {
        return new ClaimScope(years, minConfidence);
    }

    public boolean matches(Total total) {
        return metric.map(total.metric()::equals).orElse(true) && matchesPair(total);
    }

    /** Everything but the metric. */
    public boolean matchesPair(Total total) {
        return matchesPair(total.pair());
    }

    public boolean matches(StoredTotal total) {
        return metric.map(total.metric()::equals).orElse(true) && matchesPair(total.pair());
    }

    public boolean matchesPair(StoredTotal total) {
        return matchesPair(total.pair());
    }

    boolean matchesPair(Pair pair) {
        return donor.map(wanted -> pair.donor().isCalled(wanted)).orElse(true)
                && recipient.map(wanted -> pair.recipient().isCalled(wanted)).orElse(true)
                && level.map(pair.level()::equals).orElse(true)
                && province.map(prefix -> Regions.inProvince(pair.donor(), prefix)
                        || Regions.inProvince(pair.recipient(), prefix)).orElse(true);
    }

    static void checkName(String param, String value, List<Problem.InvalidParam> invalid) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_NAME_LENGTH) {
            invalid.add(new Problem.InvalidParam(param, "longer than " + MAX_NAME_LENGTH + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            invalid.add(new Problem.InvalidParam(param, "contains control characters"));
        }
    }

    private static Integer year(String param, String value, List<Problem.InvalidParam> invalid) {
        Optional<String> text = present(value);
        if (text.isEmpty()) {
            return null;
        }
        if (text.get().matches("\\d{4}")) {
            int year = Integer.parseInt(text.get());
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        }
        invalid.add(new Problem.InvalidParam(param, "a year between " + FIRST_YEAR + " and " + LAST_YEAR));
        return null;
    }

    private static Confidence confidence(String value, List<Problem.InvalidParam> invalid) {
        Optional<String> text = present(value).map(code -> code.toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return Confidence.COUNTED_BY_DEFAULT;
        }
        try {
            return Confidence.fromCode(text.get());
        } catch (IllegalArgumentException e) {
            invalid.add(new Problem.InvalidParam("minConfidence", "use high, medium or low (low takes in every fact)"));
            return Confidence.COUNTED_BY_DEFAULT;
        }
    }

    static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(text -> !text.isEmpty());
    }
}
