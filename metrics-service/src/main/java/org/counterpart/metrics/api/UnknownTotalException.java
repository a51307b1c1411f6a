package org.counterpart.metrics.api;

/** A total that does not exist (no actual claim for the pair and metric); becomes a 404 problem document. */
public class UnknownTotalException extends RuntimeException {

    public UnknownTotalException(String message) {
        super(message);
    }
}
