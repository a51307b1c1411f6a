package org.counterpart.metrics.totals;

import java.util.List;

/**
 * The metric codes of docs/domain.md, as used on the wire, in the database and on the dashboards, and exchange_visits,
 * which the facts topic's schema allows (an analyst can record one): a facts event carrying it must count, not be
 * dead-lettered whole for one fact.
 */
public final class MetricVocabulary {

    /** The headline totals, in the order the dashboard shows them. */
    public static final List<String> HEADLINE = List.of("funds_cny", "projects", "workers_transferred");

    public static final List<String> ALL = List.of(
            "funds_cny", "projects", "workers_transferred", "investment_cny", "consumption_cny",
            "people_trained", "personnel_exchanged", "enterprises_introduced", "agreements", "people_lifted",
            "people_benefited", "villages_benefited", "exchange_visits");

    private MetricVocabulary() {
    }

    public static boolean isKnown(String code) {
        return ALL.contains(code);
    }
}
