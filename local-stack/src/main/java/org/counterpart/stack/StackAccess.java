package org.counterpart.stack;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Who may write to the local stack. It is a sandbox on localhost, so writes are open unless an API key is given
 * in COUNTERPART_API_KEY; then the services receive only the key's hash, as a deployment would configure them.
 */
public record StackAccess(String apiKey) {

    public static StackAccess fromEnvironment() {
        String key = System.getenv("COUNTERPART_API_KEY");
        return new StackAccess(key == null || key.isBlank() ? null : key.strip());
    }

    public static StackAccess open() {
        return new StackAccess(null);
    }

    Map<String, String> serviceEnvironment() {
        if (apiKey == null) {
            return Map.of("COUNTERPART_AUTH_OPEN_WRITES", "true");
        }
        return Map.of("COUNTERPART_AUTH_API_KEY_HASHES", sha256Hex(apiKey), "COUNTERPART_AUTH_OPEN_WRITES", "false");
    }

    public void authorize(HttpRequest.Builder request) {
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
    }

    String describe() {
        return apiKey == null
                ? "Writes are open (local sandbox; set COUNTERPART_API_KEY to require a key)."
                : "Writes need 'Authorization: Bearer $COUNTERPART_API_KEY'.";
    }

    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
