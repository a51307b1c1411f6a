package org.counterpart.metrics.api;

import java.util.List;

/** A request whose query parameters cannot be answered; becomes a 400 problem document. */
public class InvalidQueryException extends RuntimeException {

    private final List<Problem.InvalidParam> invalidParams;

    public InvalidQueryException(List<Problem.InvalidParam> invalidParams) {
        super("Invalid query parameters: " + invalidParams);
        this.invalidParams = List.copyOf(invalidParams);
    }

    public List<Problem.InvalidParam> invalidParams() {
        return invalidParams;
    }
}
