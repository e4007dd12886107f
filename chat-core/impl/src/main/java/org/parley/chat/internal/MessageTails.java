package org.parley.chat.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The newest messages of each conversation, held in memory after their journal append and written to
 * {@code chat_message} later, many of one conversation at a time ({@link MessageFlusher}). Inserting a conversation's
 * messages one by one, as they come, rewrites one page of the table's index for each; inserting a dozen of them
 * together rewrites it once (docs/performance.md, tenth round). Until a message is written, the journal keeps its
 * record ({@code Journal.retainFrom}) and every read of messages adds the held ones to what the table has.
 *
 * <p>A message is either held here or in the table, never both, except while a flush commits and then lets go of
 * what it wrote. {@link #read} runs a reader outside those moments, so that it may add what is held to what it read
 * from the table without counting anything twice.
 */
final class MessageTails {
    /** One held message, with the journal position noted before its record was appended. */
    record Held(MessageRow row, long position, long heldAtMillis) {}

    /** One conversation's held messages, in sequence order. */
    static final class Tail {
        private final List<Held> messages = new ArrayList<>();

        synchronized List<Held> copy() {
            return new ArrayList<>(messages);
        }

        synchronized Held first() {
            return messages.isEmpty() ? null : messages.get(0);
        }

        synchronized int size() {
            return messages.size();
        }

        /** The first held message that passes the test, looked for in place: the writers ask for every message. */
        synchronized MessageRow find(Predicate<MessageRow> test) {
            for (Held message : messages) {
                if (test.test(message.row())) {
                    return message.row();
                }
            }
            return null;
        }

        /** How many held messages pass the test, counted in place. */
        synchronized int count(Predicate<MessageRow> test) {
            int count = 0;
            for (Held message : messages) {
                if (test.test(message.row())) {
                    count++;
                }
            }
            return count;
        }
    }

    private final Map<String, Tail> tails = new ConcurrentHashMap<>();
    private final AtomicInteger held = new AtomicInteger();
    /** Odd while a flush commits and lets go; each flush adds two (a sequence lock). */
    private final AtomicLong flushes = new AtomicLong();
    /** Held by a flush while {@link #flushes} is odd, so that a reader waits for it without spinning. */
    private final ReentrantLock flushing = new ReentrantLock();

    /** Holds messages just committed (their counters) and about to be appended to the journal at {@code position}. */
    void hold(List<MessageRow> rows, long position) {
        long now = System.currentTimeMillis();
        for (MessageRow row : rows) {
            tails.compute(row.conversationId, (id, tail) -> {
                Tail into = tail == null ? new Tail() : tail;
                synchronized (into) {
                    into.messages.add(new Held(row, position, now));
                }
                return into;
            });
        }
        held.addAndGet(rows.size());
    }

    /** The conversation's held messages, oldest first; empty when none. */
    List<MessageRow> of(String conversationId) {
        Tail tail = tails.get(conversationId);
        return tail == null ? List.of() : tail.copy().stream().map(Held::row).toList();
    }

    /** The held message with this client id, or null. */
    MessageRow byClientId(String conversationId, String clientMessageId) {
        Tail tail = tails.get(conversationId);
        return tail == null ? null : tail.find(row -> row.clientMessageId.equals(clientMessageId));
    }

    /** The held message with this number, or null. */
    MessageRow at(String conversationId, long seq) {
        Tail tail = tails.get(conversationId);
        return tail == null ? null : tail.find(row -> row.seq == seq);
    }

    /** The held visitor's messages numbered up to {@code seq}. */
    int visitorMessagesUpTo(String conversationId, long seq) {
        Tail tail = tails.get(conversationId);
        return tail == null ? 0 : tail.count(row -> row.seq <= seq && "VISITOR".equals(row.senderType));
    }

    /** The name of the agent's newest held message, or null. */
    String lastNameOf(String agentId) {
        MessageRow newest = null;
        for (Tail tail : tails.values()) {
            for (Held message : tail.copy()) {
                MessageRow row = message.row();
                if ("AGENT".equals(row.senderType) && agentId.equals(row.senderId) && row.senderName != null
                        && (newest == null || row.createdAt.isAfter(newest.createdAt))) {
                    newest = row;
                }
            }
        }
        return newest == null ? null : newest.senderName;
    }

    /** The oldest journal position a held message needs; {@code Long.MAX_VALUE} when nothing is held. */
    long oldestPosition() {
        long oldest = Long.MAX_VALUE;
        for (Tail tail : tails.values()) {
            Held first = tail.first();
            if (first != null) {
                oldest = Math.min(oldest, first.position());
            }
        }
        return oldest;
    }

    /** How many messages are held. */
    int held() {
        return held.get();
    }

    /**
     * The conversations whose held messages are due to be written: those holding {@code atMessages} or more, those
     * whose oldest was held before {@code heldBefore}, and then the oldest others while more than {@code maxHeld}
     * would stay held. Each with a copy of its messages.
     */
    List<List<MessageRow>> due(int atMessages, long heldBefore, int maxHeld) {
        List<List<Held>> due = new ArrayList<>();
        List<List<Held>> others = new ArrayList<>();
        int staying = 0;
        for (Tail tail : tails.values()) {
            List<Held> messages = tail.copy();
            if (messages.isEmpty()) {
                continue;
            }
            if (messages.size() >= atMessages || messages.get(0).heldAtMillis() < heldBefore) {
                due.add(messages);
            } else {
                others.add(messages);
                staying += messages.size();
            }
        }
        if (staying > maxHeld) {
            others.sort(Comparator.comparingLong(messages -> messages.get(0).heldAtMillis()));
            for (List<Held> messages : others) {
                if (staying <= maxHeld) {
                    break;
                }
                due.add(messages);
                staying -= messages.size();
            }
        }
        return due.stream().map(messages -> messages.stream().map(Held::row).toList()).toList();
    }

    /**
     * Commits what a flush wrote and lets go of it, as one step for {@link #read}: {@code commit} runs with readers
     * held off, then the written messages (each conversation's up to the highest number written) are let go.
     */
    void written(List<List<MessageRow>> written, Runnable commit) {
        flushing.lock();
        flushes.incrementAndGet();
        try {
            commit.run();
            int released = 0;
            for (List<MessageRow> rows : written) {
                long upTo = rows.get(rows.size() - 1).seq;
                int[] dropped = {0};
                tails.computeIfPresent(rows.get(0).conversationId, (id, tail) -> {
                    synchronized (tail) {
                        int before = tail.messages.size();
                        tail.messages.removeIf(message -> message.row().seq <= upTo);
                        dropped[0] = before - tail.messages.size();
                        return tail.messages.isEmpty() ? null : tail;
                    }
                });
                released += dropped[0];
            }
            held.addAndGet(-released);
        } finally {
            flushes.incrementAndGet();
            flushing.unlock();
        }
    }

    /**
     * Runs a reader that reads the table and adds what is held, at a moment when no flush moves messages from one to
     * the other; runs it again if one did meanwhile.
     */
    <T> T read(Supplier<T> reader) {
        while (true) {
            long before = flushes.get();
            if ((before & 1) != 0) {
                flushing.lock(); // until the flush has committed and let go
                flushing.unlock();
                continue;
            }
            T result = reader.get();
            if (flushes.get() == before) {
                return result;
            }
        }
    }
}
