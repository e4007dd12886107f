package org.parley.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an H2 commit durable before it returns. H2 commits into memory and writes its file later, in the background
 * (within {@code WRITE_DELAY}, 500 ms by default), so a crash of the Java process in between would lose transactions
 * whose requests were already answered. After each commit the committing thread waits here until the file holds it,
 * written and forced to the disk ({@code CHECKPOINT SYNC}).
 *
 * <p>Waits are shared, as PostgreSQL shares the flush of its write-ahead log (group commit): a commit that finds no
 * flush running starts one on its own, already committed, connection, and that flush covers every commit made before
 * it started; commits that arrive meanwhile wait for it to end and then the next one covers them all.
 */
final class DurableCommits {
    private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushEnded = lock.newCondition();
    /** Commits that asked, numbered; every number up to {@link #flushed} is on the disk. */
    private long committed;
    private long flushed;
    private boolean flushing;
    private volatile boolean unavailable;

    /** Returns once everything committed on any connection before the call is on the disk. */
    void await(Connection own) throws SQLException {
        if (unavailable) {
            return;
        }
        lock.lock();
        try {
            long ticket = ++committed;
            while (flushed < ticket) {
                if (flushing) {
                    flushEnded.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                long covers = committed;
                boolean done = false;
                lock.unlock();
                try {
                    flush(own);
                    done = true;
                } finally {
                    lock.lock();
                    flushing = false;
                    if (done) {
                        flushed = Math.max(flushed, covers);
                    }
                    flushEnded.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void flush(Connection own) throws SQLException {
        if (!checkpoint(own)) {
            // A configured H2 URL whose user is not an administrator: H2 writes the file on its own schedule.
            unavailable = true;
            LOG.warn("The H2 user is not an administrator, so commits cannot be flushed to the disk before they are"
                    + " answered; a crash may lose the last half second of changes. Use an administrator user.");
        }
    }

    /**
     * Writes H2's file and forces it to the disk ({@code CHECKPOINT SYNC}), covering everything committed before.
     *
     * @return false when the connection's user may not: only administrators may checkpoint
     */
    static boolean checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.ADMIN_RIGHTS_REQUIRED) {
                throw e;
            }
            return false;
        }
    }
}
