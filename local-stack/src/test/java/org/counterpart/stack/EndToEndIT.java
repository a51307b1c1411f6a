package org.counterpart.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The three services as built, each in its own JVM, over one real Kafka broker and one real PostgreSQL server:
 * a posted report's funds, projects and workers reach the totals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private LocalStack stack;
    private StackClient client;

    @BeforeAll
    void startStack() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path home = Files.createTempDirectory("counterpart-e2e");
        StackSettings settings = new StackSettings(root, home, freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), new StackAccess("e2e-key-" + java.util.UUID.randomUUID()));
        stack = new LocalStack(settings);
        stack.start();
        client = new StackClient(settings);
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aPostedReportsFundsProjectsAndWorkersReachTheTotals() throws Exception {
        client.postText("""
                Jinhua and Liangshan Review Their Pairing

                Up to now, Jinhua has invested a total of 275 million yuan of aid funds in Liangshan Prefecture and \
                implemented 140 aid projects there. Jinhua has also helped 5,300 workers from Liangshan find jobs \
                in Zhejiang.
                """);
        JsonNode funds = client.awaitTotal("funds_cny", r -> StackClient.pair(r, "Jinhua", "Liangshan"), PATIENCE);
        assertEquals(275_000_000L, funds.get("total").asLong());
        assertEquals("CNY", funds.get("unit").asText());
        JsonNode projects = client.awaitTotal("projects", r -> StackClient.pair(r, "Jinhua", "Liangshan"), PATIENCE);
        assertEquals(140, projects.get("total").asLong());
        JsonNode workers = client.awaitTotal("workers_transferred",
                r -> StackClient.pair(r, "Jinhua", "Liangshan"), PATIENCE);
        assertEquals(5300, workers.get("total").asLong());
    }

    /**
     * Issue 11's "done when": a report of our own, one fact corrected through the review endpoint; /totals shows the
     * corrected value with a reviewed share; a rerun leaves the correction in place; the fact's history shows the
     * machine's reading and the review with its reviewer.
     */
    @Test
    void aCorrectedFactReachesTheTotalsAndSurvivesARerun() throws Exception {
        String reportId = client.postText("""
                Zhuhai and Nujiang Take Stock

                Last year Zhuhai handed 64 million yuan of support funds to Nujiang, and its companies opened \
                eleven workshops in the prefecture's villages.
                """);
        // other reports (the seeds) may speak of the same pair: this report's own claim is what is followed
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (claimValues(reportId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(List.of(64_000_000L), claimValues(reportId));
        long before = client.awaitTotal("funds_cny", r -> StackClient.pair(r, "Zhuhai", "Nujiang"), PATIENCE)
                .get("total").asLong();

        JsonNode facts = client.get(stack.settings().factsPort(), "/facts?reportId=" + reportId + "&metric=funds_cny");
        assertEquals(1, facts.size(), facts.toString());
        String factId = facts.get(0).get("id").asText();
        StackClient.Answer corrected = client.send("POST", stack.settings().factsPort(), "/facts/" + factId + "/review",
                "{\"action\":\"correct\",\"value\":46000000,\"note\":\"digits swapped in the first reading\"}");
        assertEquals(200, corrected.status(), corrected.body());

        long expected = before - 18_000_000L;
        JsonNode after = client.awaitTotal("funds_cny", r -> StackClient.pair(r, "Zhuhai", "Nujiang")
                && r.get("total").asLong() == expected, PATIENCE);
        assertTrue(after.get("reviewedShare").asDouble() > 0, after.toString());
        assertEquals(List.of(46_000_000L), claimValues(reportId));

        StackClient.Answer rerun = client.send("POST", stack.settings().factsPort(), "/extractions/" + reportId + "/rerun",
                null);
        assertEquals(202, rerun.status(), rerun.body());
        JsonNode rerunFacts = client.get(stack.settings().factsPort(), "/facts?reportId=" + reportId + "&metric=funds_cny");
        assertEquals(46_000_000L, rerunFacts.get(0).get("value").asLong(), "the correction stays after the rerun");
        assertEquals("corrected", rerunFacts.get(0).at("/review/status").asText());
        Thread.sleep(2000); // the rerun's revision reaches metrics-service; the total must not fall back
        JsonNode still = client.awaitTotal("funds_cny", r -> StackClient.pair(r, "Zhuhai", "Nujiang"), PATIENCE);
        assertEquals(expected, still.get("total").asLong());
        assertEquals(List.of(46_000_000L), claimValues(reportId));

        JsonNode history = client.get(stack.settings().factsPort(), "/facts/" + rerunFacts.get(0).get("id").asText()
                + "/history");
        assertEquals(64_000_000L, history.at("/readings/0/reading/value").asLong(), history.toString());
        assertEquals("correct", history.at("/reviews/0/action").asText());
        assertTrue(!history.at("/reviews/0/by").asText().isBlank(), history.toString());
    }

    private List<Long> claimValues(String reportId) throws Exception {
        return client.claimsFrom(reportId, "funds_cny", "Zhuhai", "Nujiang").stream()
                .map(c -> c.get("value").asLong()).toList();
    }

    @Test
    void twoDonorsNamedTogetherGiveAGroupPairRowThatIsNeverSplit() throws Exception {
        client.postText("In 2020 Shanghai and Guangdong sent 837 cadres to Yunnan.");
        JsonNode row = client.awaitTotal("personnel_exchanged",
                r -> StackClient.pair(r, "Shanghai and Guangdong", "Yunnan"), PATIENCE);
        assertEquals(837, row.get("total").asLong());
        assertEquals("group", row.get("level").asText());
        List<String> members = new ArrayList<>();
        row.get("donorMembers").forEach(m -> members.add(m.get("code").asText()));
        assertEquals(List.of("310000", "440000"), members.stream().sorted().toList());
        // the group's work is not credited to either member
        JsonNode all = client.totals("personnel_exchanged");
        for (JsonNode r : all) {
            assertTrue(!StackClient.pair(r, "Shanghai", "Yunnan") && !StackClient.pair(r, "Guangdong", "Yunnan"), r.toString());
        }
    }

    @Test
    void theSeedReportsGiveFundsProjectsAndWorkersRowsForTheirPairs() throws Exception {
        Path seeds = Path.of("").toAbsolutePath().getParent().resolveSibling("shared").resolve("seeds");
        Assumptions.assumeTrue(Files.isDirectory(seeds),
                "../shared/seeds not found beside the project: seed end-to-end check skipped");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(seeds)) {
            list.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            client.postText(Files.readString(file, StandardCharsets.UTF_8));
        }
        // The pairs the seed reports name, at province or city level, with the headline metrics they report.
        for (String metric : List.of("funds_cny", "projects", "workers_transferred")) {
            JsonNode row = client.awaitTotal(metric, r -> StackClient.pair(r, "Guangdong", "Guangxi"), PATIENCE);
            assertTrue(row.get("total").asDouble() > 0, metric + " " + row);
        }
        for (String metric : List.of("funds_cny", "projects")) {
            JsonNode row = client.awaitTotal(metric, r -> StackClient.pair(r, "Dalian", "Liupanshui"), PATIENCE);
            assertTrue(row.get("total").asDouble() > 0, metric + " " + row);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
