package org.parley.chat.internal;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.parley.chat.api.ChatException;

/**
 * How far each reader has read each conversation ({@code chat_seen}). Readers are agents, and since the visitor's
 * seen receipts also the conversation's visitor: the column {@code agent_id} holds the reader's id, and visitors' and
 * agents' ids are random UUIDs, so they never meet (agents' unread counts join on their own id only).
 */
final class SeenMarks {
    private SeenMarks() {}

    /** The visitor's mark and the agents' highest, 0 where there is none. */
    static org.parley.chat.api.SeenMarks of(ChatStore store, String conversationId, String visitorId) {
        try (SqlSession session = store.session()) {
            DeskMapper desk = session.getMapper(DeskMapper.class);
            Long visitor = desk.seen(conversationId, visitorId);
            Long agents = desk.seenByOthers(conversationId, visitorId);
            return new org.parley.chat.api.SeenMarks(visitor == null ? 0 : visitor, agents == null ? 0 : agents);
        }
    }

    /** Raises the reader's mark to {@code seq}; a lower number changes nothing. Answers the mark afterwards. */
    static long raise(ChatStore store, String conversationId, String readerId, long seq) {
        long visitorMessages;
        try (SqlSession session = store.session()) {
            ConversationRow row = session.getMapper(ConversationMapper.class).find(conversationId);
            if (row == null) {
                throw new ChatException(ChatException.Reason.NOT_FOUND, "conversationId", "No such conversation");
            }
            if (seq < 0 || seq > row.lastSeq) {
                throw new ChatException(ChatException.Reason.INVALID, "seq",
                        "'seq' must be from 0 to the newest message's, " + row.lastSeq);
            }
            visitorMessages = store.visitorMessagesUpTo(session, conversationId, seq);
            session.getMapper(DeskMapper.class).mark(conversationId, readerId, seq, visitorMessages);
            session.commit();
        } catch (PersistenceException e) {
            // Another request of the same reader inserted the mark at the same moment: raise it instead.
            try (SqlSession session = store.session()) {
                visitorMessages = store.visitorMessagesUpTo(session, conversationId, seq);
                session.getMapper(DeskMapper.class).raiseMark(conversationId, readerId, seq, visitorMessages);
                session.commit();
            }
        }
        store.seenChanged(conversationId, readerId, visitorMessages);
        try (SqlSession session = store.session()) {
            Long now = session.getMapper(DeskMapper.class).seen(conversationId, readerId);
            return now == null ? seq : now;
        }
    }
}
