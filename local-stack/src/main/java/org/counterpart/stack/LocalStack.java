package org.counterpart.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.counterpart.infra.EmbeddedPostgresServer;
import org.counterpart.infra.LocalKafkaBroker;
import org.counterpart.infra.SeverableProxy;

/**
 * The whole system on one machine with nothing installed but a JDK: a KRaft Kafka broker and a PostgreSQL server
 * from Maven artifacts, one database per service, and the three services as their own processes. Data stays
 * under one folder across restarts; everything stops cleanly on Ctrl-C.
 */
public final class LocalStack implements AutoCloseable {

    private final StackSettings settings;
    private final boolean severableDatabase;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final java.util.List<ServiceProcess> services = new java.util.ArrayList<>();
    /** Each service's environment, by database name ("facts"), for further instances of it. */
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private LocalKafkaBroker kafka;
    private SeverableProxy databaseLink;

    public LocalStack(StackSettings settings) {
        this(settings, false);
    }

    private LocalStack(StackSettings settings, boolean severableDatabase) {
        this.settings = settings;
        this.severableDatabase = severableDatabase;
    }

    /**
     * For outage tests: the services reach PostgreSQL through a {@link SeverableProxy} the test can cut
     * ({@link #databaseLink()}), so that every service loses its database at once while the processes live on.
     */
    public static LocalStack withSeverableDatabase(StackSettings settings) {
        return new LocalStack(settings, true);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("counterpart.project-root", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(StackSettings.defaults(root));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Counterpart ...");
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start();
            int loaded = new SampleReports(stack.settings.url(stack.settings.ingestPort()), stack.settings.access())
                    .load();
            stack.printWelcome(loaded);
        } catch (Exception e) {
            System.err.println("Counterpart did not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    public void start() throws IOException, InterruptedException {
        Path home = settings.home();
        log("Data folder: " + home);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startPersistent(home.resolve("postgres"),
                settings.postgresPort());
        running.push(postgres);
        log("PostgreSQL on port " + postgres.port());
        if (severableDatabase) {
            // Pushed after PostgreSQL, so closed before it and after the services.
            databaseLink = SeverableProxy.start(postgres.port());
            running.push(databaseLink);
            log("PostgreSQL reached through a severable link on port " + databaseLink.port());
        }
        kafka = LocalKafkaBroker.start(home.resolve("kafka"), settings.kafkaPort(),
                settings.kafkaControllerPort(), 3);
        running.push(kafka);
        log("Kafka (KRaft) on " + kafka.bootstrapServers());

        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("ingest", settings.ingestPort());
        services.put("facts", settings.factsPort());
        services.put("metrics", settings.metricsPort());
        for (Map.Entry<String, Integer> service : services.entrySet()) {
            String db = service.getKey();
            String prefix = db.toUpperCase(java.util.Locale.ROOT);
            Map<String, String> env = new java.util.HashMap<>(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    prefix + "_DB_URL", databaseUrl(postgres, db),
                    prefix + "_DB_USER", EmbeddedPostgresServer.USER,
                    prefix + "_DB_PASSWORD", "postgres"));
            env.putAll(settings.access().serviceEnvironment());
            if ("metrics".equals(db)) {
                // the dashboard's claims open facts-service's report view, wherever this stack put it
                env.put("FACTS_BASE_URL", settings.url(settings.factsPort()));
            }
            environments.put(db, Map.copyOf(env));
            ServiceProcess process = ServiceProcess.start(db + "-service", settings.projectRoot(), service.getValue(),
                    env, home.resolve("logs"));
            running.push(process);
            this.services.add(process);
            // One after another: each starts on an idle machine, so its start-up time is its own.
            process.awaitReady(Duration.ofSeconds(120));
            log(process.name() + " ready in " + process.startUp().toMillis() + " ms");
        }
    }

    /** The database's URL as the services see it: straight to PostgreSQL, or through the severable link. */
    private String databaseUrl(EmbeddedPostgresServer postgres, String db) {
        String direct = postgres.database(db);
        return databaseLink == null ? direct
                : "jdbc:postgresql://localhost:" + databaseLink.port() + "/" + db;
    }

    /** The link between the services and PostgreSQL; only in a stack made {@link #withSeverableDatabase}. */
    public SeverableProxy databaseLink() {
        if (databaseLink == null) {
            throw new IllegalStateException("This stack reaches PostgreSQL directly; use withSeverableDatabase");
        }
        return databaseLink;
    }

    /** Where the stack's Kafka broker listens, for tests that read or write its topics directly. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The running services, for measuring them. */
    public java.util.List<ServiceProcess> services() {
        return java.util.List.copyOf(services);
    }

    /**
     * Starts one more instance of a running service ("facts", "metrics") on another port: the same database, the same
     * broker, so the same consumer group, which shares the topic's partitions out between the instances. Stopped
     * with the stack. Its log is in {@code logs/<port>/}.
     */
    public ServiceProcess startAnotherInstance(String db, int port) throws IOException, InterruptedException {
        Map<String, String> env = environments.get(db);
        if (env == null) {
            throw new IllegalArgumentException("No running service with database " + db + "; start the stack first");
        }
        ServiceProcess process = ServiceProcess.start(db + "-service", settings.projectRoot(), port, env,
                settings.home().resolve("logs").resolve(Integer.toString(port)));
        running.push(process);
        process.awaitReady(Duration.ofSeconds(120));
        log(process.name() + " (another instance, port " + port + ") ready in " + process.startUp().toMillis() + " ms");
        return process;
    }

    public StackSettings settings() {
        return settings;
    }

    private void printWelcome(int loaded) {
        System.out.printf("""

                Counterpart is running (%d sample reports loaded). %s
                  Dashboard:    %s/dashboard
                  Totals:       %s/totals
                  Post reports: curl -H 'Content-Type: text/plain' --data-binary @report.txt %s/reports
                  Facts:        %s/facts
                  Logs:         %s
                Press Ctrl-C to stop; data is kept in %s.
                %n""", loaded, settings.access().describe(), settings.url(settings.metricsPort()), settings.url(settings.metricsPort()),
                settings.url(settings.ingestPort()), settings.url(settings.factsPort()),
                settings.home().resolve("logs"), settings.home());
    }

    private static void log(String line) {
        System.out.println("[counterpart] " + line);
    }

    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e);
            }
        }
    }
}
