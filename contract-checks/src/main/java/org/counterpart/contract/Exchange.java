package org.counterpart.contract;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One real request and the service's real answer to it, as a client saw them on the wire. Header names are compared
 * case-insensitively, as HTTP does.
 *
 * @param method       the HTTP method, e.g. {@code GET}
 * @param uri          the URI called, with its query; only its path and query are used
 * @param requestHeaders  headers sent (may be empty)
 * @param requestBody  body sent, or {@code null}
 * @param status       status answered
 * @param responseHeaders headers answered (may be empty)
 * @param responseBody body answered ({@code ""} when there was none), or {@code null} when it was not read (a
 *                     stream that never ends): then only status and headers are checked
 */
public record Exchange(String method, URI uri, Map<String, List<String>> requestHeaders, String requestBody,
                       int status, Map<String, List<String>> responseHeaders, String responseBody) {

    public Exchange {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        requestHeaders = caseInsensitive(requestHeaders);
        responseHeaders = caseInsensitive(responseHeaders);
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> copy.computeIfAbsent(name, n -> new java.util.ArrayList<>()).addAll(values));
        }
        return copy;
    }

    /** The first value of a response header, or {@code null}. */
    public String responseHeader(String name) {
        List<String> values = responseHeaders.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        return method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " -> " + status;
    }
}
