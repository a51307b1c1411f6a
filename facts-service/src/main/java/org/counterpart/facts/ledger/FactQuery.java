package org.counterpart.facts.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The filters of GET /facts; a party filter matches a region's name or its code, ignoring case. */
public record FactQuery(UUID reportId, String donor, String recipient, String metric) {

    public List<Fact> run(int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (reportId != null) {
            where.add("reportId = :reportId");
            params.put("reportId", reportId);
        }
        if (donor != null) {
            where.add("(lower(donorName) = :donor or donorCode = :donor)");
            params.put("donor", donor.toLowerCase(Locale.ROOT));
        }
        if (recipient != null) {
            where.add("(lower(recipientName) = :recipient or recipientCode = :recipient)");
            params.put("recipient", recipient.toLowerCase(Locale.ROOT));
        }
        if (metric != null) {
            where.add("metric = :metric");
            params.put("metric", metric);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by reportId, ordinal";
        return Fact.find(query.strip(), params).page(0, limit).list();
    }
}
