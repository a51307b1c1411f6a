package org.counterpart.edge.failure;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import org.counterpart.edge.inbound.UnusableEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureKindTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("value too long for a column", sql("22001"), FailureKind.PERMANENT),
                Arguments.of("NUL byte in text", sql("22021"), FailureKind.PERMANENT),
                Arguments.of("numeric overflow", sql("22003"), FailureKind.PERMANENT),
                Arguments.of("unique violation", sql("23505"), FailureKind.PERMANENT),
                Arguments.of("not-null violation", sql("23502"), FailureKind.PERMANENT),
                Arguments.of("unusable event", new UnusableEvent("bad"), FailureKind.PERMANENT),
                Arguments.of("unusable event wrapped", new RuntimeException(new UnusableEvent("bad")),
                        FailureKind.PERMANENT),
                Arguments.of("connection refused", sql("08001"), FailureKind.TRANSIENT),
                Arguments.of("connection lost", sql("08006"), FailureKind.TRANSIENT),
                Arguments.of("serialization failure", sql("40001"), FailureKind.TRANSIENT),
                Arguments.of("deadlock", sql("40P01"), FailureKind.TRANSIENT),
                Arguments.of("too many connections", sql("53300"), FailureKind.TRANSIENT),
                Arguments.of("admin shutdown", sql("57P01"), FailureKind.TRANSIENT),
                Arguments.of("lock not available", sql("55P03"), FailureKind.TRANSIENT),
                Arguments.of("pool acquisition timeout",
                        new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection")),
                        FailureKind.TRANSIENT),
                Arguments.of("transient connection", new SQLTransientConnectionException("gone"), FailureKind.TRANSIENT),
                Arguments.of("socket refused", new RuntimeException(new ConnectException("refused")),
                        FailureKind.TRANSIENT),
                Arguments.of("syntax error (a bug)", sql("42601"), FailureKind.UNKNOWN),
                Arguments.of("null pointer", new NullPointerException(), FailureKind.UNKNOWN),
                Arguments.of("state without class", new SQLException("odd", "X"), FailureKind.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void classifies(String what, Throwable failure, FailureKind expected) {
        assertEquals(expected, FailureKind.of(failure));
    }

    private static RuntimeException sql(String state) {
        return new RuntimeException("wrapped", new SQLException("state " + state, state));
    }
}
