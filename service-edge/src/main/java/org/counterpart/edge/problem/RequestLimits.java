package org.counterpart.edge.problem;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import org.counterpart.edge.HttpSettings;

/**
 * What every request must satisfy before it reaches a resource: a request line and headers within the limits, no
 * control characters in its path (they end up in identifiers and log lines), and no body encoding the
 * services do not decode; a compressed body read as plain text would be stored as garbage.
 */
@ApplicationScoped
public class RequestLimits {

    private final Provider<HttpSettings> config;
    private volatile HttpSettings settings;

    public RequestLimits(Provider<HttpSettings> config) {
        this.config = config;
    }

    /** The reason to refuse the request, or null to let it through. */
    public ProblemType refuse(HttpServerRequest request) {
        HttpSettings settings = this.settings;
        if (settings == null) {
            settings = config.get();
            this.settings = settings;
        }
        String uri = request.uri();
        if (uri.length() > settings.maxUriLength()) {
            return ProblemType.URI_TOO_LONG;
        }
        long headerBytes = 0;
        for (var header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > settings.maxHeaderBytes()) {
            return ProblemType.HEADERS_TOO_LARGE;
        }
        // The path only: each resource checks its query values and names the ones it refuses (invalidParams).
        if (hasControlCharacter(decoded(request.path()))) {
            return ProblemType.INVALID_REQUEST;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && length.strip().matches("\\d{1,19}")
                && new java.math.BigInteger(length.strip()).compareTo(settings.maxBodySize().asBigInteger()) > 0) {
            return ProblemType.PAYLOAD_TOO_LARGE;
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            return ProblemType.UNSUPPORTED_MEDIA_TYPE;
        }
        return null;
    }

    static String decoded(String uri) {
        try {
            return URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "\u0000"; // malformed percent-encoding: refused like a control character
        }
    }

    public static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }
}
