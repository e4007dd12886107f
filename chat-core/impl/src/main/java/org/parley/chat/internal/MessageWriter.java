package org.parley.chat.internal;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.DeskConversation;
import org.parley.chat.api.Message;
import org.parley.chat.api.PostedMessage;
import org.parley.chat.api.Sender;
import org.parley.chat.api.SenderType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores messages on a few threads, each conversation always on the same one (so its messages keep their order), in
 * batches: the messages that arrive while one batch is written go together in the next, in one transaction with one
 * commit (group commit). The callers wait for their message's outcome, so a message is acknowledged only once it is
 * committed; each message of a batch is handed to the subscribers, in order, before its caller is answered. A batch in
 * which anything goes wrong (a repeated client message id, a refusal) is rolled back and its messages are stored one
 * at a time, each in its own transaction, as if they had come alone.
 */
final class MessageWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MessageWriter.class);
    /**
     * Threads storing messages: two keep both cores of a small machine busy while one waits for its commit; more
     * measured no faster on H2 (docs/performance.md).
     */
    static final int WRITERS = 2;
    /** The most messages in one transaction. */
    static final int MAX_BATCH = 256;
    /** The most messages waiting to be written; more are refused as busy. */
    static final int MAX_WAITING = 20_000;
    /** How long a sender waits for its message to be stored before hearing "busy" (and retrying). */
    static final long MAX_WAIT_MILLIS = 10_000;

    /** A message to store, with the answer its sender waits for. */
    record Pending(String conversationId, Sender sender, String clientMessageId, String text, String agentId,
            CompletableFuture<PostedMessage> answer) {
        boolean visitor() {
            return agentId == null && sender.type() == SenderType.VISITOR;
        }
    }

    /**
     * A message stored by this writer, its conversation as the same transaction left it, and the conversation as its
     * agent's list shows it (null when it has none).
     */
    record Stored(Pending pending, PostedMessage posted, Conversation conversation, DeskConversation assigneeView) {}

    private static final Comparator<Pending> BY_CONVERSATION = Comparator.comparing(Pending::conversationId);

    private final ChatStore store;
    private final List<BlockingQueue<Pending>> waiting = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /** @param writers threads writing at once; each conversation is always written by the same one */
    MessageWriter(ChatStore store, int writers) {
        this.store = store;
        for (int i = 0; i < writers; i++) {
            BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(MAX_WAITING / writers);
            waiting.add(queue);
            Thread thread = new Thread(() -> run(queue), "parley-message-writer-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Waits for a {@link #submit}ted message's answer: the stored message, or the reason it was refused, thrown; BUSY
     * after {@value #MAX_WAIT_MILLIS} ms.
     */
    static PostedMessage await(CompletableFuture<PostedMessage> answer) {
        try {
            return answer.get(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // It may still be stored: the same client message id sent again finds it then.
            throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    /**
     * Queues the message (checked already) without waiting: the answer completes on this writer's thread once the
     * message is committed and handed to the subscribers, or fails (BUSY at once when {@value #MAX_WAITING} wait
     * already). Never complete it from outside.
     */
    CompletableFuture<PostedMessage> submit(String conversationId, Sender sender, String clientMessageId, String text,
            String agentId) {
        Pending pending = new Pending(conversationId, sender, clientMessageId, text, agentId, new CompletableFuture<>());
        BlockingQueue<Pending> queue = waiting.get(Math.floorMod(conversationId.hashCode(), waiting.size()));
        if (!running || !queue.offer(pending)) {
            return CompletableFuture.failedFuture(busy());
        }
        return pending.answer();
    }

    private static ChatException busy() {
        return new ChatException(ChatException.Reason.BUSY, null,
                "Too many messages are waiting to be stored; send it again with the same client message id");
    }

    private void run(BlockingQueue<Pending> waiting) {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                // Row locks taken in id order, as other writers of several conversations take them (a stable sort keeps
                // each conversation's messages in arrival order).
                batch.sort(BY_CONVERSATION);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // Stopped: nobody may wait for ever, whether they hold a thread or a callback.
                for (Pending left; (left = waiting.poll()) != null;) {
                    left.answer().completeExceptionally(busy());
                }
                return;
            } catch (RuntimeException | Error e) {
                // Never leave a sender waiting, nor the writer dead.
                LOG.error("Storing messages failed", e);
                batch.forEach(pending -> pending.answer().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<Stored> stored = batch.size() == 1 ? null : together(batch);
        if (stored == null) {
            stored = new ArrayList<>(batch.size());
            for (Pending pending : batch) {
                try {
                    stored.add(alone(pending));
                } catch (RuntimeException e) {
                    pending.answer().completeExceptionally(e);
                }
            }
        }
        // Each message is handed to its subscribers, then its sender answered: the frames for the sender's connection
        // (its copy of the message, the answer) are queued one right after the other, to go out in one write.
        for (Stored message : stored) {
            if (message.posted().created()) {
                store.published(message.posted().message(), message.conversation(), message.assigneeView());
            }
            message.pending().answer().complete(message.posted());
        }
    }

    /** The batch in one transaction; null (rolled back) when any message of it needs a closer look. */
    private List<Stored> together(List<Pending> batch) {
        OffsetDateTime now = ChatStore.now();
        List<Stored> stored = new ArrayList<>(batch.size());
        Set<String> clientIds = new HashSet<>();
        boolean committed = false;
        try (SqlSession session = store.writerSession()) {
            for (Pending pending : batch) {
                // A client id twice in one batch: the second is a retry, answered from the first, one at a time.
                Stored message = clientIds.add(pending.conversationId() + ' ' + pending.clientMessageId())
                        ? store(session, pending, now) : null;
                if (message == null) {
                    session.rollback();
                    return null;
                }
                stored.add(message);
            }
            session.commit();
            committed = true;
            store.journaled(stored.stream().map(MessageWriter::journalEntry).toList());
            return stored;
        } catch (PersistenceException e) {
            // A repeated client message id (the unique key) or a database hiccup: one at a time tells them apart.
            return null;
        } finally {
            if (!committed) {
                batch.forEach(pending -> store.forgetState(pending.conversationId()));
            }
        }
    }

    /** One message in its own transaction: stored, or the copy stored before, or the reason it may not be. */
    private Stored alone(Pending pending) {
        boolean committed = false;
        try (SqlSession session = store.writerSession()) {
            Stored stored;
            try {
                stored = store(session, pending, ChatStore.now());
            } catch (PersistenceException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                session.rollback();
                // The same client message id again (a retry): answer with the copy stored the first time.
                MessageRow first = store.existing(session, pending.conversationId(), pending.clientMessageId());
                if (first == null) {
                    throw e; // another unique key: the agent's read mark, inserted at the same moment
                }
                return new Stored(pending, new PostedMessage(first.toMessage(), false), null, null);
            }
            if (stored == null) {
                session.rollback();
                return new Stored(pending, refused(store, session, pending), null, null);
            }
            session.commit();
            committed = true;
            store.journaled(List.of(journalEntry(stored)));
            return stored;
        } finally {
            if (!committed) {
                store.forgetState(pending.conversationId());
            }
        }
    }

    private static MessageJournal.Entry journalEntry(Stored stored) {
        Pending pending = stored.pending();
        return new MessageJournal.Entry(MessageRow.of(stored.posted().message()), pending.visitor(), pending.agentId());
    }

    /**
     * Takes the next sequence number, checks under the counter row's lock that the sender may write, and inserts the
     * message: three statements (an agent's also moves their read mark), the second of which also finds a repeated
     * client id. With a journal the row is not inserted but held ({@link ChatStore#journaled}), and the conversation
     * is read from the database only for its first message: after that, from what this writer kept of it
     * ({@link ConversationStates}), and the second statement, which looks for the client id, runs only when the
     * conversation's {@link ClientIdFilter} cannot rule it out. Null when the
     * conversation refused or the client id was used before; the caller rolls back and forgets what it kept.
     */
    private Stored store(SqlSession session, Pending pending, OffsetDateTime now) {
        ConversationMapper conversations = session.getMapper(ConversationMapper.class);
        String id = pending.conversationId();
        // Held first, the table after (findForMessage): one written meanwhile is in the table by then.
        if (store.heldWithClientId(id, pending.clientMessageId())) {
            return null;
        }
        if (conversations.advanceSeq(id, pending.visitor() ? 1 : 0, now) == 0) {
            return null;
        }
        // Read after the lock: a change of state committed before it is seen, one after it waits for this message.
        ConversationStates states = store.states();
        long stamp = states == null ? 0 : states.stamp(id);
        ConversationRow kept = states == null ? null : states.get(id);
        ConversationRow row;
        if (kept == null) {
            row = conversations.findForMessage(id, pending.clientMessageId());
            if (row.clientIdSeq != null) {
                return null;
            }
            if (states != null) {
                row.clientIds = store.clientIdsOf(session, id);
            }
        } else {
            // Almost always certainly new: the table is asked only when the filter says "maybe".
            if (kept.clientIds.mightContain(pending.clientMessageId()) && session.getMapper(MessageMapper.class)
                    .findByClientId(id, pending.clientMessageId()) != null) {
                return null;
            }
            row = kept.next(pending.visitor());
        }
        if (!mayWrite(row, pending)) {
            return null;
        }
        Message message = new Message(id, row.lastSeq, pending.clientMessageId(), pending.sender(), pending.text(),
                now.toInstant());
        if (!store.defersRows()) {
            session.getMapper(MessageMapper.class).insert(MessageRow.of(message));
        }
        if (pending.agentId() != null) {
            // Answering means having read what came before: the agent's mark moves to their own message, the newest,
            // so the visitor's messages it passes are all the counter counts.
            session.getMapper(DeskMapper.class).mark(id, pending.agentId(), row.lastSeq, row.visitorMessages);
            row.assigneeSeenVisitorMessages = row.visitorMessages;
        }
        if (states != null) {
            // Before the commit, still under the lock; the caller forgets it if the transaction does not commit.
            row.clientIds.add(pending.clientMessageId());
            if (row.clientIds.full()) {
                states.forget(id); // the next message reads it again, with a larger filter
            } else {
                states.put(id, row.copy(), stamp);
            }
        }
        Conversation conversation = row.toConversation();
        return new Stored(pending, new PostedMessage(message, true), conversation,
                row.toAssigneeView(conversation, message));
    }

    /**
     * An agent's message only while the conversation is ACTIVE and theirs; a visitor's only in their own open
     * conversation while not blocked; anyone else's while it is open.
     */
    private static boolean mayWrite(ConversationRow row, Pending pending) {
        if (pending.agentId() != null) {
            return "ACTIVE".equals(row.state) && pending.agentId().equals(row.assignedAgentId);
        }
        if (pending.visitor()) {
            return !"CLOSED".equals(row.state) && row.visitorId.equals(pending.sender().id()) && !row.visitorBlocked;
        }
        return !"CLOSED".equals(row.state);
    }

    /** Why a message was not stored; a message stored before with the same client id is the answer instead. */
    private static PostedMessage refused(ChatStore store, SqlSession session, Pending pending) {
        ConversationRow row = session.getMapper(ConversationMapper.class).find(pending.conversationId());
        if (row == null || pending.visitor() && !row.visitorId.equals(pending.sender().id())) {
            // Another visitor's conversation answers like a missing one, so ids cannot be probed.
            throw new ChatException(ChatException.Reason.NOT_FOUND, "conversationId", "No such conversation");
        }
        MessageRow existing = store.existing(session, pending.conversationId(), pending.clientMessageId());
        if (existing != null) {
            return new PostedMessage(existing.toMessage(), false);
        }
        if (pending.visitor() && ChatVisitorRecords.isBlocked(session, pending.sender().id())) {
            throw ChatVisitorRecords.blocked();
        }
        throw ChatStore.refusal(row, pending.agentId());
    }

    /** A unique key refused the row: SQLSTATE 23505 on H2 and PostgreSQL alike. */
    private static boolean isUniqueViolation(PersistenceException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Stores what is waiting, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            for (Thread thread : threads) {
                thread.join(MAX_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
