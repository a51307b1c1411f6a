package org.counterpart.edge.failure;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Locale;

import org.counterpart.edge.inbound.UnusableEvent;

/**
 * Why applying an event failed, as far as retrying is concerned. {@link #PERMANENT}: the event itself is at fault
 * (unusable, or the database refuses its values: SQLState class 22 data exception, class 23 constraint violation),
 * so it is dead-lettered at once. {@link #TRANSIENT}: the database is away or busy (connection classes 08, 53,
 * 57, 58, serialization failures and deadlocks in class 40, lock timeouts), so the same event is tried again for
 * as long as that lasts. {@link #UNKNOWN}: anything else, tried a few times, then dead-lettered. The HTTP edge
 * answers a transient failure with 503, so that a client knows to try again.
 */
public enum FailureKind {
    PERMANENT, TRANSIENT, UNKNOWN;

    public static FailureKind of(Throwable failure) {
        FailureKind found = UNKNOWN;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnusableEvent) {
                return PERMANENT;
            }
            if (t instanceof SQLException sql) {
                FailureKind byState = bySqlState(sql.getSQLState());
                if (byState == PERMANENT) {
                    return PERMANENT;
                }
                if (byState == TRANSIENT || sql instanceof SQLTransientException || isPoolTimeout(sql)) {
                    found = TRANSIENT;
                }
            } else if (t instanceof ConnectException) {
                found = TRANSIENT;
            }
        }
        return found;
    }

    static FailureKind bySqlState(String state) {
        if (state == null || state.length() < 2) {
            return UNKNOWN;
        }
        String sqlClass = state.substring(0, 2);
        return switch (sqlClass) {
            case "22", "23" -> PERMANENT;
            case "08", "40", "53", "57", "58" -> TRANSIENT;
            default -> state.equals("55P03") ? TRANSIENT : UNKNOWN;
        };
    }

    /** The connection pool gave up waiting for a connection: the database is away or saturated. */
    private static boolean isPoolTimeout(SQLException e) {
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
