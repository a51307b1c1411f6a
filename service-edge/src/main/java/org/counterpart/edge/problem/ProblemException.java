package org.counterpart.edge.problem;

import java.util.List;

/** A request refused for a reason the caller can act on; mapped to its problem document by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.InvalidParam> invalidParams;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.InvalidParam> invalidParams) {
        super(detail, null, false, false);
        this.type = type;
        this.invalidParams = List.copyOf(invalidParams);
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.InvalidParam> invalidParams() {
        return invalidParams;
    }
}
