package org.counterpart.metrics.api;

import org.counterpart.edge.problem.ProblemException;
import org.counterpart.edge.problem.ProblemType;

/** A total that does not exist (no actual claim for the pair and metric); becomes a 404 problem document. */
public class UnknownTotalException extends ProblemException {

    public UnknownTotalException(String message) {
        super(ProblemType.NOT_FOUND, message);
    }
}
