package org.counterpart.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets of one run, as docker-compose.yml's variables: Kafka's SCRAM passwords (not the file's development
 * defaults) and an API key for writes, given to the services as its SHA-256.
 */
record RunSecrets(String apiKey, String kafkaAdminPassword, Map<String, String> variables) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static RunSecrets generate() {
        String apiKey = "system-tests-" + password();
        String admin = password();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("KAFKA_ADMIN_PASSWORD", admin);
        for (String user : List.of("INGEST", "FACTS", "METRICS", "SUBSCRIBER")) {
            variables.put(user + "_KAFKA_PASSWORD", password());
        }
        variables.put("COUNTERPART_AUTH_API_KEY_HASHES", sha256(apiKey));
        return new RunSecrets(apiKey, admin, Map.copyOf(variables));
    }

    /** A password the compose file's Kafka users accept (12 or more of A-Z a-z 0-9 . _ ~ -): 48 hex digits. */
    private static String password() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
