package org.counterpart.edge.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * How keys are held and presented. A deployment configures only SHA-256 hashes, so a leaked configuration does not
 * leak a key; keys are long random tokens, so an unsalted fast hash is enough (as for other bearer tokens).
 */
public final class ApiKeys {

    private static final int SHA256_BYTES = 32;

    private ApiKeys() {
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * A configured hash: 64 hex digits, optionally prefixed {@code sha256:}. Anything else is refused rather than
     * kept, because a hash that can never match would leave its key silently locked out.
     */
    static byte[] parseHash(String configured) {
        String hex = configured.strip().toLowerCase(Locale.ROOT);
        if (hex.startsWith("sha256:")) {
            hex = hex.substring("sha256:".length());
        }
        if (hex.length() != 2 * SHA256_BYTES || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("the hash is not 64 hexadecimal digits (the SHA-256 of the key)");
        }
        return HexFormat.of().parseHex(hex);
    }

    /** The key of an {@code Authorization: Bearer <key>} header, if that is what the header holds. */
    static Optional<String> bearerToken(String authorization) {
        return Optional.ofNullable(authorization)
                .map(String::strip)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip())
                .filter(k -> !k.isEmpty());
    }
}
