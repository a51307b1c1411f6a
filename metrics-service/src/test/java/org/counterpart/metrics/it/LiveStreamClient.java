package org.counterpart.metrics.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads GET /totals/stream with a plain HTTP client, as any non-browser subscriber would: parses the text/event-stream
 * into events (name, id, data) as the SSE specification says, on a thread of its own.
 */
final class LiveStreamClient implements AutoCloseable {

    /** One dispatched event; id is null when the event had no id field. */
    record Event(String name, String id, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final InputStream body;
    private final int status;
    private final String contentType;

    /** @param lastEventId sent as Last-Event-ID, unless null */
    LiveStreamClient(URI stream, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        contentType = response.headers().firstValue("Content-Type").orElse("");
        body = response.body();
        Thread reader = new Thread(this::read, "live-stream-client");
        reader.setDaemon(true);
        reader.start();
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = null;
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString()));
                    }
                    name = null;
                    id = null;
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "event" -> name = value;
                    case "id" -> id = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
        } catch (IOException closed) {
            // close() ends the stream; nothing more to read.
        }
    }

    /** The next event (in order, skipping none) that matches, waiting at most {@code within}; fails if none comes. */
    Event next(Predicate<Event> matching, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                break;
            }
            seen.add(event);
            if (matching.test(event)) {
                return event;
            }
        }
        throw new AssertionError("No " + what + " within " + within + "; events seen: " + seen);
    }

    /** The next event that is not a heartbeat. */
    Event nextAnnouncement(Duration within) throws InterruptedException {
        return next(event -> !event.name().equals("heartbeat"), within, "event other than heartbeat");
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
