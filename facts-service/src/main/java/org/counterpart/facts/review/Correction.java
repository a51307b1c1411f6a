package org.counterpart.facts.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.counterpart.facts.extraction.fact.Party;

/**
 * The fields an analyst corrected, each null when left as the machine read it. A later correction of the same fact
 * is merged over an earlier one ({@link #then}), so the stored correction always states every field a person set:
 * after a rerun it is applied whole to the machine's new reading at the same anchor.
 */
public record Correction(String metric, BigDecimal value, String unit, String qualifier, String basis,
                         LocalDate periodStart, LocalDate periodEnd, LocalDate asOf, Party donor, Party recipient) {

    public static final Correction NONE = new Correction(null, null, null, null, null, null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** This correction with {@code later}'s fields laid over it. */
    public Correction then(Correction later) {
        return new Correction(
                or(later.metric, metric), or(later.value, value), or(later.unit, unit),
                or(later.qualifier, qualifier), or(later.basis, basis),
                or(later.periodStart, periodStart), or(later.periodEnd, periodEnd), or(later.asOf, asOf),
                or(later.donor, donor), or(later.recipient, recipient));
    }

    /**
     * The correction in the shape a client sends it ({@link CorrectionReader} reads it back): a region by its code,
     * a group as {@code {"name": ..., "members": [codes]}}; fields left as the machine read them are absent.
     */
    public Map<String, Object> asFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        put(fields, "metric", metric);
        put(fields, "value", value == null ? null : value.toPlainString());
        put(fields, "unit", unit);
        put(fields, "qualifier", qualifier);
        put(fields, "basis", basis);
        put(fields, "periodStart", periodStart == null ? null : periodStart.toString());
        put(fields, "periodEnd", periodEnd == null ? null : periodEnd.toString());
        put(fields, "asOf", asOf == null ? null : asOf.toString());
        put(fields, "donor", party(donor));
        put(fields, "recipient", party(recipient));
        return fields;
    }

    private static Object party(Party party) {
        if (party == null) return null;
        if (!party.isGroup()) return party.code();
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", party.name());
        group.put("members", party.members().stream().map(Party::code).toList());
        return group;
    }

    private static void put(Map<String, Object> fields, String name, Object value) {
        if (value != null) fields.put(name, value);
    }

    private static <T> T or(T first, T second) {
        return first != null ? first : second;
    }
}
