package org.counterpart.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The deployment of docker-compose.yml as Testcontainers: Kafka, one PostgreSQL per service and the three services on
 * one network, each under its compose service name as alias, with the file's images, environment, files, entry point
 * and health checks. Faults act on the same containers through the Docker API: stop (SIGTERM, 20 s grace), start, and
 * SIGKILL.
 *
 * <p>Host ports: a restarted container may be published on another host port, so the services' ports are read again
 * from the engine after every start ({@link #url}). Kafka's EXTERNAL listener is the exception: the broker advertises
 * its host port, fixed when the container is created, so that one is bound to a port chosen here, as compose does.
 */
final class ContainerStack implements Deployment.Endpoints, AutoCloseable {

    static final List<String> DATABASES = List.of("ingest-db", "facts-db", "metrics-db");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Network network = Network.newNetwork();
    private final Map<String, GenericContainer<?>> containers = new LinkedHashMap<>();
    private final Map<String, String> urls = new ConcurrentHashMap<>();
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private final int kafkaPort;
    private final String host;

    /**
     * @param variables the compose variables of this run (passwords, API key hashes); the Kafka port and host are
     *                  added here
     */
    ContainerStack(ComposeFile compose, Map<String, String> variables, Map<String, String> serviceImages) {
        host = DockerClientFactory.instance().dockerHostIpAddress();
        kafkaPort = freePort();
        Map<String, String> vars = new LinkedHashMap<>(variables);
        vars.put("KAFKA_EXTERNAL_PORT", String.valueOf(kafkaPort));
        vars.put("KAFKA_EXTERNAL_HOST", host);
        if (!host.equals("localhost") && !host.equals("127.0.0.1")) {
            // The compose default binds loopback only; the address Testcontainers reaches containers on (e.g. the
            // bridge gateway without TESTCONTAINERS_HOST_OVERRIDE=localhost) must reach the broker too.
            vars.put("KAFKA_EXTERNAL_BIND", "0.0.0.0");
        }

        GenericContainer<?> kafka = new GenericContainer<>(DockerImageName.parse(compose.image("kafka", vars)))
                .withEnv(compose.environment("kafka", vars))
                .waitingFor(new HealthyOrExited(Duration.ofMinutes(5)));
        compose.files("kafka").forEach((file, target) ->
                kafka.withCopyFileToContainer(MountableFile.forHostPath(file, 0755), target));
        List<String> entrypoint = compose.entrypoint("kafka");
        kafka.setPortBindings(compose.ports("kafka", vars));
        add("kafka", kafka, compose.healthCheck("kafka"), entrypoint);

        for (String db : DATABASES) {
            Map<String, String> env = compose.environment(db, vars);
            // The stand-in image is built locally from docker/postgres; the official one serves as well.
            PostgreSQLContainer postgres = new PostgreSQLContainer(
                    DockerImageName.parse(compose.image(db, vars)).asCompatibleSubstituteFor("postgres"))
                    .withDatabaseName(env.get("POSTGRES_DB"))
                    .withUsername(env.get("POSTGRES_USER"))
                    .withPassword(env.get("POSTGRES_PASSWORD"));
            // Ready by the compose file's pg_isready check, not by counting log lines (the stand-in starts once).
            postgres.waitingFor(new HealthyOrExited(Duration.ofMinutes(2)));
            add(db, postgres, compose.healthCheck(db), List.of());
        }

        for (String service : ServiceImages.SERVICES) {
            int port = compose.containerPort(service);
            servicePorts.put(service, port);
            GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(serviceImages.get(service)))
                    .withEnv(compose.environment(service, vars))
                    .withExposedPorts(port)
                    .waitingFor(new HealthyOrExited(Duration.ofMinutes(4)));
            add(service, container, compose.healthCheck(service), List.of());
        }
    }

    private void add(String name, GenericContainer<?> container, HealthCheck health, List<String> entrypoint) {
        container.withNetwork(network).withNetworkAliases(name)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withHealthcheck(health).withName("counterpart-systest-" + name + "-" + Long.toHexString(
                            System.nanoTime() & 0xffffff));
                    if (!entrypoint.isEmpty()) {
                        cmd.withEntrypoint(entrypoint);
                    }
                });
        containers.put(name, container);
    }

    /**
     * Kafka and the databases together, then the services (compose's depends_on: healthy) one at a time: three
     * Quarkus start-ups at once on a busy 2-core machine can take longer than a service's 5 s wait for its first
     * database connection, and it then exits.
     */
    void start() {
        Startables.deepStart(containers.entrySet().stream().filter(e -> !servicePorts.containsKey(e.getKey()))
                .map(Map.Entry::getValue)).join();
        for (String service : servicePorts.keySet()) {
            containers.get(service).start();
            republished(service);
        }
    }

    String kafkaBootstrap() { return host + ":" + kafkaPort; }

    @Override
    public String url(String service) {
        String url = urls.get(service);
        if (url == null) {
            throw new IllegalArgumentException("no published service " + service);
        }
        return url;
    }

    void stop(String name) {
        docker().stopContainerCmd(id(name)).withTimeout((int) STOP_GRACE.toSeconds()).exec();
    }

    void kill(String name) {
        docker().killContainerCmd(id(name)).withSignal("SIGKILL").exec();
    }

    /** Starts a stopped or killed container again (no-op if it runs) and reads its new host port. */
    void start(String name) {
        if (!Boolean.TRUE.equals(docker().inspectContainerCmd(id(name)).exec().getState().getRunning())) {
            docker().startContainerCmd(id(name)).exec();
        }
        if (servicePorts.containsKey(name)) {
            republished(name);
        }
    }

    /** Every container started again where it is not running (after a failed fault injection). */
    void startAll() {
        containers.keySet().forEach(this::start);
    }

    /** Writes every container's log (stdout and stderr, across restarts) to {@code dir}. */
    void saveLogs(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, GenericContainer<?>> entry : containers.entrySet()) {
                if (entry.getValue().getContainerId() != null) {
                    Files.writeString(dir.resolve(entry.getKey() + ".log"), entry.getValue().getLogs(),
                            StandardCharsets.UTF_8);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("[system] could not save the containers' logs: " + e);
        }
    }

    @Override
    public void close() {
        List<String> names = new ArrayList<>(containers.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            try {
                containers.get(name).stop();
            } catch (RuntimeException e) {
                System.err.println("[system] could not remove " + name + ": " + e);
            }
        }
        network.close();
    }

    private void republished(String service) {
        Ports.Binding[] bindings = docker().inspectContainerCmd(id(service)).exec().getNetworkSettings().getPorts()
                .getBindings().get(ExposedPort.tcp(servicePorts.get(service)));
        if (bindings == null || bindings.length == 0) {
            throw new IllegalStateException(service + " publishes no port after its start");
        }
        String url = "http://" + host + ":" + bindings[0].getHostPortSpec();
        String before = urls.put(service, url);
        if (before != null && !before.equals(url)) {
            System.out.printf("[system]   %s restarted on another host port: %s, was %s%n", service, url, before);
        }
    }

    private String id(String name) {
        String id = containers.get(name).getContainerId();
        if (id == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return id;
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
