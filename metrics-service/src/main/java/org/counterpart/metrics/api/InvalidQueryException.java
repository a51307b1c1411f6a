package org.counterpart.metrics.api;

import java.util.List;

import org.counterpart.edge.problem.Problem;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.edge.problem.ProblemType;

/** A request whose query parameters cannot be answered; becomes a 400 problem document listing them. */
public class InvalidQueryException extends ProblemException {

    public InvalidQueryException(List<Problem.InvalidParam> invalidParams) {
        super(ProblemType.INVALID_QUERY, "Some query parameters cannot be answered; see invalidParams.", invalidParams);
    }
}
