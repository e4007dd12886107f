package org.parley.chat.internal;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.DeskEvent;
import org.parley.chat.api.Message;
import org.parley.chat.api.Sender;
import org.parley.chat.api.SenderType;

/**
 * Closing a conversation, for visitors and agents alike, and what a visitor's message to a closed conversation
 * starts: a new conversation that follows it.
 */
final class ConversationEnd {
    private ConversationEnd() {}

    /**
     * Closes the conversation with a system message saying who did.
     *
     * @param agentId for an agent, who may close the queue's chats and their own but not another agent's; null for
     *     the visitor, whom the caller has checked
     */
    static Conversation close(ChatStore store, String conversationId, Sender closedBy, String agentId) {
        OffsetDateTime now = ChatStore.now();
        Message notice;
        Conversation closed;
        try (SqlSession session = store.session()) {
            ConversationMapper conversations = session.getMapper(ConversationMapper.class);
            ConversationRow row = conversations.lockCounter(conversationId) == null ? null
                    : conversations.find(conversationId);
            if (row == null) {
                throw new ChatException(ChatException.Reason.NOT_FOUND, "conversationId", "No such conversation");
            }
            if ("CLOSED".equals(row.state)) {
                throw new ChatException(ChatException.Reason.CLOSED, "conversationId", "The chat is closed already");
            }
            if (agentId != null && "ACTIVE".equals(row.state) && !agentId.equals(row.assignedAgentId)) {
                throw new ChatException(ChatException.Reason.FORBIDDEN, "conversationId", "Another agent has this chat");
            }
            notice = store.appendSystem(session, conversationId, closedText(closedBy), now);
            conversations.close(conversationId, closedBy.type().name(), closedBy.id(), now);
            closed = conversations.find(conversationId).toConversation();
            session.commit();
        }
        store.published(notice, closed);
        store.published(new DeskEvent(closed, DeskEvent.Reason.CLOSED));
        return closed;
    }

    static String closedText(Sender closedBy) {
        if (closedBy.type() == SenderType.VISITOR) {
            return "The visitor closed the chat";
        }
        return (closedBy.name() == null ? "An agent" : closedBy.name()) + " closed the chat";
    }

    /**
     * The conversation that continues a closed one: the one a visitor's earlier message already started, or a new
     * one. The closed conversation's row lock makes two messages sent at once start only one.
     */
    static String continuation(ChatStore store, String closedId) {
        OffsetDateTime now = ChatStore.now();
        Conversation opened = null;
        String next;
        try (SqlSession session = store.session()) {
            ConversationMapper conversations = session.getMapper(ConversationMapper.class);
            conversations.lockCounter(closedId);
            ConversationRow closed = conversations.find(closedId);
            next = conversations.followerOf(closedId);
            if (next == null) {
                next = UUID.randomUUID().toString();
                ChatStore.insertConversation(session, next, closed.visitorId, closedId, now);
                opened = conversations.find(next).toConversation();
            }
            session.commit();
        }
        if (opened != null) {
            store.published(new DeskEvent(opened, DeskEvent.Reason.OPENED));
        }
        return next;
    }
}
