package org.counterpart.facts.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Query;
import org.counterpart.edge.paging.PageCursor;
import org.counterpart.facts.extraction.fact.Confidence;

/**
 * The filters of GET /facts. A party filter matches, ignoring case, a party's name or code, which for a group
 * means its own name ("seven cities in East China") or the name or code of any of its members, so that
 * {@code donor=Shanghai} also finds "Shanghai and Guangdong". {@code minConfidence} keeps facts at least that
 * confident; null keeps all.
 */
public record FactQuery(UUID reportId, String donor, String recipient, String metric, Confidence minConfidence) {

    /** Where a page ends: facts are read in (report, ordinal, id) order, the next page starts after this one. */
    public record Cursor(UUID reportId, int ordinal, UUID id) {

        public static Cursor after(Fact fact) {
            return new Cursor(fact.reportId, fact.ordinal, fact.id);
        }

        public PageCursor page() {
            return PageCursor.of(reportId.toString(), Integer.toString(ordinal), id.toString());
        }

        /** @throws IllegalArgumentException for a cursor that no page of facts gave out */
        public static Cursor of(PageCursor cursor) {
            return new Cursor(UUID.fromString(cursor.key(0)), Integer.parseInt(cursor.key(1)), UUID.fromString(cursor.key(2)));
        }
    }

    /** Up to {@code limit} facts after {@code after} (null: from the start). */
    public List<Fact> run(Cursor after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (reportId != null) {
            where.add("f.report_id = :reportId");
            params.put("reportId", reportId);
        }
        if (donor != null) {
            where.add(party("donor"));
            params.put("donor", donor.toLowerCase(Locale.ROOT));
        }
        if (recipient != null) {
            where.add(party("recipient"));
            params.put("recipient", recipient.toLowerCase(Locale.ROOT));
        }
        if (metric != null) {
            where.add("f.metric = :metric");
            params.put("metric", metric);
        }
        if (minConfidence != null) {
            where.add("f.confidence in (:confidences)");
            params.put("confidences", Arrays.stream(Confidence.values())
                    .filter(c -> c.min(minConfidence) == minConfidence).map(Confidence::wireName).toList());
        }
        if (after != null) {
            where.add("(f.report_id, f.ordinal, f.id) > (:afterReport, :afterOrdinal, :afterId)");
            params.put("afterReport", after.reportId());
            params.put("afterOrdinal", after.ordinal());
            params.put("afterId", after.id());
        }
        // Native SQL: group members are a JSON column, which only PostgreSQL's JSON functions can look inside.
        String sql = "select f.* from fact f" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by f.report_id, f.ordinal, f.id";
        Query query = Fact.getEntityManager().createNativeQuery(sql, Fact.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Fact> facts = query.setMaxResults(limit).getResultList();
        return facts;
    }

    /** Column names are this class's constants, never the caller's text. */
    private static String party(String side) {
        return "(lower(f." + side + "_name) = :" + side + " or f." + side + "_code = :" + side
                + " or exists (select 1 from json_array_elements(cast(f." + side + "_members as json)) m"
                + " where lower(m ->> 'name') = :" + side + " or m ->> 'code' = :" + side + "))";
    }
}
