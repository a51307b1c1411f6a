package org.counterpart.infra;

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
public final class BlockingTransaction implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Connection holder;
    /** Separate and in autocommit: pg_stat_activity is read once per transaction, so each look needs a new one. */
    private final Connection watcher;

    private BlockingTransaction(Connection holder, Connection watcher) {
        this.holder = holder;
        this.watcher = watcher;
    }

    /** On the datasource of the Quarkus application under test. */
    public static BlockingTransaction open() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);
        Connection holder = DriverManager.getConnection(url, user, password);
        holder.setAutoCommit(false);
        return new BlockingTransaction(holder, DriverManager.getConnection(url, user, password));
    }

    /** Runs a locking statement (LOCK TABLE, SELECT … FOR UPDATE) in the test's transaction. */
    public void hold(String sql) throws SQLException {
        try (Statement statement = holder.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs a SELECT … FOR UPDATE with one parameter and answers how many rows it now holds. */
    public int lock(String selectForUpdate, Object parameter) throws SQLException {
        try (PreparedStatement statement = holder.prepareStatement(selectForUpdate)) {
            statement.setObject(1, parameter);
            int rows = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    /** Waits until {@code count} other sessions of this database wait for a lock (this one's or each other's). */
    public void awaitWaiting(int count) throws Exception {
        await(() -> waiting("%") >= count, "fewer than " + count + " sessions came to wait for a lock");
    }

    /**
     * Waits until a session of this database waits for a lock while running a statement like {@code statement}
     * (a LIKE pattern, ignoring case), or until {@code instead} holds: a writer that never waits shows it here.
     */
    public void awaitWaiting(String statement, BooleanSupplier instead) throws Exception {
        await(() -> waiting(statement) > 0 || instead.getAsBoolean(),
                "no session came to wait for a lock running " + statement);
    }

    private interface Check {
        boolean holds() throws SQLException;
    }

    private static void await(Check check, String failure) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.sleep(50);
        }
    }

    private int waiting(String statement) throws SQLException {
        try (PreparedStatement look = watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE ?")) {
            look.setString(1, statement);
            try (ResultSet rs = look.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Commits, letting the waiting writers go on in the order the database grants them their locks. */
    public void release() throws SQLException {
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
