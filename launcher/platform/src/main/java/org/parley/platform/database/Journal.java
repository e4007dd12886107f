package org.parley.platform.database;

import java.util.function.LongSupplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A write-ahead journal beside the database, for a writer of many small transactions (chat messages) that needs each
 * one on the disk before it answers, cheaper than the database would put it there. Obtained from
 * {@link Database#journal}.
 *
 * <p>The writer commits on a session opened on a connection it supplies
 * ({@code SqlSessionFactory.openSession(Connection)}, with auto-commit off), whose commit does not wait for the
 * database file, then appends what it committed here, then answers. The journal keeps its records until the database
 * file holds everything committed before them (it checkpoints the database every second, and when it closes);
 * after a crash, the records it still has are replayed when it opens again.
 *
 * <p>A writer that commits a record's content to the database only later (it holds messages in memory and writes them
 * in batches) tells the journal to keep the records it has not written yet: it notes the {@link #position()} before
 * each append, and {@link #retainFrom} answers the oldest position it still needs.
 *
 * @since 1.2 positions and retention
 */
@ProviderType
public interface Journal extends AutoCloseable {
    /**
     * Writes the record and forces it to the disk.
     *
     * @param record the bytes to keep, at most {@link #MAX_RECORD_BYTES}
     */
    void append(byte[] record);

    /**
     * Where the next record goes: every record appended after this call has this position or a later one. Positions
     * only grow.
     *
     * @since 1.2
     */
    long position();

    /**
     * Keeps records whose content is not in the database yet. Before each checkpoint the journal asks
     * {@code oldestNeeded} for the oldest {@link #position()} it must keep ({@code Long.MAX_VALUE} for none), and keeps
     * every record from there on, through the checkpoint, to be replayed after a crash. Without it the journal keeps
     * only what the database file may not hold yet.
     *
     * @param oldestNeeded asked on the journal's own thread; must not block
     * @since 1.2
     */
    void retainFrom(LongSupplier oldestNeeded);

    /**
     * Checkpoints the database and deletes the journal's files: call it when the writer has stopped. A journal still
     * open when the database closes is closed then.
     */
    @Override
    void close();

    /** The largest record accepted. */
    int MAX_RECORD_BYTES = 16 * 1024 * 1024;
}
