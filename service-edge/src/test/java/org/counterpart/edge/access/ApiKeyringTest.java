package org.counterpart.edge.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeyringTest {

    private static String hash(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    private static final ApiKeyring KEYRING = ApiKeyring.of(
            List.of("wu.fang:reviewer:" + hash("reviewer-key-51d0"),
                    " ingest-bot : writer : SHA256:" + hash("writer-key-7f3a").toUpperCase() + " ",
                    "ops:admin+writer+reviewer:" + hash("admin-key-0c2e"),
                    ""),
            List.of(hash("legacy-key-91bc")));

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("Bearer reviewer-key-51d0", "wu.fang", EnumSet.of(Role.REVIEWER)),
                Arguments.of("bearer   writer-key-7f3a ", "ingest-bot", EnumSet.of(Role.WRITER)),
                Arguments.of("Bearer admin-key-0c2e", "ops", EnumSet.allOf(Role.class)),
                // a key from before roles may still do everything, under a name derived from its hash
                Arguments.of("Bearer legacy-key-91bc", "key-" + hash("legacy-key-91bc").substring(0, 8),
                        EnumSet.allOf(Role.class)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("headers")
    void resolvesEachKeyToItsHolder(String header, String name, Set<Role> roles) {
        assertEquals(Optional.of(new Caller(name, roles)), KEYRING.resolve(header));
    }

    static Stream<String> refusedHeaders() {
        return Stream.of("", "Bearer ", "Bearer reviewer-key-51d1", "Basic reviewer-key-51d0", "reviewer-key-51d0",
                "Bearer " + hash("reviewer-key-51d0"));
    }

    @ParameterizedTest(name = "''{0}''")
    @MethodSource("refusedHeaders")
    void resolvesNobodyFromAnythingElse(String header) {
        assertEquals(Optional.empty(), KEYRING.resolve(header));
    }

    @Test
    void noHeaderIsNobody() {
        assertEquals(Optional.empty(), KEYRING.resolve(null));
    }

    @Test
    void blankEntriesConfigureNothing() {
        ApiKeyring none = ApiKeyring.of(List.of(" "), List.of("", " "));
        assertFalse(none.configured());
        assertEquals(Optional.empty(), none.resolve("Bearer anything"));
        assertTrue(KEYRING.configured());
    }

    static Stream<Arguments> malformed() {
        String h = hash("some-key");
        return Stream.of(
                Arguments.of(List.of("wu.fang:reviewer"), List.of(), "entry 1: expected name:role+role:sha256hex"),
                Arguments.of(List.of(":reviewer:" + h), List.of(), "entry 1: the name must be"),
                Arguments.of(List.of("wu fang:reviewer:" + h), List.of(), "entry 1: the name must be"),
                Arguments.of(List.of("local:writer:" + h), List.of(), "the name 'local' is the open sandbox's"),
                Arguments.of(List.of("a:writer:" + hash("a"), "b:reviwer:" + h), List.of(),
                        "entry 2 ('b'): unknown role 'reviwer'; the roles are writer, reviewer, admin"),
                Arguments.of(List.of("b::" + h), List.of(), "entry 1 ('b'): unknown role ''"),
                Arguments.of(List.of("b:writer+:" + h), List.of(), "entry 1 ('b'): unknown role ''"),
                Arguments.of(List.of("b:writer:" + h.substring(1)), List.of(), "entry 1 ('b'): the hash is not 64"),
                Arguments.of(List.of("b:writer:" + h.substring(1) + "g"), List.of(), "the hash is not 64"),
                Arguments.of(List.of("b:writer:some-key"), List.of(), "the hash is not 64"),
                Arguments.of(List.of(), List.of(h, "not-a-hash"), "api-key-hashes, entry 2: the hash is not 64"),
                Arguments.of(List.of("b:writer:" + h, "b:reviewer:" + hash("other")), List.of(),
                        "the name 'b' is given to two keys"),
                Arguments.of(List.of("b:writer:" + h, "c:reviewer:" + h), List.of(),
                        "the key of 'c' is configured twice"),
                Arguments.of(List.of("b:writer:" + h), List.of(h), "is configured twice"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformed")
    void refusesAMalformedSettingWithAMessageThatSaysWhere(List<String> keys, List<String> legacy, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ApiKeyring.of(keys, legacy));
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
    }

    @Test
    void aMessageNeverRepeatsWhatMayBeAKeyPastedByMistake() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ApiKeyring.of(List.of("b:writer:secret-key-pasted-here"), List.of()));
        assertFalse(refused.getMessage().contains("secret-key-pasted-here"), refused.getMessage());
    }

    @Test
    void theLocalCallerMayDoEverything() {
        Caller local = Caller.local();
        assertEquals("local", local.name());
        for (Role role : Role.values()) {
            assertTrue(local.has(role), role.word());
        }
        assertFalse(new Caller("wu.fang", EnumSet.of(Role.REVIEWER)).has(Role.WRITER));
    }
}
