package org.counterpart.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.infra.SeverableProxy;
import org.counterpart.infra.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL away for longer than the consumers' old stuck-consumer limit (SmallRye's 60 s max age, now off, see
 * docs/edge.md): every service loses its database at once while Kafka stays up and events keep arriving. The
 * consumers must wait it out, alive all along, and apply what waited once the database is back, dead-lettering
 * nothing (issue 10). The outage lasts {@code counterpart.outage.seconds} (300 by default).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("counterpart.outage.seconds", 300));
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration RECOVERY = Duration.ofMinutes(2);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Events written onto the topics during the outage, spread over it. */
    private static final int WAITING_EVENTS = 5;

    @RegisterExtension
    static final CaseTable TABLE = new CaseTable("Database outage (DatabaseOutageIT)",
            Path.of("target", "database-outage.md"));

    private LocalStack stack;
    private StackSettings settings;
    private StackClient client;
    private String kafka;

    @BeforeAll
    void startStack() throws Exception {
        settings = TestStacks.settings("outage");
        stack = LocalStack.withSeverableDatabase(settings);
        stack.start();
        client = new StackClient(settings);
        kafka = stack.kafkaBootstrapServers();
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private record Waiting(UUID reportId, DoctorsSent report) {
    }

    @Test
    @DisplayName("PostgreSQL away for counterpart.outage.seconds: consumers stay live, what waited is applied after")
    void eventsWaitingThroughALongDatabaseOutageAreAppliedOnceItIsBack() throws Exception {
        SeverableProxy database = stack.databaseLink();
        DoctorsSent first = DoctorsSent.next();
        client.awaitCounted(postReport(first), first, PATIENCE);
        assertTrue(database.connectionsAccepted() > 0, "the services do not reach PostgreSQL through the link");
        TABLE.row("before the outage", "a report reaches /totals through the severable link",
                "counted; " + database.connectionsAccepted() + " connections through the link");

        database.sever();
        long severed = System.nanoTime();
        List<Waiting> waitingReports = new ArrayList<>();
        List<UUID> waitingFacts = new ArrayList<>();
        Map<String, Integer> ingestAnswers = new TreeMap<>();
        Map<String, Integer> liveAnswers = new TreeMap<>();
        List<String> notLive = new ArrayList<>();
        Map<String, String> readyDuringOutage = new LinkedHashMap<>();
        int polls = 0;
        while (elapsed(severed).compareTo(OUTAGE) < 0) {
            if (waitingReports.size() < WAITING_EVENTS
                    && elapsed(severed).compareTo(OUTAGE.multipliedBy(waitingReports.size()).dividedBy(WAITING_EVENTS)) >= 0) {
                // Work for both consumers: a report for facts-service, a facts event for metrics-service (whose
                // usual supplier, facts-service, cannot publish without its database).
                Waiting waiting = new Waiting(UUID.randomUUID(), DoctorsSent.next());
                HandWrittenEvents.write(kafka, "reports",
                        HandWrittenEvents.reportSubmitted(waiting.reportId(), waiting.report().sentence()));
                waitingReports.add(waiting);
                UUID facts = UUID.randomUUID();
                HandWrittenEvents.write(kafka, "facts", HandWrittenEvents.factsReplaced(facts));
                waitingFacts.add(facts);
                // What a user posting now is told: ingest cannot store a report without its database.
                ingestAnswers.merge(postDuringOutage(), 1, Integer::sum);
            }
            for (Map.Entry<String, Integer> service : Map.of("facts", settings.factsPort(),
                    "metrics", settings.metricsPort()).entrySet()) {
                String answer = probe(service.getValue(), "/q/health/live");
                liveAnswers.merge(service.getKey() + " " + answer, 1, Integer::sum);
                if (!answer.equals("200")) {
                    notLive.add(service.getKey() + " answered " + answer + " at " + elapsed(severed).toSeconds()
                            + " s");
                }
                readyDuringOutage.putIfAbsent(service.getKey(), probe(service.getValue(), "/q/health/ready"));
            }
            polls++;
            Thread.sleep(POLL.toMillis());
        }
        Duration outage = elapsed(severed);
        database.restore();
        long restored = System.nanoTime();

        TABLE.row("database severed for " + outage.toSeconds() + " s", "longer than the old 60 s max age",
                outage.toSeconds() + " s, " + polls + " liveness polls per service");
        TABLE.row("ingest POST /reports during the outage", "5xx problem document (its own database is away)",
                ingestAnswers.toString());
        TABLE.row("/q/health/live of facts and metrics, every " + POLL.toSeconds() + " s", "200 every time",
                liveAnswers + (notLive.isEmpty() ? "" : "; " + notLive));
        TABLE.row("/q/health/ready during the outage (first poll)", "not asserted: DOWN is right",
                readyDuringOutage.toString());

        // Everything that waited is applied within RECOVERY of the database coming back.
        long deadline = restored + RECOVERY.toNanos();
        for (Waiting waiting : waitingReports) {
            client.awaitCounted(waiting.reportId().toString(), waiting.report(),
                    Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0)));
        }
        long reportsBack = System.nanoTime();
        for (UUID facts : waitingFacts) {
            awaitProjection(facts, Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0)));
        }
        TABLE.row(WAITING_EVENTS + " ReportSubmitted written onto `reports` during the outage",
                "in /totals within " + RECOVERY.toSeconds() + " s of the restore",
                "all counted " + (reportsBack - restored) / 1_000_000 + " ms after the restore");
        TABLE.row(WAITING_EVENTS + " FactsReplaced written onto `facts` during the outage",
                "in the projection within " + RECOVERY.toSeconds() + " s", "all applied "
                        + (System.nanoTime() - restored) / 1_000_000 + " ms after the restore");

        Map<String, String> ready = new TreeMap<>();
        for (Map.Entry<String, Integer> service : Map.of("ingest", settings.ingestPort(), "facts",
                settings.factsPort(), "metrics", settings.metricsPort()).entrySet()) {
            ready.put(service.getKey(), awaitReady(service.getValue(), deadline));
        }
        TABLE.row("/q/health/ready after the restore", "200 on facts and metrics (and ingest)", ready.toString());

        List<ConsumerRecord<String, String>> reportsDead = TopicReader.read(kafka, "reports-dlq", r -> true, 0,
                Duration.ofSeconds(10));
        List<ConsumerRecord<String, String>> factsDead = TopicReader.read(kafka, "facts-dlq", r -> true, 0,
                Duration.ofSeconds(10));
        TABLE.row("dead letters", "none on reports-dlq or facts-dlq",
                reportsDead.size() + " on reports-dlq, " + factsDead.size() + " on facts-dlq");

        DoctorsSent after = DoctorsSent.next();
        client.awaitCounted(postReport(after), after, PATIENCE);
        TABLE.row("after the outage", "a report posted to ingest reaches /totals", "counted");

        assertEquals(List.of(), notLive, "liveness answered other than 200 during the outage");
        for (String answer : ingestAnswers.keySet()) {
            assertTrue(answer.startsWith("5") && answer.contains("/problems/"),
                    "ingest answered a post during the outage with " + ingestAnswers);
        }
        assertEquals("200", ready.get("facts"));
        assertEquals("200", ready.get("metrics"));
        assertEquals("200", ready.get("ingest"));
        assertEquals(0, reportsDead.size(), "dead-lettered on reports-dlq: " + reportsDead);
        assertEquals(0, factsDead.size(), "dead-lettered on facts-dlq: " + factsDead);
    }

    private String postDuringOutage() {
        DoctorsSent report = DoctorsSent.next();
        try {
            return client.exchange(client.request(settings.ingestPort(), "/reports")
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "text/plain; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(report.sentence(), StandardCharsets.UTF_8))).brief();
        } catch (IOException e) {
            return "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The status a health endpoint answers, or why there was none (a probe would count that as a failure). */
    private String probe(int port, String path) {
        try {
            return String.valueOf(client.exchange(client.request(port, path).timeout(Duration.ofSeconds(10)).GET())
                    .status());
        } catch (IOException e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private String awaitReady(int port, long deadline) throws InterruptedException {
        String answer;
        do {
            answer = probe(port, "/q/health/ready");
            if (answer.equals("200")) {
                return answer;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return answer;
    }

    private void awaitProjection(UUID reportId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        StackClient.Answer answer;
        do {
            answer = client.exchange(client.request(settings.metricsPort(), "/projection/reports/" + reportId).GET());
            if (answer.status() == 200) {
                JsonNode applied = answer.json();
                assertEquals(1, applied.path("factCount").asInt(), answer.body());
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("facts event of report " + reportId + " not applied " + RECOVERY.toSeconds()
                + " s after the restore: " + answer.brief());
    }

    private String postReport(DoctorsSent report) throws Exception {
        StackClient.Answer answer = client.exchange(client.request(settings.ingestPort(), "/reports")
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(report.sentence(), StandardCharsets.UTF_8)));
        assertEquals(202, answer.status(), answer.body());
        return answer.json().get("id").asText();
    }

    private static Duration elapsed(long since) {
        return Duration.ofNanos(System.nanoTime() - since);
    }
}
