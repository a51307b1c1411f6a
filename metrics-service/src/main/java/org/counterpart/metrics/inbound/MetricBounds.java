package org.counterpart.metrics.inbound;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The largest value a fact may state, per metric: the table in {@code facts/metric-bounds.tsv}, which says why
 * each bound is what it is. Kept as data so that the reasons sit next to the numbers.
 */
public final class MetricBounds {

    static final String RESOURCE = "/facts/metric-bounds.tsv";

    private final Map<String, BigDecimal> largest;

    private MetricBounds(Map<String, BigDecimal> largest) {
        this.largest = Collections.unmodifiableMap(largest);
    }

    /** The bounds the service ships with. */
    public static MetricBounds standard() {
        try (InputStream in = MetricBounds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /**
     * Rows of metric, largest value and why, separated by tabs; blank lines and lines starting with # are
     * comments. A broken table stops the service at startup rather than letting any value through.
     */
    static MetricBounds read(Reader text) throws IOException {
        Map<String, BigDecimal> largest = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(text);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length != 3 || cells[2].isBlank()) {
                throw new IllegalArgumentException("Line " + number + ": want metric, largest value and why, "
                        + "separated by tabs: " + line);
            }
            BigDecimal bound;
            try {
                bound = new BigDecimal(cells[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Line " + number + ": not a number: " + cells[1], e);
            }
            if (bound.signum() <= 0) {
                throw new IllegalArgumentException("Line " + number + ": the largest value must be above 0: " + line);
            }
            if (largest.put(cells[0].trim(), bound) != null) {
                throw new IllegalArgumentException("Line " + number + ": metric " + cells[0] + " appears twice");
            }
        }
        return new MetricBounds(largest);
    }

    /** The largest value a fact of this metric may state; empty for a metric the table does not know. */
    public Optional<BigDecimal> largest(String metric) {
        return Optional.ofNullable(largest.get(metric));
    }

    public Set<String> metrics() {
        return largest.keySet();
    }
}
