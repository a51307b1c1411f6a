package org.counterpart.edge.access;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys of one deployment, each with the name and roles of whoever holds it. Built from
 * {@code counterpart.auth.keys} ({@code name:role+role:sha256hex}) and the older {@code counterpart.auth.api-key-hashes},
 * whose keys keep every role so that deployments configured before roles existed work as they did.
 * A malformed entry is refused when the service starts, never skipped: a skipped key is a locked-out person.
 */
public final class ApiKeyring {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private record Key(byte[] hash, Caller caller) {
    }

    private final List<Key> keys;

    private ApiKeyring(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * @throws IllegalArgumentException naming the setting and the entry's position (never the entry itself, which
     *                                  an operator may have pasted a key into by mistake)
     */
    public static ApiKeyring of(List<String> keyEntries, List<String> legacyHashes) {
        List<Key> keys = new ArrayList<>();
        int position = 0;
        for (String entry : keyEntries) {
            position++;
            if (!entry.isBlank()) {
                keys.add(parseEntry(entry, position));
            }
        }
        position = 0;
        for (String hash : legacyHashes) {
            position++;
            if (!hash.isBlank()) {
                keys.add(legacyKey(hash, position));
            }
        }
        refuseDuplicates(keys);
        return new ApiKeyring(keys);
    }

    public boolean configured() {
        return !keys.isEmpty();
    }

    /**
     * The caller whose key the Authorization header carries. Every configured key is compared, in constant time,
     * whether or not an earlier one matched: how long this takes says nothing about which key was close.
     */
    public Optional<Caller> resolve(String authorization) {
        Optional<String> token = ApiKeys.bearerToken(authorization);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = ApiKeys.sha256(token.get());
        Caller found = null;
        for (Key key : keys) {
            boolean match = MessageDigest.isEqual(key.hash(), presented);
            found = match ? key.caller() : found;
        }
        return Optional.ofNullable(found);
    }

    private static Key parseEntry(String entry, int position) {
        String where = "counterpart.auth.keys, entry " + position;
        String[] parts = entry.strip().split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException(where + ": expected name:role+role:sha256hex");
        }
        String name = parts[0].strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(where + ": the name must be 1 to 64 letters, digits or . _ @ -,"
                    + " starting with a letter or digit");
        }
        if (name.equals(Caller.LOCAL)) {
            throw new IllegalArgumentException(where + ": the name 'local' is the open sandbox's identity;"
                    + " choose another so the audit trail can tell them apart");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String word : parts[1].split("\\+", -1)) {
            Role role = Role.ofWord(word.strip()).orElseThrow(() -> new IllegalArgumentException(
                    where + " ('" + name + "'): unknown role '" + word.strip() + "'; the roles are " + Role.words()));
            roles.add(role);
        }
        try {
            return new Key(ApiKeys.parseHash(parts[2]), new Caller(name, roles));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " ('" + name + "'): " + e.getMessage(), e);
        }
    }

    /** A key from before roles: it may do everything, and its name tells it apart in an audit trail. */
    private static Key legacyKey(String configured, int position) {
        byte[] hash;
        try {
            hash = ApiKeys.parseHash(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("counterpart.auth.api-key-hashes, entry " + position + ": "
                    + e.getMessage(), e);
        }
        String name = "key-" + HexFormat.of().formatHex(hash).substring(0, 8);
        return new Key(hash, new Caller(name, EnumSet.allOf(Role.class)));
    }

    private static void refuseDuplicates(List<Key> keys) {
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (Key key : keys) {
            if (!hashes.add(HexFormat.of().formatHex(key.hash()))) {
                throw new IllegalArgumentException("counterpart.auth: the key of '" + key.caller().name()
                        + "' is configured twice; give each key one name and one set of roles");
            }
            if (!names.add(key.caller().name())) {
                throw new IllegalArgumentException("counterpart.auth.keys: the name '" + key.caller().name()
                        + "' is given to two keys; an audit trail could not tell their holders apart");
            }
        }
    }
}
