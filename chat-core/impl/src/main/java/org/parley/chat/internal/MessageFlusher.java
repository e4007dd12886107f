package org.parley.chat.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the messages {@link MessageTails} holds into {@code chat_message}, ten times a second (once a second made
 * bursts that lengthened the latency tail: docs/performance.md, tenth round), each conversation's
 * together: a conversation's once it holds {@value #AT_MESSAGES} messages or its oldest has waited
 * {@value #AFTER_SECONDS} s, and the longest-held others while more than {@value #MAX_HELD} messages are held. The
 * messages are durable already (the journal keeps them until written); this only moves them where the queries find
 * them cheaply.
 */
final class MessageFlusher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MessageFlusher.class);
    /** A conversation holding this many messages is written at the next flush. */
    static final int AT_MESSAGES = 32;
    /** A conversation whose oldest held message is this old is written at the next flush. */
    static final int AFTER_SECONDS = 20;
    /** At most this many messages are held in memory (about 300 bytes each): older conversations' go first. */
    static final int MAX_HELD = 100_000;
    /** Messages in one transaction. */
    private static final int ROWS_PER_COMMIT = 2_000;

    private final MessageTails tails;
    private final Supplier<SqlSession> sessions;
    private final ScheduledExecutorService thread;

    /** @param sessions sessions whose commit need not reach the disk: the journal keeps what they write */
    MessageFlusher(MessageTails tails, Supplier<SqlSession> sessions) {
        this.tails = tails;
        this.sessions = sessions;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread flusher = new Thread(runnable, "parley-message-flusher");
            flusher.setDaemon(true);
            return flusher;
        });
        thread.scheduleWithFixedDelay(this::flushDueQuietly, 100, 100, TimeUnit.MILLISECONDS);
    }

    private void flushDueQuietly() {
        try {
            flush(tails.due(AT_MESSAGES, System.currentTimeMillis() - AFTER_SECONDS * 1000L, MAX_HELD));
        } catch (RuntimeException e) {
            LOG.error("Writing held messages failed; they stay held and in the journal, and are tried again", e);
        }
    }

    /** Writes everything held: when the writers have stopped. */
    void flushAll() {
        flush(tails.due(1, Long.MAX_VALUE, 0));
    }

    private void flush(List<List<MessageRow>> due) {
        List<List<MessageRow>> chunk = new ArrayList<>();
        int rows = 0;
        for (List<MessageRow> conversation : due) {
            chunk.add(conversation);
            rows += conversation.size();
            if (rows >= ROWS_PER_COMMIT) {
                write(chunk);
                chunk = new ArrayList<>();
                rows = 0;
            }
        }
        if (!chunk.isEmpty()) {
            write(chunk);
        }
    }

    /** Some conversations' held messages in one transaction; one conversation at a time if that fails. */
    private void write(List<List<MessageRow>> conversations) {
        try (SqlSession session = sessions.get()) {
            try {
                insertAll(session.getConnection(), conversations);
            } catch (SQLException e) {
                session.rollback(true); // forced, as the commit below: MyBatis did not see these statements
                throw new PersistenceException(e);
            }
            tails.written(conversations, () -> session.commit(true));
        } catch (PersistenceException e) {
            LOG.warn("Writing {} conversations' held messages together failed; writing them one by one",
                    conversations.size(), e);
            conversations.forEach(this::writeAlone);
        }
    }

    /**
     * The rows through one prepared insert, sent as one JDBC batch: binding each row's parameters through MyBatis took
     * a fifth of the flusher's time (docs/performance.md, eleventh round).
     */
    private static void insertAll(Connection connection, List<List<MessageRow>> conversations) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(MessageMapper.INSERT)) {
            for (List<MessageRow> rows : conversations) {
                for (MessageRow row : rows) {
                    insert.setString(1, row.conversationId);
                    insert.setLong(2, row.seq);
                    insert.setString(3, row.clientMessageId);
                    insert.setString(4, row.senderType);
                    insert.setString(5, row.senderId);
                    insert.setString(6, row.senderName);
                    insert.setString(7, row.body);
                    insert.setObject(8, row.createdAt);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** One conversation's held messages, skipping any the table has already (a replay wrote it before a crash). */
    private void writeAlone(List<MessageRow> rows) {
        try (SqlSession session = sessions.get()) {
            MessageMapper messages = session.getMapper(MessageMapper.class);
            for (MessageRow row : rows) {
                if (messages.countAt(row.conversationId, row.seq) == 0) {
                    messages.insert(row);
                }
            }
            tails.written(List.of(rows), session::commit);
        } catch (PersistenceException e) {
            LOG.error("Conversation {}: its held messages could not be written; they stay held and in the journal",
                    rows.get(0).conversationId, e);
        }
    }

    /** Stops flushing; {@link #flushAll} then writes the rest. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
