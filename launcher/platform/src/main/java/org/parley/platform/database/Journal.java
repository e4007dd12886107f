package org.parley.platform.database;

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
     * Checkpoints the database and deletes the journal's files: call it when the writer has stopped. A journal still
     * open when the database closes is closed then.
     */
    @Override
    void close();

    /** The largest record accepted. */
    int MAX_RECORD_BYTES = 16 * 1024 * 1024;
}
