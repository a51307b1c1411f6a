package org.counterpart.stack;

import java.nio.file.Path;

/**
 * Where the local stack keeps its data and which ports it uses. The defaults are the contract ports
 * (ingest 8081, facts 8082, metrics 8083, Kafka 9092); tests choose free ones.
 */
public record StackSettings(Path projectRoot, Path home, int kafkaPort, int kafkaControllerPort, int postgresPort,
                            int ingestPort, int factsPort, int metricsPort, StackAccess access) {

    public static StackSettings defaults(Path projectRoot) {
        return new StackSettings(projectRoot, projectRoot.resolve(".counterpart-data"),
                intProperty("counterpart.kafka.port", 9092), intProperty("counterpart.kafka.controller-port", 9093),
                intProperty("counterpart.postgres.port", 15432),
                8081, 8082, 8083, StackAccess.fromEnvironment());
    }

    private static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }

    public String url(int port) {
        return "http://localhost:" + port;
    }
}
