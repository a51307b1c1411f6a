package org.counterpart.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The three services' HTTP APIs as published on the host. Each request asks {@link Endpoints} for the service's
 * address, so that a service restarted on another host port is found there.
 */
final class Deployment {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Where a service (by its compose name) answers now, e.g. http://localhost:32771. */
    interface Endpoints {
        String url(String service);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Endpoints endpoints;
    private final String apiKey;

    Deployment(Endpoints endpoints, String apiKey) {
        this.endpoints = endpoints;
        this.apiKey = apiKey;
    }

    record Answer(int status, JsonNode body) {}

    /** POST /reports as JSON; throws IOException when no answer came (refused, reset, timed out). */
    Answer post(String text) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("text", text).put("language", "en").toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.url("ingest-service") + "/reports"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request);
    }

    Answer delete(String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.url("ingest-service") + "/reports/" + id))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + apiKey)
                .DELETE().build();
        return send(request);
    }

    Answer extraction(String reportId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(endpoints.url("facts-service") + "/extractions/" + reportId))
                .timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** GET /totals, by (donor, recipient, metric). */
    Map<ReportGenerator.Key, Total> totals() throws IOException, InterruptedException {
        Answer answer = send(HttpRequest.newBuilder(URI.create(endpoints.url("metrics-service") + "/totals"))
                .timeout(Duration.ofSeconds(20)).GET().build());
        if (answer.status() != 200) {
            throw new IOException("GET /totals answered " + answer.status());
        }
        Map<ReportGenerator.Key, Total> totals = new HashMap<>();
        for (JsonNode row : answer.body()) {
            totals.put(new ReportGenerator.Key(row.path("donor").asText(), row.path("recipient").asText(),
                            row.path("metric").asText()),
                    new Total(new BigDecimal(row.path("total").asText()), row.path("claimCount").asInt()));
        }
        return totals;
    }

    record Total(BigDecimal total, int claimCount) {}

    boolean ready(String service) {
        try {
            return send(HttpRequest.newBuilder(URI.create(endpoints.url(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build()).status() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = response.body() == null || response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException notJson) {
            body = JSON.getNodeFactory().textNode(response.body());
        }
        return new Answer(response.statusCode(), body);
    }
}
