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

    /** One exchange as it went, whatever the status: what the hostile and outage tests look at. */
    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + " " + contentType + "): " + brief(), e);
            }
        }

        boolean isProblem() {
            return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("application/problem+json");
        }

        /** Status, and the problem type or the start of the body: for the outcome tables. */
        String brief() {
            if (isProblem()) {
                try {
                    return status + " " + JSON.readTree(body).path("type").asText();
                } catch (IOException e) {
                    // fall through to the raw body
                }
            }
            String start = body == null || body.isEmpty() ? "(empty body)"
                    : body.length() > 80 ? body.substring(0, 80) + "..." : body;
            return status + " " + (contentType == null ? "" : contentType + " ") + start;
        }
    }

    /** A request to one of the services, as a program sends it (with the stack's key, if it has one). */
    HttpRequest.Builder request(int port, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url(port) + pathAndQuery))
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(60));
        settings.access().authorize(request);
        return request;
    }

    Answer exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    java.util.concurrent.CompletableFuture<Answer> exchangeAsync(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                        r.body()));
    }

    /**
     * The claims of one pair's total that come from a report: each names its sources, so a report's share of
     * /totals can be found whatever else was posted for the pair.
     */
    java.util.List<JsonNode> claimsFrom(String reportId, String metric, String donor, String recipient)
            throws IOException, InterruptedException {
        String url = settings.url(settings.metricsPort()) + "/totals?metric=" + encode(metric) + "&donor="
                + encode(donor) + "&recipient=" + encode(recipient) + "&expand=claims";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode row : JSON.readTree(response.body())) {
            if (!pair(row, donor, recipient)) {
                continue; // a parent pair rolling this one up
            }
            for (JsonNode claim : row.path("claims")) {
                for (JsonNode source : claim.path("sources")) {
                    if (reportId.equals(source.path("reportId").asText())) {
                        found.add(claim);
                    }
                }
            }
        }
        return found;
    }

    /** Waits until the report's claim counts in its pair's total with its own figure; answers the claim. */
    JsonNode awaitCounted(String reportId, DoctorsSent report, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        java.util.List<JsonNode> last = java.util.List.of();
        do {
            last = claimsFrom(reportId, DoctorsSent.METRIC, report.donor(), report.recipient());
            for (JsonNode claim : last) {
                if (claim.path("used").asBoolean() && claim.path("value").asLong() == report.doctors()) {
                    return claim;
                }
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("\"" + report.sentence() + "\" (report " + reportId + ") did not count in /totals within "
                + timeout + "; its claims there: " + last);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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

    /** A JSON request with the stack's key; answers the exchange whatever its status. */
    Answer send(String method, int port, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(port, path);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return exchange(request);
    }

    static boolean pair(JsonNode row, String donor, String recipient) {
        return donor.equalsIgnoreCase(row.path("donor").asText())
                && recipient.equalsIgnoreCase(row.path("recipient").asText());
    }
}
