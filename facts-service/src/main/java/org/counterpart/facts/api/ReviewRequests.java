package org.counterpart.facts.api;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.core.SecurityContext;
import org.counterpart.edge.problem.Problem;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.edge.problem.ProblemType;
import org.counterpart.facts.ledger.FactReviews;
import org.counterpart.facts.review.CorrectionReader;

/** The checks a review request's body shares across the review resources, and who is asking. */
final class ReviewRequests {

    private ReviewRequests() {
    }

    static String by(SecurityContext caller) {
        return caller.getUserPrincipal() == null ? "anonymous" : caller.getUserPrincipal().getName();
    }

    static <T> T refusedAsProblem(Supplier<T> work) {
        try {
            return work.get();
        } catch (FactReviews.Refused e) {
            List<Problem.InvalidParam> params = e.refusals().stream()
                    .map(r -> new Problem.InvalidParam(r.field(), r.reason())).toList();
            throw new ProblemException(e.conflict() ? ProblemType.CONFLICT : ProblemType.INVALID_REQUEST,
                    e.getMessage(), params);
        }
    }

    static String note(Object raw) {
        if (raw == null) return null;
        if (!(raw instanceof String s) || s.length() > 2000) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "note must be a string of at most 2000 characters.",
                    List.of(new Problem.InvalidParam("note", "string, at most 2000 characters")));
        }
        return s.isBlank() ? null : s.strip();
    }

    static int offset(Object raw, String name) {
        if (raw instanceof Integer i) return i;
        throw new ProblemException(ProblemType.INVALID_REQUEST, name + " must be an integer offset into the text.",
                List.of(new Problem.InvalidParam(name, "integer")));
    }

    static void unknownFields(Map<String, Object> fields) {
        for (String name : fields.keySet()) {
            if (!CorrectionReader.FIELDS.contains(name)) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, "Unknown field " + name + ".",
                        List.of(new Problem.InvalidParam(name, "unknown field")));
            }
        }
    }
}
