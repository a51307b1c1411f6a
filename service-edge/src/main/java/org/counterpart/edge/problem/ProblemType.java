package org.counterpart.edge.problem;

/**
 * The one vocabulary of problem types shared by the three services: a client can branch on {@code type} whichever
 * service answered, and at whichever layer (routing, body limits, the resource itself) the request was refused.
 */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "Invalid request"),
    INVALID_QUERY(400, "invalid-query", "Invalid query"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    /** A valid key whose holder lacks the role the request needs; first of the 403s, so a bare 403 reads as this. */
    FORBIDDEN(403, "forbidden", "Forbidden"),
    CROSS_SITE_WRITE(403, "cross-site-write", "Cross-site write refused"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request headers too large"),
    INTERNAL(500, "internal", "Internal error"),
    UNAVAILABLE(503, "unavailable", "Service unavailable");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The type URI, relative to the service: documented in docs/problems.md. */
    public String uri() {
        return "/problems/" + slug;
    }

    public String title() {
        return title;
    }

    /** The type for a bare HTTP status, for failures that carry nothing but a status (routing, codec limits). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != INVALID_QUERY) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_REQUEST;
    }
}
