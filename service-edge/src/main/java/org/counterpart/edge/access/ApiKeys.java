package org.counterpart.edge.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The API keys of one deployment, held only as SHA-256 hashes: a leaked configuration does not leak a key.
 * Keys are long random tokens, so an unsalted fast hash is enough (as for other bearer tokens).
 */
public final class ApiKeys {

    private final List<byte[]> hashes;

    public ApiKeys(List<String> hexHashes) {
        this.hashes = hexHashes.stream()
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT).replaceFirst("^sha256:", ""))
                .map(HexFormat.of()::parseHex)
                .toList();
    }

    public boolean configured() {
        return !hashes.isEmpty();
    }

    /** True when the Authorization header carries one of the keys; compared in constant time. */
    public boolean accepts(Optional<String> authorization) {
        Optional<String> key = authorization
                .map(String::strip)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip())
                .filter(k -> !k.isEmpty());
        if (key.isEmpty()) {
            return false;
        }
        byte[] presented = sha256(key.get());
        boolean match = false;
        for (byte[] hash : hashes) {
            match |= MessageDigest.isEqual(hash, presented);
        }
        return match;
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
