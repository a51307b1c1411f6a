package org.counterpart.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 12: two instances each of facts-service and metrics-service, in one consumer group per service, give the
 * same totals as one consumer does. Every process is the service as built, on the stack's one Kafka broker and one
 * PostgreSQL server; the second instances share their service's database and group, so the topics' three
 * partitions are shared out between the two. The totals they leave are compared with those a rebuild makes, which
 * replays the facts topic through a single consumer into an emptied projection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutStackIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final int REPORTS = 60;

    /** Our own pairings, as the reports below name them; the figures and years are drawn per report. */
    private static final String[][] PAIRS = {
            {"Hangzhou", "Qiandongnan", "Guizhou"}, {"Ningbo", "Qianxinan", "Guizhou"},
            {"Shenzhen", "Baise", "Guangxi"}, {"Xiamen", "Linxia", "Gansu"}};

    private LocalStack stack;
    private StackClient client;
    private StackSettings settings;
    private int secondFacts;
    private int secondMetrics;

    @BeforeAll
    void startStackWithTwoOfEachConsumer() throws Exception {
        settings = TestStacks.settings("scale-out");
        stack = new LocalStack(settings);
        stack.start();
        client = new StackClient(settings);
        secondFacts = freePort();
        secondMetrics = freePort();
        stack.startAnotherInstance("facts", secondFacts);
        stack.startAnotherInstance("metrics", secondMetrics);
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void twoInstancesOfEachConsumerGiveTheTotalsOneConsumerGives() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<String> reportIds = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            reportIds.add(client.postText(report(random, i)));
        }
        for (String reportId : reportIds) {
            awaitTotalsReflect(reportId);
        }

        // Each instance did part of the work: the partitions were shared out, not all left to one.
        for (int port : List.of(settings.factsPort(), secondFacts)) {
            assertTrue(counted(port, "counterpart_report_events_total") > 0, "facts-service on " + port + " applied none");
        }
        for (int port : List.of(settings.metricsPort(), secondMetrics)) {
            assertTrue(counted(port, "counterpart_facts_events_total") > 0, "metrics-service on " + port + " applied none");
        }

        String made = totals(settings.metricsPort());
        assertFalse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(made).isEmpty(), "no totals at all");
        assertEquals(made, totals(secondMetrics), "the two metrics instances serve different totals (seed " + seed + ")");

        StackClient.Answer rebuilt = client.exchange(client.request(settings.metricsPort(), "/admin/rebuild")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, rebuilt.status(), rebuilt.brief());
        assertEquals(made, totals(settings.metricsPort()),
                "what two consumers of each service made differs from a single consumer's replay (seed " + seed + ")");
    }

    /** A short press release of our own: funds, and sometimes projects, for one pairing and one year. */
    private static String report(Random random, int serial) {
        String[] pair = PAIRS[random.nextInt(PAIRS.length)];
        int year = 2017 + random.nextInt(4);
        StringBuilder text = new StringBuilder()
                .append(pair[0]).append(" and ").append(pair[1]).append(" sum up their cooperation, part ").append(serial)
                .append("\n\nIn ").append(year).append(", ").append(pair[0]).append(" allocated ")
                .append(10 + random.nextInt(500)).append(" million yuan of aid funds to ").append(pair[1]).append(", ")
                .append(pair[2]).append(" province. ");
        if (random.nextBoolean()) {
            text.append("In ").append(year).append(", the two cities carried out ").append(20 + random.nextInt(300))
                    .append(" aid projects. ");
        }
        return text.append("Both sides agreed to keep working together.").toString();
    }

    /** Waits until the stored totals reflect the report's facts (GET /projection/reports/{id}: totalsAt). */
    private void awaitTotalsReflect(String reportId) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        StackClient.Answer answer;
        do {
            answer = client.exchange(client.request(settings.metricsPort(), "/projection/reports/" + reportId).GET());
            if (answer.status() == 200 && !answer.json().path("totalsAt").isNull()
                    && !answer.json().path("totalsAt").isMissingNode()) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Report " + reportId + " not in the totals within " + PATIENCE + ": " + answer.brief());
    }

    /** Every total, as one page in a fixed order. */
    private String totals(int port) throws Exception {
        StackClient.Answer answer = client.exchange(client.request(port, "/totals?limit=10000")
                .header("Accept", "application/json").GET());
        assertEquals(200, answer.status(), answer.brief());
        return answer.body();
    }

    /** The sum of a Prometheus counter's series at the instance's /q/metrics. */
    private double counted(int port, String counter) throws Exception {
        StackClient.Answer answer = client.exchange(client.request(port, "/q/metrics").GET());
        assertEquals(200, answer.status(), answer.brief());
        Matcher line = Pattern.compile("(?m)^" + counter + "\\{[^}]*} ([0-9.eE+]+)$").matcher(answer.body());
        double sum = 0;
        while (line.find()) {
            sum += Double.parseDouble(line.group(1));
        }
        return sum;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
