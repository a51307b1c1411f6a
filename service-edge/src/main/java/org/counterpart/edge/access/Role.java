package org.counterpart.edge.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a key may do. Kept apart so a deployment can hand an analyst a key that reviews facts but cannot delete a
 * report, and keep re-extraction and rebuilds, which rewrite everything, to its operators.
 */
public enum Role {
    /** Posts and deletes reports: the default for any write no annotation says otherwise about. */
    WRITER,
    /** Confirms, corrects or rejects facts, and adds the ones the machine missed. */
    REVIEWER,
    /** Reruns extractions and rebuilds derived data. */
    ADMIN;

    /** The word used in {@code counterpart.auth.keys}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofWord(String word) {
        return Arrays.stream(values()).filter(r -> r.word().equals(word)).findFirst();
    }

    static String words() {
        return Arrays.stream(values()).map(Role::word).collect(Collectors.joining(", "));
    }
}
