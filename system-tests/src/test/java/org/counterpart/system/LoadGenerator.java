package org.counterpart.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts generated reports at a steady rate from a background thread, like a well-behaved client: a post that got no
 * answer (service killed, connection reset) or a 5xx is retried with the same text until it gets a definite one, and
 * a retried post answered "duplicate" means the earlier attempt was stored. Every 15th action reposts an accepted
 * report's text (must answer 200 duplicate with the same id), every 20th withdraws an accepted report
 * (DELETE /reports/{id}). The oracle is kept from the answers: the accepted, not withdrawn reports.
 */
final class LoadGenerator {

    private static final Duration GIVE_UP = Duration.ofSeconds(180);

    private final Deployment deployment;
    private final ReportGenerator generator;
    private final double rate;
    private final Random random = new Random(42);

    /** Accepted and not withdrawn: report id → report. */
    private final Map<String, ReportGenerator.Report> live = new ConcurrentHashMap<>();
    private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();
    private final List<String> anomalies = Collections.synchronizedList(new ArrayList<>());

    private volatile Thread thread;
    private volatile boolean running;
    private Counts counts = new Counts();

    /** What one scenario's load did. */
    static final class Counts {
        int posted;        // distinct new reports posted
        int accepted;      // of which accepted (202, or stored by an attempt whose answer was lost)
        int rejected;      // of which refused with a 4xx
        int duplicates;    // deliberate reposts of accepted texts
        int deleted;       // reports withdrawn
        int retries;       // attempts that got no definite answer
    }

    LoadGenerator(Deployment deployment, ReportGenerator generator, double rate) {
        this.deployment = deployment;
        this.generator = generator;
        this.rate = rate;
    }

    synchronized void start() {
        counts = new Counts();
        running = true;
        thread = new Thread(this::loop, "load-generator");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the action in progress has its definite answer; returns what this scenario's load did. */
    Counts stop() throws InterruptedException {
        running = false;
        thread.join(GIVE_UP.toMillis() + 30_000);
        return counts;
    }

    Map<ReportGenerator.Key, BigDecimal> expectedTotals() {
        Map<ReportGenerator.Key, BigDecimal> expected = new HashMap<>();
        for (ReportGenerator.Report r : live.values()) {
            expected.merge(r.key(), r.value(), BigDecimal::add);
        }
        return expected;
    }

    Map<ReportGenerator.Key, Integer> expectedClaimCounts() {
        Map<ReportGenerator.Key, Integer> expected = new HashMap<>();
        for (ReportGenerator.Report r : live.values()) {
            expected.merge(r.key(), 1, Integer::sum);
        }
        return expected;
    }

    Map<String, ReportGenerator.Report> live() { return Map.copyOf(live); }

    List<String> anomalies() { return List.copyOf(anomalies); }

    private void loop() {
        long periodNanos = (long) (1_000_000_000L / rate);
        long next = System.nanoTime();
        int action = 0;
        while (running) {
            try {
                action++;
                if (action % 20 == 0 && !live.isEmpty()) {
                    withdrawOne();
                } else if (action % 15 == 0 && !live.isEmpty()) {
                    repostOne();
                } else {
                    postNew();
                }
                next += periodNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } else {
                    next = System.nanoTime(); // after an outage, do not burst to catch up
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                anomalies.add("load generator: " + e);
            }
        }
    }

    private void postNew() throws InterruptedException {
        ReportGenerator.Report report = generator.next();
        counts.posted++;
        boolean retried = false;
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            Deployment.Answer answer;
            try {
                answer = deployment.post(report.text());
            } catch (IOException noAnswer) {
                retried = true;
                counts.retries++;
                Thread.sleep(500);
                continue;
            }
            int status = answer.status();
            if (status == 202 || (status == 200 && retried && answer.body().path("duplicate").asBoolean())) {
                live.put(answer.body().path("id").asText(), report);
                counts.accepted++;
                return;
            }
            if (status == 200) {
                anomalies.add("a new report was answered as a duplicate: " + report.text() + " -> " + answer.body());
                live.put(answer.body().path("id").asText(), report);
                counts.accepted++;
                return;
            }
            if (status >= 500) {
                retried = true;
                counts.retries++;
                Thread.sleep(500);
                continue;
            }
            counts.rejected++;
            anomalies.add("report refused with " + status + ": " + answer.body());
            return;
        }
        anomalies.add("no definite answer within " + GIVE_UP + " for: " + report.text());
    }

    private void repostOne() throws InterruptedException {
        Map.Entry<String, ReportGenerator.Report> pick = pick();
        counts.duplicates++;
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            Deployment.Answer answer;
            try {
                answer = deployment.post(pick.getValue().text());
            } catch (IOException noAnswer) {
                counts.retries++;
                Thread.sleep(500);
                continue;
            }
            if (answer.status() >= 500) {
                counts.retries++;
                Thread.sleep(500);
                continue;
            }
            if (answer.status() != 200 || !answer.body().path("duplicate").asBoolean()
                    || !pick.getKey().equals(answer.body().path("id").asText())) {
                anomalies.add("repost of " + pick.getKey() + " answered " + answer.status() + " " + answer.body());
            }
            return;
        }
        anomalies.add("no definite answer within " + GIVE_UP + " for a repost of " + pick.getKey());
    }

    private void withdrawOne() throws InterruptedException {
        Map.Entry<String, ReportGenerator.Report> pick = pick();
        boolean retried = false;
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            Deployment.Answer answer;
            try {
                answer = deployment.delete(pick.getKey());
            } catch (IOException noAnswer) {
                retried = true;
                counts.retries++;
                Thread.sleep(500);
                continue;
            }
            int status = answer.status();
            if (status == 204 || (status == 404 && retried)) {
                live.remove(pick.getKey());
                withdrawn.add(pick.getKey());
                counts.deleted++;
                return;
            }
            if (status >= 500) {
                retried = true;
                counts.retries++;
                Thread.sleep(500);
                continue;
            }
            anomalies.add("DELETE of " + pick.getKey() + " answered " + status + " " + answer.body());
            return;
        }
        anomalies.add("no definite answer within " + GIVE_UP + " for DELETE " + pick.getKey());
    }

    private Map.Entry<String, ReportGenerator.Report> pick() {
        List<Map.Entry<String, ReportGenerator.Report>> entries = new ArrayList<>(new LinkedHashMap<>(live).entrySet());
        entries.sort(Map.Entry.comparingByKey());
        return entries.get(random.nextInt(entries.size()));
    }
}
