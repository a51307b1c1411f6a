package org.counterpart.facts.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A transaction of the test's own on the service's database. It locks rows the service's writers need, so that a
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

    /** Runs a SELECT … FOR UPDATE with one parameter and answers how many rows it now holds. */
    int lock(String selectForUpdate, Object parameter) throws SQLException {
        try (PreparedStatement statement = holder.prepareStatement(selectForUpdate)) {
            statement.setObject(1, parameter);
            int rows = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) rows++;
            }
            return rows;
        }
    }

    /** Waits until {@code count} other sessions of this database wait for a lock (this one's or each other's). */
    void awaitWaiting(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (waiting() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " sessions came to wait for a lock");
            }
            Thread.sleep(50);
        }
    }

    private int waiting() throws SQLException {
        try (PreparedStatement statement = watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Commits, letting the waiting writers go on in the order the database grants them the rows. */
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
