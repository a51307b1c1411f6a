package org.counterpart.metrics.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContentErrorsTest {

    private static RuntimeException wrapped(SQLException sql) {
        return new IllegalStateException("could not execute statement", sql);
    }

    private static RuntimeException batch(String firstState, String nextState) {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", firstState, new int[0]);
        batch.setNextException(new SQLException("the statement's own error", nextState));
        return wrapped(batch);
    }

    private static RuntimeException circular() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        return a;
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("a NUL in a text parameter (22021)", wrapped(new SQLException("invalid byte sequence", "22021")), true),
                Arguments.of("a string too long for its column (22001)", wrapped(new SQLException("value too long", "22001")), true),
                Arguments.of("a numeric overflow (22003)", wrapped(new SQLException("numeric field overflow", "22003")), true),
                Arguments.of("a unique constraint broken (23505)", wrapped(new SQLException("duplicate key", "23505")), true),
                Arguments.of("a batch whose entry broke a constraint", batch(null, "23502"), true),
                Arguments.of("the connection lost (08006)", wrapped(new SQLException("connection failure", "08006")), false),
                Arguments.of("a statement cancelled by timeout (57014)", wrapped(new SQLException("canceling statement", "57014")), false),
                Arguments.of("a serialization failure (40001)", wrapped(new SQLException("could not serialize", "40001")), false),
                Arguments.of("no connection to be had, no state", wrapped(new SQLException("acquisition timeout")), false),
                Arguments.of("no SQL error at all", new IllegalStateException("transaction not active"), false),
                Arguments.of("a cause chain going round in a circle", circular(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void onlyWhatTheDatabaseSaysAboutTheDataIsTheEventsFault(String situation, RuntimeException failure, boolean content) {
        assertEquals(content, ContentErrors.causedByContent(failure), situation);
    }
}
