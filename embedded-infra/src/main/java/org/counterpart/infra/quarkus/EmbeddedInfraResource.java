package org.counterpart.infra.quarkus;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.counterpart.infra.EmbeddedKafka;
import org.counterpart.infra.EmbeddedPostgresServer;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker and a real PostgreSQL database, both inside the test JVM.
 * The servers are shared by all test classes of one JVM and stopped when it exits; each service names its
 * own database with the init argument {@code database}.
 */
public class EmbeddedInfraResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        SharedInfra infra = SharedInfra.get();
        return Map.of(
                "kafka.bootstrap.servers", infra.kafka().bootstrapServers(),
                "quarkus.datasource.jdbc.url", infra.postgres().database(database),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // Shared across test classes; SharedInfra stops both servers when the JVM exits.
    }

    /** One broker and one database server per test JVM: starting them per test class would triple the run time. */
    public static final class SharedInfra {
        private static SharedInfra instance;
        private final EmbeddedKafka kafka;
        private final EmbeddedPostgresServer postgres;

        private SharedInfra() {
            postgres = EmbeddedPostgresServer.startTemporary();
            kafka = EmbeddedKafka.start(3);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                postgres.close();
            }, "embedded-infra-stop"));
        }

        public static synchronized SharedInfra get() {
            if (instance == null) {
                instance = new SharedInfra();
            }
            return instance;
        }

        public EmbeddedKafka kafka() {
            return kafka;
        }

        public EmbeddedPostgresServer postgres() {
            return postgres;
        }
    }
}
