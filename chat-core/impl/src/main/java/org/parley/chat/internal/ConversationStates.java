package org.parley.chat.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What a message's writer checks and counts for each conversation (state, assignee, visitor, whether the visitor is
 * blocked, counters, the assignee's read mark), kept in memory between its messages, on a single node's H2 file only.
 * Reading it from the database for every message was about half of the writers' work (docs/performance.md, eleventh
 * round); with this, the writer reads it once, then counts on from here.
 *
 * <p>Why what is here stays true:
 * <ul>
 *   <li>Only a conversation's writer thread reads an entry, and it reads and replaces it while it holds the
 *       conversation's counter row lock, before its commit; when its transaction does not commit, it drops the entry
 *       ({@link #forget}).
 *   <li>Every change of state (take, close, requeue) stores a system message under the same lock and drops the entry
 *       before its commit ({@link #forget}), so the next writer reads the database again.
 *   <li>Changes made without that lock (a read mark, a block) take effect after their commit ({@link #seen},
 *       {@link #forget}). A writer that read the conversation before may not put back what it read: its
 *       {@link #stamp} no longer matches ({@link #put}). The message it was writing came before the change.
 * </ul>
 */
final class ConversationStates {
    /** At most this many conversations are kept; the writer reads the others from the database. */
    static final int MAX_CONVERSATIONS = 50_000;
    private static final int STRIPES = 1024;

    private final ConcurrentHashMap<String, ConversationRow> rows = new ConcurrentHashMap<>();
    /** Raised by every change made without the counter lock, per stripe of conversation ids. */
    private final AtomicLongArray changes = new AtomicLongArray(STRIPES);

    /** Taken by a writer before it reads the conversation, here or in the database; {@link #put} checks it. */
    long stamp(String conversationId) {
        return changes.get(stripe(conversationId));
    }

    /** The conversation as its writer left it; null when it must be read from the database. Never change it. */
    ConversationRow get(String conversationId) {
        return rows.get(conversationId);
    }

    /** Keeps the conversation as its writer leaves it, unless a change came since {@code stamp}; never change it later. */
    void put(String conversationId, ConversationRow row, long stamp) {
        if (rows.size() >= MAX_CONVERSATIONS && !rows.containsKey(conversationId)) {
            return;
        }
        rows.compute(conversationId, (id, before) -> changes.get(stripe(id)) == stamp ? row : null);
    }

    /** Drops what is kept of the conversation: it changed, or its writer's transaction did not commit. */
    void forget(String conversationId) {
        rows.compute(conversationId, (id, before) -> {
            changes.incrementAndGet(stripe(id));
            return null;
        });
    }

    /**
     * A reader's mark moved, with {@code visitorMessages} of the visitor's messages read: the assignee's unread count
     * follows (marks only rise, so the larger count is the newer).
     */
    void seen(String conversationId, String readerId, long visitorMessages) {
        rows.compute(conversationId, (id, before) -> {
            if (before != null && !readerId.equals(before.assignedAgentId)) {
                return before; // another reader's mark: nothing kept here changes
            }
            changes.incrementAndGet(stripe(id));
            if (before == null) {
                return null;
            }
            ConversationRow after = before.copy();
            after.assigneeSeenVisitorMessages = Math.max(visitorMessages,
                    before.assigneeSeenVisitorMessages == null ? 0 : before.assigneeSeenVisitorMessages);
            return after;
        });
    }

    private static int stripe(String conversationId) {
        return Math.floorMod(conversationId.hashCode(), STRIPES);
    }
}
