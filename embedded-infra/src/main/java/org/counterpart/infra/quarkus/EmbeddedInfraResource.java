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
                "kafka.bootstrap.servers", infra.bootstrapServers(),
                "quarkus.datasource.jdbc.url", infra.database(database),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // Shared across test classes; SharedInfra stops both servers when the JVM exits.
    }

    /**
     * One broker and one database server per test JVM: starting them per test class would triple the run time.
     * Quarkus loads this class again in a new class loader whenever a test profile restarts the application, so
     * the servers' addresses are kept in system properties (JVM-wide), not in a static field of this class.
     */
    public static final class SharedInfra {
        private static final String KAFKA = "counterpart.test.kafka.bootstrap";
        private static final String POSTGRES_PORT = "counterpart.test.postgres.port";
        /** Keeps the servers of the first class loader reachable; the shutdown hook stops them. */
        private static Object[] servers;

        private final String bootstrapServers;
        private final int postgresPort;

        private SharedInfra(String bootstrapServers, int postgresPort) {
            this.bootstrapServers = bootstrapServers;
            this.postgresPort = postgresPort;
        }

        public static SharedInfra get() {
            synchronized (System.class) {
                if (System.getProperty(KAFKA) == null) {
                    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary();
                    EmbeddedKafka kafka = EmbeddedKafka.start(3);
                    servers = new Object[] {postgres, kafka};
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        kafka.close();
                        postgres.close();
                    }, "embedded-infra-stop"));
                    System.setProperty(KAFKA, kafka.bootstrapServers());
                    System.setProperty(POSTGRES_PORT, Integer.toString(postgres.port()));
                }
                return new SharedInfra(System.getProperty(KAFKA), Integer.getInteger(POSTGRES_PORT));
            }
        }

        public String bootstrapServers() {
            return bootstrapServers;
        }

        /** Creates the database unless it exists, and answers its JDBC URL. */
        public String database(String name) {
            return EmbeddedPostgresServer.createDatabase(postgresPort, name);
        }
    }
}
