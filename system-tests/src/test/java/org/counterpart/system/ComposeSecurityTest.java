package org.counterpart.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kafka security of the compose deployment, read from docker-compose.yml and the script that creates the users
 * and ACLs (docker/compose/kafka-init.sh), without Docker: what the system tier cannot show without an engine, and
 * what a later edit must not quietly undo. No listener without SASL, none but the client listener published (on
 * loopback by default), every service its own SCRAM user, every topic writable by its owner alone, the subscriber
 * read-only, and ACLs for exactly the topics and groups the services' configuration uses.
 */
class ComposeSecurityTest {

    /** The services, their Kafka users, and the topics each one owns (publishes). */
    private static final Map<String, String> USERS = Map.of(
            "ingest-service", "ingest", "facts-service", "facts", "metrics-service", "metrics");
    private static final Map<String, String> OWNERS = Map.of(
            "reports", "ingest", "facts", "facts", "reports-dlq", "facts", "facts-dlq", "metrics");
    private static final String SUBSCRIBER = "subscriber";
    private static final Set<String> WRITING = Set.of("WRITE", "CREATE", "DELETE", "ALTER", "ALTERCONFIGS", "ALL",
            "IDEMPOTENTWRITE", "CLUSTERACTION");

    private static Path root;
    private static Map<String, Object> services;
    private static Map<String, String> kafka;
    private static String initScript;
    private static List<Acl> acls;

    @BeforeAll
    static void read() throws IOException {
        Path file = Path.of(System.getProperty("system.compose.file", "../docker-compose.yml")).toAbsolutePath()
                .normalize();
        root = file.getParent();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = map(compose.get("services"));
        }
        kafka = environment("kafka");
        initScript = Files.readString(root.resolve("docker/compose/kafka-init.sh"), StandardCharsets.UTF_8);
        acls = Acl.parse(initScript);
    }

    // --- listeners ------------------------------------------------------------------------------------------------

    @Test
    void everyListenerAuthenticatesWithSasl() {
        Map<String, String> protocols = protocolMap();
        for (String listener : listeners(kafka.get("KAFKA_LISTENERS")).keySet()) {
            String protocol = protocols.get(listener);
            assertNotNull(protocol, listener + " has no security protocol");
            assertTrue(protocol.startsWith("SASL_"), listener + " is " + protocol + ": no authentication");
        }
        assertEquals("SCRAM-SHA-512", kafka.get("KAFKA_SASL_ENABLED_MECHANISMS"));
        assertEquals("SCRAM-SHA-512", kafka.get("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL"));
        // The controller listener takes the broker's own user only: a static PLAIN login, no SCRAM users.
        String controller = kafka.get("KAFKA_CONTROLLER_LISTENER_NAMES");
        assertEquals("PLAIN", kafka.get("KAFKA_LISTENER_NAME_" + controller + "_SASL_ENABLED_MECHANISMS"));
        String controllerJaas = kafka.get("KAFKA_LISTENER_NAME_" + controller + "_PLAIN_SASL_JAAS_CONFIG");
        assertEquals(Set.of("user_admin"), matches(Pattern.compile("\\b(user_\\w+)="), controllerJaas),
                "the controller listener's users");
    }

    @Test
    void onlyTheExternalSaslListenerIsPublishedAndOnLoopbackByDefault() {
        Map<String, Integer> ports = listeners(kafka.get("KAFKA_LISTENERS"));
        Map<String, String> protocols = protocolMap();
        List<String> published = list(service("kafka").get("ports"));
        assertEquals(1, published.size(), "kafka publishes " + published);
        for (String raw : published) {
            assertTrue(raw.startsWith("${KAFKA_EXTERNAL_BIND:-127.0.0.1}:"),
                    "the broker's port binds to 127.0.0.1 unless KAFKA_EXTERNAL_BIND says otherwise: " + raw);
            String mapping = ComposeFile.interpolate(raw, Map.of());
            int containerPort = Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1).replace("/tcp", ""));
            String listener = ports.entrySet().stream().filter(e -> e.getValue() == containerPort)
                    .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError(
                            "published port " + containerPort + " is no listener's"));
            assertTrue(protocols.get(listener).startsWith("SASL_"), listener + " is published without SASL");
            assertFalse(listener.equals(kafka.get("KAFKA_CONTROLLER_LISTENER_NAMES")), "the controller is published");
            assertFalse(listener.equals(kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME")),
                    "the inter-broker listener is published");
        }
        assertEquals("127.0.0.1:29092:29092", ComposeFile.interpolate(published.get(0), Map.of()));
        assertEquals("0.0.0.0:29092:29092", ComposeFile.interpolate(published.get(0), Map.of("KAFKA_EXTERNAL_BIND", "0.0.0.0")));
    }

    @Test
    void theBrokerDeniesWhatNoAclAllows() {
        assertEquals("org.apache.kafka.metadata.authorizer.StandardAuthorizer", kafka.get("KAFKA_AUTHORIZER_CLASS_NAME"));
        assertEquals("false", kafka.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND"));
        assertEquals("User:admin", kafka.get("KAFKA_SUPER_USERS"));
    }

    // --- the services' clients ------------------------------------------------------------------------------------

    @Test
    void everyServiceConnectsWithSaslAsItsOwnUser() {
        String internal = kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME");
        int internalPort = listeners(kafka.get("KAFKA_LISTENERS")).get(internal);
        for (Map.Entry<String, String> entry : USERS.entrySet()) {
            String service = entry.getKey();
            String user = entry.getValue();
            Map<String, String> env = environment(service);
            assertEquals("kafka:" + internalPort, env.get("KAFKA_BOOTSTRAP_SERVERS"), service);
            assertEquals("SASL_PLAINTEXT", env.get("KAFKA_SECURITY_PROTOCOL"), service);
            assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM"), service);
            String jaas = env.get("KAFKA_SASL_JAAS_CONFIG");
            assertNotNull(jaas, service + " has no KAFKA_SASL_JAAS_CONFIG");
            assertTrue(jaas.startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required "), jaas);
            assertEquals(user, jaasOption(jaas, "username"), service + "'s user");
            String variable = user.toUpperCase() + "_KAFKA_PASSWORD";
            String password = jaasOption(jaas, "password");
            assertTrue(password.startsWith("${" + variable + ":-"), service + " takes its password from " + variable);
            // The broker's side creates the user from the same variable with the same default.
            assertEquals(password, kafka.get(variable), "kafka's " + variable);
            for (Map.Entry<String, String> variableEntry : env.entrySet()) {
                String value = variableEntry.getValue();
                assertFalse(value.contains("KAFKA_ADMIN_PASSWORD") || value.contains("\"admin\""),
                        service + " must not know the admin's credentials: " + variableEntry.getKey());
                for (String other : users()) {
                    if (!other.equals(user)) {
                        assertFalse(value.contains(other.toUpperCase() + "_KAFKA_PASSWORD"),
                                service + " must not know " + other + "'s password");
                    }
                }
            }
        }
    }

    @Test
    void passwordsComeFromVariablesWithMarkedDevelopmentDefaults() throws IOException {
        for (String user : users()) {
            String variable = user.toUpperCase() + "_KAFKA_PASSWORD";
            assertTrue(kafka.containsKey(variable), "kafka gets " + variable);
            assertTrue(kafka.get(variable).matches("\\$\\{" + variable + ":-dev-only-[a-z]+-password}"),
                    variable + ": " + kafka.get(variable));
            assertTrue(initScript.contains("--entity-name " + user + " --add-config \"$(scram " + variable + ")\""),
                    "kafka-init.sh sets " + user + "'s password from " + variable);
        }
        assertEquals("${KAFKA_ADMIN_PASSWORD:-dev-only-admin-password}", kafka.get("SCRAM_ADMIN_PASSWORD"));
        String text = Files.readString(root.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
        assertTrue(text.contains("DEVELOPMENT DEFAULTS"), "the compose file marks its password defaults");
        // The broker's own JAAS logins use the admin's variable, nothing else.
        for (Map.Entry<String, String> entry : kafka.entrySet()) {
            if (entry.getKey().endsWith("_SASL_JAAS_CONFIG") && entry.getValue().contains("password=")) {
                assertEquals(Set.of("KAFKA_ADMIN_PASSWORD"),
                        matches(Pattern.compile("\\$\\{(\\w+):-"), entry.getValue()), entry.getKey());
            }
        }
    }

    // --- ACLs -----------------------------------------------------------------------------------------------------

    @Test
    void everyTopicIsWrittenByItsOwnerAlone() {
        for (Map.Entry<String, String> topic : OWNERS.entrySet()) {
            Set<String> writers = acls.stream()
                    .filter(acl -> acl.type().equals("TOPIC") && acl.matches(topic.getKey()))
                    .filter(acl -> acl.operation().equals("WRITE") || acl.operation().equals("ALL"))
                    .map(Acl::principal).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of("User:" + topic.getValue()), writers, "who may write " + topic.getKey());
        }
        for (Acl acl : acls) {
            if (acl.type().equals("TOPIC") && WRITING.contains(acl.operation())) {
                assertEquals("User:" + OWNERS.get(acl.name()), acl.principal(), "only a topic's owner may " + acl);
                assertEquals("LITERAL", acl.pattern(), "writing by prefix or wildcard: " + acl);
            }
        }
    }

    @Test
    void theSubscriberOnlyReads() {
        List<Acl> subscriber = acls.stream().filter(acl -> acl.principal().equals("User:" + SUBSCRIBER)).toList();
        for (Acl acl : subscriber) {
            assertTrue(Set.of("READ", "DESCRIBE").contains(acl.operation()), "the subscriber may " + acl);
        }
        for (String topic : OWNERS.keySet()) {
            assertTrue(subscriber.contains(new Acl("User:" + SUBSCRIBER, "TOPIC", topic, "LITERAL", "READ")),
                    "the subscriber reads " + topic);
        }
        assertTrue(subscriber.contains(new Acl("User:" + SUBSCRIBER, "GROUP", "subscriber-", "PREFIXED", "READ")),
                "the subscriber's groups are subscriber-*");
        assertTrue(subscriber.stream().noneMatch(acl -> acl.type().equals("CLUSTER")), "the subscriber on the cluster");
    }

    @Test
    void aclsAreLiteralAndNarrow() {
        for (Acl acl : acls) {
            assertFalse(acl.name().equals("*"), "wildcard resource: " + acl);
            assertFalse(acl.principal().equals("User:*"), "wildcard principal: " + acl);
            assertFalse(Set.of("ALL", "DELETE", "ALTER", "CLUSTERACTION").contains(acl.operation()), "too broad: " + acl);
            if (acl.pattern().equals("PREFIXED")) {
                assertEquals(new Acl("User:" + SUBSCRIBER, "GROUP", "subscriber-", "PREFIXED", "READ"), acl,
                        "the one prefixed ACL is the subscriber's groups");
            }
            if (acl.type().equals("CLUSTER")) {
                assertEquals("IDEMPOTENTWRITE", acl.operation(), "on the cluster only idempotent producers: " + acl);
            }
            if (acl.type().equals("TOPIC")) {
                assertTrue(OWNERS.containsKey(acl.name()), "an ACL on a topic the deployment does not have: " + acl);
            }
        }
        Set<String> users = acls.stream().map(Acl::principal).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("User:ingest", "User:facts", "User:metrics", "User:subscriber"), users);
    }

    @Test
    void theServicesHaveWhatTheirConfigurationUses() throws IOException {
        for (Map.Entry<String, String> entry : USERS.entrySet()) {
            String principal = "User:" + entry.getValue();
            Properties config = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    root.resolve(entry.getKey() + "/src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
                config.load(reader);
            }
            for (String key : config.stringPropertyNames()) {
                String value = config.getProperty(key).trim();
                if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                    assertAllowed(principal, "TOPIC", value, "READ", entry.getKey() + " consumes " + value);
                } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                    assertAllowed(principal, "GROUP", value, "READ", entry.getKey() + "'s group " + value);
                } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic")
                        || key.matches("mp\\.messaging\\.outgoing\\.[^.]+\\.topic")) {
                    assertAllowed(principal, "TOPIC", value, "WRITE", entry.getKey() + " writes " + value);
                    assertAllowed(principal, "TOPIC", value, "CREATE", entry.getKey() + " creates " + value);
                } else if (key.matches("counterpart\\.outbox\\.topics\\.[^.]+\\..+")) {
                    String topic = key.split("\\.")[3];
                    assertAllowed(principal, "TOPIC", topic, "WRITE", entry.getKey() + " publishes " + topic);
                    assertAllowed(principal, "TOPIC", topic, "ALTERCONFIGS", entry.getKey() + " tunes " + topic);
                }
            }
            for (Map.Entry<String, String> owned : OWNERS.entrySet()) {
                if (owned.getValue().equals(entry.getValue())) {
                    assertAllowed(principal, "TOPIC", owned.getKey(), "DESCRIBE", entry.getKey() + " owns " + owned);
                }
            }
            assertAllowed(principal, "CLUSTER", "kafka-cluster", "IDEMPOTENTWRITE", entry.getKey() + " produces");
        }
        // The publishers create, and bring to their settings, the topics they own.
        for (String topic : List.of("reports", "facts")) {
            String owner = "User:" + OWNERS.get(topic);
            for (String operation : List.of("CREATE", "ALTERCONFIGS", "DESCRIBECONFIGS")) {
                assertAllowed(owner, "TOPIC", topic, operation, owner + " sets up " + topic);
            }
        }
    }

    private static void assertAllowed(String principal, String type, String name, String operation, String why) {
        boolean allowed = acls.stream().anyMatch(acl -> acl.principal().equals(principal) && acl.type().equals(type)
                && acl.matches(name) && (acl.operation().equals(operation)
                || acl.operation().equals("READ") && operation.equals("DESCRIBE")
                || acl.operation().equals("WRITE") && operation.equals("DESCRIBE")));
        assertTrue(allowed, why + ": no ACL lets " + principal + " " + operation + " " + type + " " + name);
    }

    // --- the script's own parser, checked ---------------------------------------------------------------------------

    @Test
    void theAclParserReadsTheScriptsShellSyntax() {
        String script = String.join("\n",
                "ops=(--operation Write --operation Describe)",
                "background acls --allow-principal User:a --allow-principal User:b \\",
                "  --topic t1 --topic \"t2\" \"${ops[@]}\"",
                "acls --allow-principal User:c --resource-pattern-type prefixed --group g- --operation Read",
                "# acls --allow-principal User:x --topic t --operation Write",
                "background acls --allow-principal User:d --cluster --operation IdempotentWrite");
        List<Acl> parsed = Acl.parse(script);
        assertEquals(Set.of(
                new Acl("User:a", "TOPIC", "t1", "LITERAL", "WRITE"), new Acl("User:a", "TOPIC", "t1", "LITERAL", "DESCRIBE"),
                new Acl("User:a", "TOPIC", "t2", "LITERAL", "WRITE"), new Acl("User:a", "TOPIC", "t2", "LITERAL", "DESCRIBE"),
                new Acl("User:b", "TOPIC", "t1", "LITERAL", "WRITE"), new Acl("User:b", "TOPIC", "t1", "LITERAL", "DESCRIBE"),
                new Acl("User:b", "TOPIC", "t2", "LITERAL", "WRITE"), new Acl("User:b", "TOPIC", "t2", "LITERAL", "DESCRIBE"),
                new Acl("User:c", "GROUP", "g-", "PREFIXED", "READ"),
                new Acl("User:d", "CLUSTER", "kafka-cluster", "LITERAL", "IDEMPOTENTWRITE")), Set.copyOf(parsed));
        assertTrue(new Acl("User:c", "GROUP", "g-", "PREFIXED", "READ").matches("g-1"));
        assertFalse(new Acl("User:a", "TOPIC", "t1", "LITERAL", "READ").matches("t10"));
        assertEquals(34, acls.size(), "the ACLs kafka-init.sh adds, one per principal, resource and operation");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** One allowed (principal, resource, operation), as kafka-acls.sh --add creates it. */
    record Acl(String principal, String type, String name, String pattern, String operation) {

        boolean matches(String resource) {
            return pattern.equals("PREFIXED") ? resource.startsWith(name) : name.equals(resource) || name.equals("*");
        }

        private static final Pattern ARRAY = Pattern.compile("^(\\w+)=\\((.*)\\)$");

        /** The ACLs of every `acls` line of a script (line continuations joined, "${array[@]}" expanded). */
        static List<Acl> parse(String script) {
            Map<String, List<String>> arrays = new HashMap<>();
            List<Acl> result = new ArrayList<>();
            for (String line : script.replace("\\\n", " ").split("\n")) {
                line = line.strip();
                Matcher array = ARRAY.matcher(line);
                if (array.matches()) {
                    arrays.put(array.group(1), words(array.group(2), arrays));
                    continue;
                }
                List<String> words = words(line, arrays);
                if (!words.isEmpty() && words.get(0).equals("background")) {
                    words = words.subList(1, words.size());
                }
                if (words.isEmpty() || !words.get(0).equals("acls")) {
                    continue;
                }
                result.addAll(command(words.subList(1, words.size())));
            }
            return result;
        }

        private static List<Acl> command(List<String> args) {
            List<String> principals = new ArrayList<>();
            Map<String, List<String>> resources = new LinkedHashMap<>();
            List<String> operations = new ArrayList<>();
            String pattern = "LITERAL";
            for (int i = 0; i < args.size(); i++) {
                String flag = args.get(i);
                switch (flag) {
                    case "--allow-principal" -> principals.add(args.get(++i));
                    case "--topic" -> resources.computeIfAbsent("TOPIC", k -> new ArrayList<>()).add(args.get(++i));
                    case "--group" -> resources.computeIfAbsent("GROUP", k -> new ArrayList<>()).add(args.get(++i));
                    case "--cluster" -> resources.computeIfAbsent("CLUSTER", k -> new ArrayList<>()).add("kafka-cluster");
                    case "--operation" -> operations.add(args.get(++i).toUpperCase());
                    case "--resource-pattern-type" -> pattern = args.get(++i).toUpperCase();
                    default -> fail("kafka-init.sh's acls uses " + flag + ", which this test does not understand");
                }
            }
            assertFalse(principals.isEmpty() || resources.isEmpty() || operations.isEmpty(), "incomplete: " + args);
            List<Acl> result = new ArrayList<>();
            for (String principal : principals) {
                for (Map.Entry<String, List<String>> resource : resources.entrySet()) {
                    for (String name : resource.getValue()) {
                        for (String operation : operations) {
                            result.add(new Acl(principal, resource.getKey(), name, pattern, operation));
                        }
                    }
                }
            }
            return result;
        }

        /** Shell words: blanks separate, quotes group, a comment ends the line, "${name[@]}" is the array's words. */
        private static List<String> words(String line, Map<String, List<String>> arrays) {
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    word = word == null ? new StringBuilder() : word;
                } else if (c == '#' && word == null) {
                    break;
                } else if (Character.isWhitespace(c)) {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                } else {
                    word = word == null ? new StringBuilder() : word;
                    word.append(c);
                }
            }
            if (word != null) {
                words.add(word.toString());
            }
            List<String> expanded = new ArrayList<>();
            for (String w : words) {
                Matcher reference = Pattern.compile("^\\$\\{(\\w+)\\[@]}$").matcher(w);
                if (reference.matches()) {
                    List<String> values = arrays.get(reference.group(1));
                    assertNotNull(values, "undefined array " + w);
                    expanded.addAll(values);
                } else {
                    expanded.add(w);
                }
            }
            return expanded;
        }
    }

    private static Map<String, String> protocolMap() {
        Map<String, String> map = new TreeMap<>();
        for (String pair : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            String[] parts = pair.trim().split(":");
            map.put(parts[0], parts[1]);
        }
        return map;
    }

    /** Listener name to port, from a listeners value such as {@code INTERNAL://:9092,CONTROLLER://:9093}. */
    private static Map<String, Integer> listeners(String value) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (String listener : value.split(",")) {
            String trimmed = listener.trim();
            String name = trimmed.substring(0, trimmed.indexOf("://"));
            map.put(name, Integer.parseInt(trimmed.substring(trimmed.lastIndexOf(':') + 1)));
        }
        return map;
    }

    private static String jaasOption(String jaas, String option) {
        Matcher matcher = Pattern.compile("\\b" + option + "=\"([^\"]*)\"").matcher(jaas);
        assertTrue(matcher.find(), "no " + option + " in " + jaas);
        return matcher.group(1);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Set<String> users() {
        Set<String> users = new TreeSet<>(USERS.values());
        users.add(SUBSCRIBER);
        return users;
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = map(services.get(name));
        assertNotNull(service, "no service " + name);
        return service;
    }

    /** A service's environment as written (merge keys resolved, values not interpolated). */
    private static Map<String, String> environment(String name) {
        Map<String, String> env = new TreeMap<>();
        map(service(name).get("environment")).forEach((key, value) -> env.put(key, String.valueOf(value)));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return (List<String>) value;
    }
}
