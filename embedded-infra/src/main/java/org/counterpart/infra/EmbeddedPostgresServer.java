package org.counterpart.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from binaries shipped in Maven artifacts. Each service gets its own database in it,
 * as it would get its own server in production.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server on a random port, for tests. */
    public static EmbeddedPostgresServer startTemporary() {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder().start());
        } catch (Exception e) {
            throw new IllegalStateException("Embedded PostgreSQL did not start", e);
        }
    }

    /** A server on a fixed port whose data directory is kept across restarts. */
    public static EmbeddedPostgresServer startPersistent(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start());
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL on port " + port + " did not start", e);
        }
    }

    /** Creates the database unless it exists, and answers its JDBC URL. */
    public String database(String name) {
        return createDatabase(postgres.getPort(), name);
    }

    /** The same, for a server known only by its port (tests whose servers were started in another class loader). */
    public static String createDatabase(int port, String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        String admin = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection connection = java.sql.DriverManager.getConnection(admin, USER, "postgres")) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        try (Statement create = connection.createStatement()) {
                            create.execute("CREATE DATABASE " + name);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + port + "/" + name;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (Exception e) {
            throw new IllegalStateException("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
