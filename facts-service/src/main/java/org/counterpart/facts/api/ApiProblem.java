package org.counterpart.facts.api;

/** A request this API refuses, with the status and the reason to tell the caller. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;

    public ApiProblem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
