package org.counterpart.ingest.api;

/** Input the API refuses, with the status and the reason to tell the sender. */
public class BadRequestProblem extends RuntimeException {

    private final int status;
    private final String title;

    public BadRequestProblem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static BadRequestProblem invalid(String detail) {
        return new BadRequestProblem(400, "Invalid report", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
