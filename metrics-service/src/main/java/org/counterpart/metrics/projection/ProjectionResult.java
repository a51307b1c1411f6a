package org.counterpart.metrics.projection;

/**
 * What applying one facts event came to: its outcome and, for a rejected event, why. A rejection is an answer,
 * not an exception, so that the consumer dead-letters the event at once instead of retrying it as if the database
 * were away.
 *
 * @param reason a short code of the rule broken (see {@link RevisionStep#RULE}); null unless rejected
 * @param detail what exactly was wrong, for the dead letter; null unless rejected
 */
public record ProjectionResult(ProjectionOutcome outcome, String reason, String detail) {

    static ProjectionResult of(ProjectionOutcome outcome) {
        return new ProjectionResult(outcome, null, null);
    }

    static ProjectionResult rejected(String reason, String detail) {
        return new ProjectionResult(ProjectionOutcome.REJECTED, reason, detail);
    }

    public boolean isRejected() {
        return outcome == ProjectionOutcome.REJECTED;
    }
}
