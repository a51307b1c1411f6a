package org.counterpart.ingest.report;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A transaction of the test's own on the service's database. It takes a lock the service's writers need, so that a
 * writer stops there, mid-transaction, until the test releases it: the test decides the interleaving instead of
 * hoping for it.
 */
final class BlockingTransaction implements AutoCloseable {

    private final Connection holder;
    /** Separate and in autocommit: pg_stat_activity is read once per transaction, so each look needs a new one. */
    private final Connection watcher;

    private BlockingTransaction(Connection holder, Connection watcher) {
        this.holder = holder;
        this.watcher = watcher;
    }

    static BlockingTransaction open() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);
        Connection holder = DriverManager.getConnection(url, user, password);
        holder.setAutoCommit(false);
        return new BlockingTransaction(holder, DriverManager.getConnection(url, user, password));
    }

    /** Runs a locking statement (LOCK TABLE, SELECT … FOR UPDATE) in the test's transaction. */
    void hold(String sql) throws SQLException {
        try (Statement statement = holder.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Waits until a session of this database waits for a lock while running a statement like {@code statement}
     * (a LIKE pattern, ignoring case), or until {@code instead} holds: a writer that never waits shows it here.
     */
    void awaitWaiting(String statement, BooleanSupplier instead) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!waiting(statement) && !instead.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no session came to wait for a lock running " + statement);
            }
            Thread.sleep(50);
        }
    }

    private boolean waiting(String statement) throws SQLException {
        try (PreparedStatement look = watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE ?")) {
            look.setString(1, statement);
            try (ResultSet rs = look.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    /** Commits, letting the waiting writers go on. */
    void release() throws SQLException {
        holder.commit();
    }

    @Override
    public void close() throws SQLException {
        try {
            holder.rollback();
            holder.close();
        } finally {
            watcher.close();
        }
    }
}
