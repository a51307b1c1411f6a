package org.counterpart.facts.api;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.counterpart.edge.problem.Problem;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.edge.problem.ProblemType;
import org.counterpart.facts.extraction.fact.Confidence;

/** Checks query parameters before they reach a query: a bad value is the caller's 400, not our 500. */
final class QueryParameters {

    static final Set<String> METRICS = Set.of("funds_cny", "projects", "workers_transferred", "investment_cny",
            "consumption_cny", "people_trained", "personnel_exchanged", "enterprises_introduced", "agreements",
            "people_lifted", "people_benefited", "villages_benefited", "exchange_visits");
    // 、 and commas occur in the names of groups of regions named together ("上海、广东")
    private static final Pattern PARTY = Pattern.compile("[\\p{L}\\p{M}0-9 '’.,、\\-]{1,100}");

    private QueryParameters() {
    }

    static UUID reportId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw refused("reportId", "must be a UUID");
        }
    }

    static String party(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!PARTY.matcher(value.strip()).matches()) {
            throw refused(name, "must be a region or group name, or a six-digit code");
        }
        return value.strip();
    }

    static String metric(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!METRICS.contains(value.strip())) {
            throw refused("metric", "must be one of " + METRICS);
        }
        return value.strip();
    }

    static Confidence minConfidence(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Confidence.fromWireName(value.strip());
        } catch (IllegalArgumentException e) {
            throw refused("minConfidence", "must be one of "
                    + Arrays.stream(Confidence.values()).map(Confidence::wireName).toList());
        }
    }

    /** The same answer as every other refused parameter: the shared invalid-query type, naming the parameter. */
    private static ProblemException refused(String name, String reason) {
        return new ProblemException(ProblemType.INVALID_QUERY, name + " " + reason + ".",
                List.of(new Problem.InvalidParam(name, reason)));
    }
}
