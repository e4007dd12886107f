package org.parley.chat.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.DeskConversation;
import org.parley.chat.api.DeskEvent;
import org.parley.chat.api.DeskSubscriber;
import org.parley.chat.api.Message;
import org.parley.chat.api.MessageSubscriber;
import org.parley.chat.api.PostedMessage;
import org.parley.chat.api.Sender;
import org.parley.platform.database.Database;
import org.parley.platform.database.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat tables, migrated once when the bundle activates, the storing of messages, and the in-JVM fan-out of
 * stored messages and of the agents' list changes. A service of this bundle only, shared by its components, so that
 * whatever one of them stores reaches every subscriber.
 */
// Immediate: the schema is migrated when Parley starts, not on the first request.
@Component(service = ChatStore.class, immediate = true)
public final class ChatStore {
    private static final Logger LOG = LoggerFactory.getLogger(ChatStore.class);
    private final SqlSessionFactory sessions;
    private final MessageFanout messages = new MessageFanout();
    private final DeskFanout desk = new DeskFanout();
    /** Where the writers make their commits durable on an H2 file; null where the commit itself does. */
    private final Journal journal;
    /** With a journal: the newest messages, held until the flusher writes them, many of a conversation together. */
    private final MessageTails tails;
    private final MessageFlusher flusher;
    /** With a journal (one node's H2 file): what the writers check and count per conversation, kept in memory. */
    private final ConversationStates states;
    private final MessageWriter writer;

    @Activate
    public ChatStore(@Reference Database database) {
        this.sessions = database.open("chat", ChatStore.class.getClassLoader(),
                VisitorMapper.class, ConversationMapper.class, MessageMapper.class, DeskMapper.class);
        // Replays what a crash kept from the database file before any message is written.
        int[] restored = {0};
        this.journal = database.journal("chat-messages",
                record -> restored[0] += MessageJournal.replay(record, sessions));
        if (restored[0] > 0) {
            LOG.info("{} acknowledged messages the database file had lost were restored from the journal", restored[0]);
        }
        if (journal == null) {
            this.tails = null;
            this.flusher = null;
            this.states = null;
        } else {
            this.tails = new MessageTails();
            journal.retainFrom(tails::oldestPosition);
            this.flusher = new MessageFlusher(tails, this::writerSession);
            this.states = new ConversationStates();
        }
        this.writer = new MessageWriter(this, MessageWriter.WRITERS);
    }

    /** Stores the messages still waiting, then stops writing. */
    @Deactivate
    void deactivate() {
        writer.close();
        if (flusher != null) {
            flusher.close();
            writeHeld();
            if (tails.held() > 0) {
                LOG.error("{} held messages could not be written; the journal keeps them for the next start",
                        tails.held());
                return;
            }
        }
        if (journal != null) {
            journal.close();
        }
    }

    /** Writes every held message to the table now, rather than when due. */
    void writeHeld() {
        if (flusher != null) {
            flusher.flushAll();
        }
    }

    /** A session with its own transaction; commit it, or closing it rolls back. */
    SqlSession session() {
        return sessions.openSession(false);
    }

    /**
     * A session for the message writers: with a journal, its commit returns before the database file holds it, and
     * the writer appends what it committed ({@link #journaled}) before answering.
     */
    SqlSession writerSession() {
        if (journal == null) {
            return session();
        }
        DataSource pool = sessions.getConfiguration().getEnvironment().getDataSource();
        Connection connection = null;
        try {
            connection = pool.getConnection();
            connection.setAutoCommit(false);
            return sessions.openSession(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new PersistenceException("No database connection for the message writer", e);
        }
    }

    /**
     * Makes the writer's committed messages durable: with a journal, holds them (their rows are not in the table yet,
     * see {@link #defersRows}) and appends them to it.
     */
    void journaled(List<MessageJournal.Entry> entries) {
        if (journal != null && !entries.isEmpty()) {
            // The position is noted before the append, so that the journal keeps the record until they are written.
            long position = journal.position();
            tails.hold(entries.stream().map(MessageJournal.Entry::row).toList(), position);
            journal.append(MessageJournal.encode(entries));
        }
    }

    /**
     * Whether the writers leave their messages' rows to the flusher: with a journal. The table's unique key then does
     * not see a repeated client message id among the held messages, so the writer looks there first
     * ({@link #heldWithClientId}).
     */
    boolean defersRows() {
        return tails != null;
    }

    /**
     * Runs a reader of messages at a moment when none moves from the held ones to the table; at once without held
     * messages.
     */
    <T> T reading(Supplier<T> reader) {
        return tails == null ? reader.get() : tails.read(reader);
    }

    /** What the writers keep of each conversation between its messages; null where they read it every time. */
    ConversationStates states() {
        return states;
    }

    /**
     * Drops what the writers keep of the conversation: call it in the transaction that changes its state, under its
     * counter row's lock, and where a writer's transaction does not commit.
     */
    void forgetState(String conversationId) {
        if (states != null) {
            states.forget(conversationId);
        }
    }

    /** After the commit of a reader's mark: the assignee's unread count that the writers keep follows it. */
    void seenChanged(String conversationId, String readerId, long visitorMessages) {
        if (states != null) {
            states.seen(conversationId, readerId, visitorMessages);
        }
    }

    /** After the commit of a block or unblock: the writers read the visitor's conversations again. */
    void blockChanged(String visitorId) {
        if (states != null) {
            try (SqlSession session = session()) {
                session.getMapper(ConversationMapper.class).ofVisitor(visitorId)
                        .forEach(row -> states.forget(row.id));
            }
        }
    }

    /** The client ids of the conversation's messages, held or in the table, for its writer to count on from. */
    ClientIdFilter clientIdsOf(SqlSession session, String conversationId) {
        // Held first: one written meanwhile is in the table by the time the table is asked.
        List<String> ids = new ArrayList<>();
        if (tails != null) {
            tails.of(conversationId).forEach(row -> ids.add(row.clientMessageId));
        }
        ids.addAll(session.getMapper(MessageMapper.class).clientIdsOf(conversationId));
        return ClientIdFilter.of(ids);
    }

    /** Whether a held message has this client id. */
    boolean heldWithClientId(String conversationId, String clientMessageId) {
        return tails != null && tails.byClientId(conversationId, clientMessageId) != null;
    }

    /** The message stored with this client id, held or in the table; null if none. */
    MessageRow existing(SqlSession session, String conversationId, String clientMessageId) {
        // Held first: one written meanwhile is in the table by the time the table is asked.
        MessageRow held = tails == null ? null : tails.byClientId(conversationId, clientMessageId);
        return held != null ? held
                : session.getMapper(MessageMapper.class).findByClientId(conversationId, clientMessageId);
    }

    /** Up to {@code limit} messages numbered after {@code afterSeq}, held or in the table, in order. */
    List<MessageRow> messagesAfter(SqlSession session, String conversationId, long afterSeq, int limit) {
        return reading(() -> {
            List<MessageRow> rows = session.getMapper(MessageMapper.class).after(conversationId, afterSeq, limit);
            List<MessageRow> held = tails == null ? List.of() : tails.of(conversationId);
            if (held.isEmpty()) {
                return rows;
            }
            List<MessageRow> all = new ArrayList<>(rows);
            held.stream().filter(row -> row.seq > afterSeq).forEach(all::add);
            all.sort(Comparator.comparingLong(row -> row.seq));
            return all.subList(0, Math.min(limit, all.size()));
        });
    }

    /** How many of the conversation's messages numbered up to {@code seq} the visitor sent, held or in the table. */
    long visitorMessagesUpTo(SqlSession session, String conversationId, long seq) {
        return reading(() -> session.getMapper(MessageMapper.class).visitorMessagesUpTo(conversationId, seq)
                + (tails == null ? 0 : tails.visitorMessagesUpTo(conversationId, seq)));
    }

    /** The message numbered {@code seq}, held or in the table; null if none. */
    MessageRow messageAt(SqlSession session, String conversationId, long seq) {
        MessageRow held = tails == null ? null : tails.at(conversationId, seq);
        return held != null ? held : session.getMapper(MessageMapper.class).at(conversationId, seq);
    }

    /** The name the agent's newest message was sent with, held or in the table; null if none. */
    String lastNameOf(SqlSession session, String agentId) {
        String held = tails == null ? null : tails.lastNameOf(agentId);
        return held != null ? held : session.getMapper(MessageMapper.class).lastNameOf(agentId);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool takes it back or drops it
            }
        }
    }

    /** A session inside someone else's transaction: statements only, the owner commits or rolls back. */
    SqlSession sessionOn(Connection transaction) {
        return sessions.openSession(BorrowedConnection.of(transaction));
    }

    Conversations.Subscription subscribe(String conversationId, MessageSubscriber subscriber) {
        return messages.subscribe(conversationId, subscriber);
    }

    Conversations.Subscription subscribe(DeskSubscriber subscriber) {
        return desk.subscribe(subscriber);
    }

    /** Tells the subscribers, after the commit: the message's and every desk. */
    void published(Message message, Conversation conversation) {
        published(message, conversation, null);
    }

    /** The same, with the conversation as its agent's list shows it (null: each desk reads it). */
    void published(Message message, Conversation conversation, DeskConversation assigneeView) {
        messages.publish(message);
        desk.publish(new DeskEvent(conversation, DeskEvent.Reason.MESSAGE, assigneeView));
    }

    /** Tells every desk, after the commit. */
    void published(DeskEvent event) {
        desk.publish(event);
    }

    /**
     * Stores a message and tells the subscribers, then answers: through the {@link MessageWriter}, which stores the
     * messages that arrive together in one transaction.
     *
     * @param agentId for an agent's message, the agent who must have the conversation; null for anyone while it is
     *     open, but a visitor only in their own conversation and while not blocked
     */
    PostedMessage post(String conversationId, Sender sender, String clientMessageId, String text, String agentId) {
        return MessageWriter.await(postAsync(conversationId, sender, clientMessageId, text, agentId));
    }

    /** {@link #post} without waiting: see {@link MessageWriter#submit}; a text or id that is not valid fails it. */
    CompletableFuture<PostedMessage> postAsync(String conversationId, Sender sender, String clientMessageId,
            String text, String agentId) {
        String checkedText;
        String checkedId;
        try {
            checkedText = MessageRules.checkText(text);
            checkedId = MessageRules.checkClientMessageId(clientMessageId);
        } catch (ChatException e) {
            return CompletableFuture.failedFuture(e);
        }
        return writer.submit(conversationId, sender, checkedId, checkedText, agentId);
    }

    static ChatException refusal(ConversationRow row, String agentId) {
        if (row == null) {
            return new ChatException(ChatException.Reason.NOT_FOUND, "conversationId", "No such conversation");
        }
        if ("CLOSED".equals(row.state)) {
            return new ChatException(ChatException.Reason.CLOSED, "conversationId", "The conversation is closed");
        }
        return new ChatException(ChatException.Reason.FORBIDDEN, "conversationId", "NEW".equals(row.state)
                ? "The chat is waiting in the queue: take it before answering"
                : "Another agent has this chat");
    }

    /**
     * Stores a message from Parley itself, such as "the chat was closed", in the session's transaction, while the
     * conversation is open. Every change of state stores one, so it also takes the counter row's lock that serializes
     * the conversation's writers, and drops what they keep of the conversation ({@link ConversationStates}).
     */
    Message appendSystem(SqlSession session, String conversationId, String text, OffsetDateTime now) {
        ConversationMapper conversations = session.getMapper(ConversationMapper.class);
        if (conversations.advanceSeq(conversationId, 0, now) == 0) {
            throw refusal(null, null);
        }
        forgetState(conversationId);
        ConversationRow row = conversations.find(conversationId);
        if ("CLOSED".equals(row.state)) {
            throw refusal(row, null);
        }
        Message message = new Message(conversationId, row.lastSeq, UUID.randomUUID().toString(), Sender.system(), text,
                now.toInstant());
        session.getMapper(MessageMapper.class).insert(MessageRow.of(message));
        return message;
    }

    /**
     * A new conversation waiting in the queue and its counters, in the session's transaction: a conversation is never
     * without its counter row.
     *
     * @param followsId the closed conversation it continues, or null
     */
    static void insertConversation(SqlSession session, String id, String visitorId, String followsId,
            OffsetDateTime now) {
        ConversationMapper conversations = session.getMapper(ConversationMapper.class);
        conversations.insert(id, visitorId, followsId, now);
        conversations.insertCounter(id, now);
    }

    /** Database timestamps keep microseconds; trimming here keeps what we return equal to what we read back. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
