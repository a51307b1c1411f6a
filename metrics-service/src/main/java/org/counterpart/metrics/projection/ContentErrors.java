package org.counterpart.metrics.projection;

import java.sql.SQLException;

/**
 * Tells a database error about what an event says (a value the column cannot hold, a constraint broken) from one
 * about the database itself (away, timed out, out of resources). Only the first is the event's fault: leaving the
 * event out of a rebuild then loses nothing the totals should have had, while leaving it out for the second would.
 */
final class ContentErrors {

    /** Causes and chained SQL errors looked at, at most: a cause chain may go round in a circle. */
    private static final int DEPTH = 32;

    private ContentErrors() {
    }

    /** True when a SQL error in the chain has SQLSTATE class 22 (data exception) or 23 (integrity constraint). */
    static boolean causedByContent(Throwable failure) {
        Throwable cause = failure;
        for (int i = 0; cause != null && i < DEPTH; i++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                SQLException next = sql;
                for (int j = 0; next != null && j < DEPTH; j++, next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
