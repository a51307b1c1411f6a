package org.counterpart.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a user of the running system does: post reports, read totals. */
final class StackClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final StackSettings settings;

    StackClient(StackSettings settings) {
        this.settings = settings;
    }

    String postText(String text) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(settings.url(settings.ingestPort()) + "/reports"));
        settings.access().authorize(request);
        HttpResponse<String> response = http.send(request
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202 && response.statusCode() != 200) {
            throw new AssertionError("POST /reports answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    JsonNode totals(String metric) throws IOException, InterruptedException {
        String url = settings.url(settings.metricsPort()) + "/totals?metric="
                + URLEncoder.encode(metric, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /totals answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.url(port) + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /** Polls the totals of a metric until a row matches, answering that row. */
    JsonNode awaitTotal(String metric, Predicate<JsonNode> row, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = totals(metric);
            for (JsonNode candidate : last) {
                if (row.test(candidate)) {
                    return candidate;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + metric + " total matched within " + timeout + "; last answer: " + last);
    }

    static boolean pair(JsonNode row, String donor, String recipient) {
        return donor.equalsIgnoreCase(row.path("donor").asText())
                && recipient.equalsIgnoreCase(row.path("recipient").asText());
    }
}
