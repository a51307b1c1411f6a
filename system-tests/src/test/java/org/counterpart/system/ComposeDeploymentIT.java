package org.counterpart.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.github.dockerjava.api.model.Container;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * docker-compose.yml is the deployment file, so the compose command itself must accept it and bring it up: the file
 * is checked ({@code config -q}), brought up once under a project of its own on free host ports, with the images the
 * Testcontainers tier built ({@link ServiceImages}; nothing is built twice), until every container is healthy and a
 * posted report reaches GET /totals on metrics-service; then it is taken down with its volumes. Fails under CI=true
 * where it cannot run (no engine, no compose command, an image missing), skips elsewhere.
 */
class ComposeDeploymentIT {

    private static final String PROJECT = "counterpart-composecheck";
    private static final Path LOGS = Path.of("target", "system-tests", "compose");
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(5);
    private static final Duration FIRST_TOTAL_WITHIN = Duration.ofMinutes(6);

    @Test
    void theComposeFileStartsAndCarriesAReportToTheTotals() throws Exception {
        Path file = Path.of(System.getProperty("system.compose.file", "../docker-compose.yml")).toAbsolutePath().normalize();
        ComposeFile composeFile = ComposeFile.read(file);
        Map<String, String> env = System.getenv();
        Optional<Compose> found = Compose.find(file, PROJECT);
        TierPrerequisites prerequisites = new TierPrerequisites("the compose check (ComposeDeploymentIT)")
                .dockerEngine()
                .images(List.of(composeFile.image("kafka", env), composeFile.image("ingest-db", env),
                        composeFile.buildArgs("ingest-service", env).get("JRE_IMAGE")))
                .packaged(composeFile.root(), ServiceImages.SERVICES);
        if (found.isEmpty()) {
            prerequisites.also("no compose command (neither `docker compose` nor `docker-compose`; "
                    + "docker/build-images.sh installs Debian's docker-compose)");
        }
        prerequisites.enforce();
        Compose compose = found.get();

        compose.run(Duration.ofMinutes(1), "config", "-q");

        long t0 = System.nanoTime();
        Map<String, String> images = ServiceImages.of(composeFile);
        RunSecrets secrets = RunSecrets.generate();
        Map<String, String> ports = new TreeMap<>(Map.of(
                "ingest-service", String.valueOf(ContainerStack.freePort()),
                "facts-service", String.valueOf(ContainerStack.freePort()),
                "metrics-service", String.valueOf(ContainerStack.freePort())));
        Map<String, String> variables = new HashMap<>(secrets.variables());
        variables.put("INGEST_PORT", ports.get("ingest-service"));
        variables.put("FACTS_PORT", ports.get("facts-service"));
        variables.put("METRICS_PORT", ports.get("metrics-service"));
        variables.put("KAFKA_EXTERNAL_PORT", String.valueOf(ContainerStack.freePort()));
        variables.put("INGEST_IMAGE", images.get("ingest-service"));
        variables.put("FACTS_IMAGE", images.get("facts-service"));
        variables.put("METRICS_IMAGE", images.get("metrics-service"));
        compose.env(variables);
        System.out.printf("[compose] %s -p %s up, ports %s%n", compose.describe(), PROJECT, ports);

        compose.run(Duration.ofMinutes(2), "down", "-v", "--remove-orphans");
        try {
            compose.run(Duration.ofMinutes(6), "up", "-d", "--no-build");
            awaitAllHealthy(compose.project());
            long up = (System.nanoTime() - t0) / 1_000_000_000;

            Deployment deployment = new Deployment(service -> "http://localhost:" + ports.get(service), secrets.apiKey());
            ReportGenerator.Report report = new ReportGenerator(System.nanoTime()).next();
            Deployment.Answer answer = deployment.post(report.text());
            assertEquals(202, answer.status(), "POST /reports on the compose deployment: " + answer.body());
            long posted = System.nanoTime();
            Deployment.Total total = awaitTotal(deployment, report.key());
            System.out.printf("[compose] the report reached GET /totals %ds after its post%n",
                    (System.nanoTime() - posted) / 1_000_000_000);
            assertEquals(0, report.value().compareTo(total.total()),
                    report.key() + ": expected " + report.value() + ", GET /totals says " + total.total());
            assertEquals(1, total.claimCount());
            System.out.printf("[compose] healthy in %ds; the report reached GET /totals after %ds in all%n", up,
                    (System.nanoTime() - t0) / 1_000_000_000);
        } finally {
            compose.saveLogs(LOGS);
            if (!Boolean.getBoolean("system.keep")) {
                compose.run(Duration.ofMinutes(2), "down", "-v", "--remove-orphans");
            }
        }
    }

    /** Every container of the project reports healthy (each service in the file has a health check). */
    private static Void awaitAllHealthy(String project) throws InterruptedException {
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        Map<String, String> states = Map.of();
        while (System.nanoTime() < deadline) {
            states = new TreeMap<>();
            for (Container container : DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("com.docker.compose.project", project)).exec()) {
                var state = DockerClientFactory.instance().client().inspectContainerCmd(container.getId()).exec()
                        .getState();
                String service = container.getLabels().get("com.docker.compose.service");
                if (!Boolean.TRUE.equals(state.getRunning())) {
                    return fail(service + " exited with code " + state.getExitCodeLong() + " before the deployment "
                            + "was healthy (its log: " + LOGS.toAbsolutePath() + "/compose.log)");
                }
                states.put(service, state.getHealth() == null ? "no health check" : state.getHealth().getStatus());
            }
            if (states.size() == 7 && states.values().stream().allMatch("healthy"::equals)) {
                return null;
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("not all of the deployment healthy within " + HEALTHY_WITHIN + ": " + states);
    }

    /**
     * Up to 6 minutes: on a fresh deployment metrics-service subscribes to `facts` before facts-service's outbox
     * creates it (with its first event), and its consumer may learn of the topic only at its next metadata refresh
     * (metadata.max.age.ms, 5 minutes by default).
     */
    private static Deployment.Total awaitTotal(Deployment deployment, ReportGenerator.Key key) throws Exception {
        long deadline = System.nanoTime() + FIRST_TOTAL_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Deployment.Total total = deployment.totals().get(key);
                if (total != null) {
                    return total;
                }
            } catch (IOException notYet) {
                // the consumer may still be joining its group
            }
            Thread.sleep(1000);
        }
        return fail("the posted report did not reach GET /totals within " + FIRST_TOTAL_WITHIN + " (" + key + ")");
    }
}
