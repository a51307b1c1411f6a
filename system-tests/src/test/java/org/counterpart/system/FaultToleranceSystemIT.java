package org.counterpart.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The system tier: the deployment of docker-compose.yml as Testcontainers ({@link ContainerStack}: Kafka, one
 * PostgreSQL per service, the three services built from their Dockerfiles, with the file's environment and health
 * checks) while a load generator posts reports, under faults injected through the Docker API. After each scenario,
 * once the system is quiet, GET /totals must equal the oracle computed from the accepted reports exactly, and every
 * accepted report must have its extraction. Where it cannot run (no engine, an image missing, services not packaged)
 * it fails under CI=true and skips elsewhere, saying why ({@link TierPrerequisites}).
 *
 * <p>Images: docker/build-images.sh (run by .ci/run) provides postgres:17, apache/kafka:4.1.1 and
 * eclipse-temurin:17-jre, pulled or built locally; {@link ServiceImages} builds the services' images.
 */
class FaultToleranceSystemIT {

    private static final List<String> SERVICES = ServiceImages.SERVICES;
    private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(120);
    /**
     * The first scenario's: on a fresh deployment metrics-service subscribes to `facts` before facts-service's outbox
     * creates it (with its first event), and its consumer may learn of the topic only at its next metadata refresh
     * (metadata.max.age.ms, 5 minutes by default). The row's "quiet" column shows how long it took.
     */
    private static final Duration FIRST_QUIET_TIMEOUT = Duration.ofMinutes(6);
    private static final Path LOGS = Path.of("target", "system-tests");

    private static ContainerStack stack;
    private static Deployment deployment;
    private static LoadGenerator load;
    private static RunSecrets secrets;
    private static final List<Row> table = new ArrayList<>();
    private static final Set<String> extracted = new HashSet<>();
    /**
     * What earlier scenarios already got wrong (actual − expected per row, reports without extraction): later
     * scenarios are measured against it so that each row shows only its own damage; the final check ignores it.
     */
    private static final Map<ReportGenerator.Key, BigDecimal> knownOffsets = new HashMap<>();
    private static final Map<ReportGenerator.Key, Integer> knownCountOffsets = new HashMap<>();
    private static final Set<String> knownMissing = new HashSet<>();
    private static boolean rebase = true;

    record Row(String scenario, LoadGenerator.Counts counts, BigDecimal expected, BigDecimal actual, BigDecimal difference,
               int claimCountsOff, int missingExtractions, Duration quietAfter, String note, boolean faultFailed) {
        boolean passed() {
            return !faultFailed && difference.signum() == 0 && claimCountsOff == 0 && missingExtractions == 0;
        }
    }

    @BeforeAll
    static void deploy() throws Exception {
        Path file = Path.of(System.getProperty("system.compose.file", "../docker-compose.yml")).toAbsolutePath().normalize();
        ComposeFile compose = ComposeFile.read(file);
        Map<String, String> env = System.getenv();
        new TierPrerequisites("the system tier (FaultToleranceSystemIT)")
                .dockerEngine()
                .images(List.of(compose.image("kafka", env), compose.image("ingest-db", env),
                        compose.buildArgs("ingest-service", env).get("JRE_IMAGE")))
                .packaged(compose.root(), SERVICES)
                .enforce();

        long t0 = System.nanoTime();
        Map<String, String> images = ServiceImages.of(compose);
        secrets = RunSecrets.generate();
        stack = new ContainerStack(compose, secrets.variables(), images);
        try {
            stack.start();
        } catch (RuntimeException e) {
            stack.saveLogs(LOGS);
            throw new IllegalStateException("the deployment did not come up; container logs in " + LOGS.toAbsolutePath(), e);
        }
        deployment = new Deployment(stack, secrets.apiKey());
        awaitReady(SERVICES);
        System.out.printf("[system] %s as Testcontainers, up in %ds; ingest %s, facts %s, metrics %s, kafka %s%n", file,
                (System.nanoTime() - t0) / 1_000_000_000, stack.url("ingest-service"), stack.url("facts-service"),
                stack.url("metrics-service"), stack.kafkaBootstrap());
        double rate = Double.parseDouble(System.getProperty("system.rate", "2"));
        load = new LoadGenerator(deployment, new ReportGenerator(20240501L), rate);
    }

    @AfterAll
    static void tearDown() {
        if (stack == null) {
            return;
        }
        stack.saveLogs(LOGS);
        if (!Boolean.getBoolean("system.keep")) {
            stack.close();
        }
    }

    @Test
    void totalsEqualTheOracleAfterEveryFault() throws Exception {
        Random random = new Random(7);
        scenario("fresh deployment, first reports", () -> pause(3), () -> "", FIRST_QUIET_TIMEOUT);
        scenario("baseline", () -> pause(20));
        scenario("kafka stopped 20s, restarted", () -> {
            pause(6);
            stack.stop("kafka");
            pause(20);
            stack.start("kafka");
            pause(10);
        });
        for (String service : SERVICES) {
            scenario(service + " SIGKILLed, restarted", () -> {
                pause(6);
                stack.kill(service);
                pause(4);
                stack.start(service);
                awaitReady(List.of(service));
                pause(6);
            });
        }
        for (String db : ContainerStack.DATABASES) {
            // Down for a while rather than an instant restart, so that events arrive while the database is away.
            scenario(db + " stopped 10s, restarted", () -> {
                pause(6);
                stack.stop(db);
                pause(10);
                stack.start(db);
                pause(8);
            });
        }
        String[] note = new String[1];
        scenario("duplicates + poison on reports, facts", () -> {
            pause(4);
            try (TopicWriter writer = new TopicWriter(stack.kafkaBootstrap(), secrets.kafkaAdminPassword())) {
                long reportsDlq = writer.size("reports-dlq");
                long factsDlq = writer.size("facts-dlq");
                int dupReports = writer.duplicate("reports", 40, random);
                int dupFacts = writer.duplicate("facts", 40, random);
                int poisonReports = writer.poison("reports");
                int poisonFacts = writer.poison("facts");
                pause(10);
                long reportsDead = writer.size("reports-dlq") - reportsDlq;
                long factsDead = writer.size("facts-dlq") - factsDlq;
                note[0] = String.format("dup %d+%d, poison %d+%d, dead-lettered %d+%d",
                        dupReports, dupFacts, poisonReports, poisonFacts, reportsDead, factsDead);
                if (reportsDead < 1 || factsDead < 1) {
                    throw new IllegalStateException("poison messages were not dead-lettered");
                }
            }
        }, () -> note[0]);

        // A last look at every live report, not only the new ones, against the plain oracle.
        extracted.clear();
        knownOffsets.clear();
        knownCountOffsets.clear();
        knownMissing.clear();
        rebase = false;
        Row last = verify("final check (all reports)", new LoadGenerator.Counts(), QUIET_TIMEOUT, "");
        table.add(last);
        String printed = print();
        System.out.println(printed);
        Files.createDirectories(LOGS);
        Files.writeString(LOGS.resolve("scenarios.txt"), printed, StandardCharsets.UTF_8);
        List<String> anomalies = load.anomalies();
        anomalies.forEach(a -> System.out.println("[system] anomaly: " + a));
        assertTrue(table.stream().allMatch(Row::passed), "a scenario ended with totals different from the oracle:\n" + printed);
        assertTrue(anomalies.isEmpty(), "the load generator saw unexpected answers: " + anomalies);
    }

    interface Fault {
        void inject() throws Exception;
    }

    private static void scenario(String name, Fault fault) throws Exception {
        scenario(name, fault, () -> "");
    }

    private static void scenario(String name, Fault fault, java.util.function.Supplier<String> note) throws Exception {
        scenario(name, fault, note, QUIET_TIMEOUT);
    }

    private static void scenario(String name, Fault fault, java.util.function.Supplier<String> note,
                                 Duration quietTimeout) throws Exception {
        System.out.printf("[system] scenario: %s%n", name);
        load.start();
        Exception failure = null;
        try {
            fault.inject();
        } catch (Exception e) {
            failure = e;
        }
        LoadGenerator.Counts counts = load.stop();
        if (failure != null) {
            // Bring everything back so that later scenarios still mean something; the row records the failure.
            System.out.println("[system]   fault injection failed: " + failure);
            stack.startAll();
        }
        long quietStart = System.nanoTime();
        String noted = note.get() == null ? "" : note.get();
        Row row = verify(name, counts, quietTimeout, noted);
        row = new Row(row.scenario(), row.counts(), row.expected(), row.actual(), row.difference(), row.claimCountsOff(),
                row.missingExtractions(), Duration.ofNanos(System.nanoTime() - quietStart),
                failure == null ? noted : (noted + " FAILED: " + failure.getMessage()).trim(), failure != null);
        table.add(row);
        System.out.printf("[system]   posted %d, accepted %d, deleted %d; difference %s, claim counts off %d, "
                        + "missing extractions %d; quiet after %ds %s%n", counts.posted, counts.accepted, counts.deleted,
                row.difference().toPlainString(), row.claimCountsOff(), row.missingExtractions(),
                row.quietAfter().toSeconds(), row.note());
    }

    /** Waits until the system is quiet (every live report extracted, totals equal the oracle), or the timeout. */
    private static Row verify(String name, LoadGenerator.Counts counts, Duration quietTimeout, String note) throws Exception {
        awaitReady(SERVICES);
        Map<ReportGenerator.Key, BigDecimal> expected = load.expectedTotals();
        Map<ReportGenerator.Key, Integer> expectedCounts = load.expectedClaimCounts();
        Map<String, ReportGenerator.Report> live = load.live();
        long deadline = System.nanoTime() + quietTimeout.toNanos();
        Comparison comparison;
        int missing;
        while (true) {
            missing = missingExtractions(live);
            comparison = compare(expected, expectedCounts, deployment.totals());
            if (missing == 0 && comparison.difference().signum() == 0 && comparison.claimCountsOff() == 0) {
                Thread.sleep(3000); // still so a moment later?
                comparison = compare(expected, expectedCounts, deployment.totals());
                if (comparison.difference().signum() == 0 && comparison.claimCountsOff() == 0) {
                    break;
                }
            }
            if (System.nanoTime() > deadline) {
                comparison.differences().stream().limit(10).forEach(d -> System.out.println("[system]   differs: " + d));
                if (rebase) {
                    Map<ReportGenerator.Key, Deployment.Total> actual = deployment.totals();
                    for (ReportGenerator.Key key : comparison.keys()) {
                        BigDecimal a = actual.containsKey(key) ? actual.get(key).total() : BigDecimal.ZERO;
                        knownOffsets.put(key, a.subtract(expected.getOrDefault(key, BigDecimal.ZERO)));
                        knownCountOffsets.put(key, (actual.containsKey(key) ? actual.get(key).claimCount() : 0)
                                - expectedCounts.getOrDefault(key, 0));
                    }
                    for (String id : live.keySet()) {
                        if (!extracted.contains(id)) {
                            knownMissing.add(id);
                            System.out.println("[system]   no extraction for report " + id + ": " + live.get(id).text());
                        }
                    }
                }
                break;
            }
            Thread.sleep(2000);
        }
        return new Row(name, counts, comparison.expected(), comparison.actual(), comparison.difference(),
                comparison.claimCountsOff(), missing, Duration.ZERO, note, false);
    }

    record Comparison(BigDecimal expected, BigDecimal actual, BigDecimal difference, int claimCountsOff,
                      List<String> differences, Set<ReportGenerator.Key> keys) {}

    /** Over every row of the generator's pairs: Σ expected, Σ actual, Σ |actual − expected|, claim counts that differ. */
    private static Comparison compare(Map<ReportGenerator.Key, BigDecimal> expected,
                                      Map<ReportGenerator.Key, Integer> expectedCounts,
                                      Map<ReportGenerator.Key, Deployment.Total> actual) {
        Set<ReportGenerator.Key> keys = new HashSet<>(expected.keySet());
        for (ReportGenerator.Key key : actual.keySet()) {
            if (ReportGenerator.PAIRS.contains(new ReportGenerator.Pair(key.donor(), key.recipient()))) {
                keys.add(key);
            }
        }
        BigDecimal sumExpected = BigDecimal.ZERO;
        BigDecimal sumActual = BigDecimal.ZERO;
        BigDecimal difference = BigDecimal.ZERO;
        int countsOff = 0;
        List<String> differences = new ArrayList<>();
        for (ReportGenerator.Key key : keys) {
            BigDecimal oracle = expected.getOrDefault(key, BigDecimal.ZERO);
            BigDecimal e = oracle.add(knownOffsets.getOrDefault(key, BigDecimal.ZERO));
            Deployment.Total row = actual.get(key);
            BigDecimal a = row == null ? BigDecimal.ZERO : row.total();
            int expectedCount = expectedCounts.getOrDefault(key, 0) + knownCountOffsets.getOrDefault(key, 0);
            int actualCount = row == null ? 0 : row.claimCount();
            sumExpected = sumExpected.add(oracle);
            sumActual = sumActual.add(a);
            difference = difference.add(a.subtract(e).abs());
            if (expectedCount != actualCount) {
                countsOff++;
            }
            if (e.compareTo(a) != 0 || expectedCount != actualCount) {
                differences.add(key + ": expected " + e.toPlainString() + " (" + expectedCount + " claims), actual "
                        + a.toPlainString() + " (" + actualCount + " claims)");
            }
        }
        return new Comparison(sumExpected, sumActual, difference, countsOff, differences, keys);
    }

    /** Live reports without a finished extraction of exactly one fact; confirmed ones are not asked again. */
    private static int missingExtractions(Map<String, ReportGenerator.Report> live) throws InterruptedException {
        int missing = 0;
        for (String id : live.keySet()) {
            if (extracted.contains(id) || knownMissing.contains(id)) {
                continue;
            }
            try {
                Deployment.Answer answer = deployment.extraction(id);
                if (answer.status() == 200 && "done".equals(answer.body().path("status").asText())
                        && answer.body().path("factCount").asInt() == 1) {
                    extracted.add(id);
                } else {
                    missing++;
                }
            } catch (IOException e) {
                missing++;
            }
        }
        return missing;
    }

    private static void awaitReady(List<String> services) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        for (String service : services) {
            while (!deployment.ready(service)) {
                if (System.nanoTime() > deadline) {
                    stack.saveLogs(LOGS);
                    throw new IllegalStateException(service + " not ready after 4 minutes; logs in " + LOGS.toAbsolutePath());
                }
                Thread.sleep(1000);
            }
        }
    }

    private static void pause(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }

    private static String print() {
        StringBuilder out = new StringBuilder();
        String format = "| %-38s | %6s | %8s | %7s | %7s | %16s | %16s | %10s | %6s | %7s | %5s | %-4s |%n";
        out.append(String.format(format, "scenario", "posted", "accepted", "reposts", "deleted", "expected total",
                "actual total", "difference", "claims", "missing", "quiet", "ok"));
        out.append(String.format(format, "-".repeat(38), "-".repeat(6), "-".repeat(8), "-".repeat(7), "-".repeat(7),
                "-".repeat(16), "-".repeat(16), "-".repeat(10), "-".repeat(6), "-".repeat(7), "-".repeat(5), "-".repeat(4)));
        for (Row row : table) {
            out.append(String.format(format, row.scenario(), row.counts().posted, row.counts().accepted,
                    row.counts().duplicates, row.counts().deleted, row.expected().toPlainString(),
                    row.actual().toPlainString(), row.difference().toPlainString(), row.claimCountsOff(),
                    row.missingExtractions(), row.quietAfter().toSeconds() + "s", row.passed() ? "yes" : "NO"));
        }
        out.append("expected total: the oracle, Σ over the generated pairs and metrics of the accepted, not withdrawn "
                + "reports' values; actual total: Σ of the same rows of GET /totals; difference: Σ |actual − expected| "
                + "(must be 0; a row measures only its own scenario's damage, the final check all of it); claims: "
                + "rows whose claimCount differs; missing: accepted reports without a finished extraction.\n");
        for (Row row : table) {
            if (!row.note().isBlank()) {
                out.append(row.scenario()).append(": ").append(row.note()).append('\n');
            }
        }
        return out.toString();
    }
}
