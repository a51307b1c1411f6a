package org.counterpart.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.tools.ProducerPerformance;

/**
 * What the machine can do without Counterpart, measured in the same run: Kafka's own producer performance tool
 * against the same broker, and single-row insert transactions against the same PostgreSQL server.
 */
final class ReferencePoints {

    record KafkaReference(double recordsPerSecond, double megabytesPerSecond, String summary) {
    }

    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\)");

    static KafkaReference kafkaProducer(String bootstrap, int records, int recordSize) throws Exception {
        String[] args = {"--topic", "bench-reference", "--num-records", Integer.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all"};
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(args);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        // The tool prints progress lines and a final summary of the same shape: the last one counts.
        Matcher m = SUMMARY.matcher(output);
        String perSecond = null;
        String megabytes = null;
        String summary = null;
        while (m.find()) {
            perSecond = m.group(2);
            megabytes = m.group(3);
            summary = m.group();
        }
        if (summary == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary: " + output);
        }
        return new KafkaReference(Double.parseDouble(perSecond), Double.parseDouble(megabytes), summary);
    }

    /** Inserts of one row per transaction (as an accepted report commits), rows of the given size. */
    static double postgresInsertsPerSecond(int port, int rows, int rowSize) throws Exception {
        String admin = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'bench_reference'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE bench_reference");
                }
            }
        }
        String payload = "x".repeat(rowSize);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/bench_reference",
                "postgres", "postgres")) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS reference_row");
                s.execute("CREATE TABLE reference_row (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL)");
            }
            c.setAutoCommit(true);
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO reference_row (body) VALUES (?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, payload);
                    insert.executeUpdate();
                }
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }
}
