package org.counterpart.edge.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static String hash(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    private final ApiKeys keys = new ApiKeys(List.of(hash("first-key-7f3a"), " SHA256:" + hash("second-key-91bc") + " "));

    @Test
    void acceptsEitherConfiguredKeyAsABearerToken() {
        assertTrue(keys.accepts(Optional.of("Bearer first-key-7f3a")));
        assertTrue(keys.accepts(Optional.of("bearer   second-key-91bc ")));
    }

    @Test
    void refusesEverythingElse() {
        assertFalse(keys.accepts(Optional.empty()));
        assertFalse(keys.accepts(Optional.of("")));
        assertFalse(keys.accepts(Optional.of("Bearer ")));
        assertFalse(keys.accepts(Optional.of("Bearer first-key-7f3b")));
        assertFalse(keys.accepts(Optional.of("Basic first-key-7f3a")));
        assertFalse(keys.accepts(Optional.of("first-key-7f3a")));
        assertFalse(keys.accepts(Optional.of("Bearer " + hash("first-key-7f3a"))), "the hash itself is not a key");
    }

    @Test
    void noKeysMeansNothingIsAccepted() {
        ApiKeys none = new ApiKeys(List.of("", " "));
        assertFalse(none.configured());
        assertFalse(none.accepts(Optional.of("Bearer anything")));
    }
}
