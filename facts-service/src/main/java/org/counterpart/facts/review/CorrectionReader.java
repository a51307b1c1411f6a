package org.counterpart.facts.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.counterpart.facts.extraction.fact.Basis;
import org.counterpart.facts.extraction.fact.Party;
import org.counterpart.facts.extraction.fact.Qualifier;
import org.counterpart.facts.extraction.gazetteer.Gazetteer;
import org.counterpart.facts.extraction.gazetteer.Region;
import org.counterpart.facts.extraction.metric.Metric;

/**
 * Reads the fields of a correction (or of an analyst-added fact) as a client sent them, and says what is wrong with
 * each field it cannot accept: an unknown metric, qualifier or basis, a negative or unreadable value, a date that is
 * not ISO, a period that ends before it starts, or a party that does not resolve to one region (by GB/T 2260 code,
 * English or Chinese name) or to a group of such regions ({@code {"name": "...", "members": ["code", …]}}).
 */
public final class CorrectionReader {

    /** A field the reader refused, and why (for a 400 problem's invalid-params). */
    public record Refusal(String field, String reason) {
    }

    /** The correction, or the reasons it was refused (never both). */
    public record Result(Correction correction, List<Refusal> refusals) {
        public boolean accepted() {
            return refusals.isEmpty();
        }
    }

    public static final Set<String> FIELDS = Set.of("metric", "value", "unit", "qualifier", "basis", "periodStart",
            "periodEnd", "asOf", "donor", "recipient");

    private final Gazetteer gazetteer;

    public CorrectionReader(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public Result read(Map<String, Object> fields) {
        List<Refusal> refusals = new ArrayList<>();
        String metric = text(fields, "metric", refusals);
        if (metric != null && !known(metric)) {
            refusals.add(new Refusal("metric", "unknown metric '" + metric + "'"));
        }
        BigDecimal value = number(fields.get("value"), refusals);
        String unit = text(fields, "unit", refusals);
        String qualifier = text(fields, "qualifier", refusals);
        if (qualifier != null && !accepted(() -> Qualifier.fromWireName(qualifier))) {
            refusals.add(new Refusal("qualifier", "not one of exact, approximate, at_least"));
        }
        String basis = text(fields, "basis", refusals);
        if (basis != null && !accepted(() -> Basis.fromWireName(basis))) {
            refusals.add(new Refusal("basis", "unknown basis '" + basis + "'"));
        }
        LocalDate periodStart = date(fields, "periodStart", refusals);
        LocalDate periodEnd = date(fields, "periodEnd", refusals);
        LocalDate asOf = date(fields, "asOf", refusals);
        if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
            refusals.add(new Refusal("periodEnd", "ends before periodStart"));
        }
        Party donor = party(fields, "donor", refusals);
        Party recipient = party(fields, "recipient", refusals);
        if (!refusals.isEmpty()) {
            return new Result(null, List.copyOf(refusals));
        }
        return new Result(new Correction(metric, value, unit, qualifier, basis, periodStart, periodEnd, asOf, donor,
                recipient), List.of());
    }

    /** The unit a metric is counted in, for a fact or correction that names a metric but no unit. */
    public static String unitOf(String metric) {
        return Metric.fromCode(metric).unit();
    }

    private static boolean known(String metric) {
        for (Metric m : Metric.values()) if (m.code().equals(metric)) return true;
        return false;
    }

    private static boolean accepted(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(Map<String, Object> fields, String name, List<Refusal> refusals) {
        Object raw = fields.get(name);
        if (raw == null) return null;
        if (!(raw instanceof String s) || s.isBlank()) {
            refusals.add(new Refusal(name, "must be a non-empty string"));
            return null;
        }
        return s.trim();
    }

    private static BigDecimal number(Object raw, List<Refusal> refusals) {
        if (raw == null) return null;
        BigDecimal value;
        try {
            value = raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
            refusals.add(new Refusal("value", "not a number"));
            return null;
        }
        if (value.signum() < 0) {
            refusals.add(new Refusal("value", "must not be negative"));
            return null;
        }
        // the fact table holds NUMERIC(24,4): larger would not be stored as given
        if (value.precision() - value.scale() > 20) {
            refusals.add(new Refusal("value", "too large"));
            return null;
        }
        return value;
    }

    private static LocalDate date(Map<String, Object> fields, String name, List<Refusal> refusals) {
        Object raw = fields.get(name);
        if (raw == null) return null;
        try {
            return LocalDate.parse(String.valueOf(raw).trim());
        } catch (DateTimeParseException e) {
            refusals.add(new Refusal(name, "not an ISO date (yyyy-mm-dd)"));
            return null;
        }
    }

    private Party party(Map<String, Object> fields, String name, List<Refusal> refusals) {
        Object raw = fields.get(name);
        if (raw == null) return null;
        if (raw instanceof String s) {
            Optional<Region> region = region(s);
            if (region.isEmpty()) {
                refusals.add(new Refusal(name, "'" + s + "' does not name exactly one region"));
                return null;
            }
            return party(region.get());
        }
        if (raw instanceof Map<?, ?> group && group.get("name") instanceof String groupName
                && group.get("members") instanceof List<?> members && !groupName.isBlank()) {
            List<Party> regions = new ArrayList<>();
            for (Object member : members) {
                Optional<Region> region = member instanceof String s ? region(s) : Optional.empty();
                if (region.isEmpty()) {
                    refusals.add(new Refusal(name, "group member '" + member + "' does not name exactly one region"));
                    return null;
                }
                regions.add(party(region.get()));
            }
            return Party.group(groupName.trim(), regions, false);
        }
        refusals.add(new Refusal(name, "a region code or name, or {\"name\": ..., \"members\": [codes]}"));
        return null;
    }

    /** By GB/T 2260 code, else by a name that only one region has (English spelling or Chinese). */
    Optional<Region> region(String nameOrCode) {
        String s = nameOrCode.trim();
        if (s.isEmpty()) return Optional.empty();
        Optional<Region> byCode = gazetteer.byCode(s);
        if (byCode.isPresent()) return byCode;
        List<Region> chinese = gazetteer.chinese(s);
        if (chinese.size() == 1) return Optional.of(chinese.get(0));
        List<Region> english = gazetteer.english(Gazetteer.key(s));
        return english.size() == 1 ? Optional.of(english.get(0)) : Optional.empty();
    }

    private static Party party(Region region) {
        return new Party(region.name(), region.code(), region.level());
    }
}
