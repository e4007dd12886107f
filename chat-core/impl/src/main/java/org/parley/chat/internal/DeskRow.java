package org.parley.chat.internal;

import java.time.OffsetDateTime;
import org.apache.ibatis.session.SqlSession;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.ConversationState;
import org.parley.chat.api.DeskConversation;
import org.parley.chat.api.DeskState;
import org.parley.chat.api.Message;
import org.parley.chat.api.Sender;
import org.parley.chat.api.SenderType;

/** A conversation as an agent's desk lists it, filled by MyBatis. */
final class DeskRow {
    String id;
    String visitorId;
    String state;
    long lastSeq;
    OffsetDateTime createdAt;
    OffsetDateTime updatedAt;
    String assignedAgentId;
    OffsetDateTime closedAt;
    long unread;
    Long lastSeqOfMessage;
    String lastClientMessageId;
    String lastSenderType;
    String lastSenderId;
    String lastSenderName;
    String lastBody;
    OffsetDateTime lastCreatedAt;

    /**
     * Fills in the newest message where the query found none at the conversation's last number: it is held, not in
     * chat_message yet (MessageTails).
     */
    DeskRow withNewest(ChatStore store, SqlSession session) {
        if (lastSeq > 0 && (lastSeqOfMessage == null || lastSeqOfMessage != lastSeq)) {
            MessageRow newest = store.messageAt(session, id, lastSeq);
            if (newest != null) {
                lastSeqOfMessage = newest.seq;
                lastClientMessageId = newest.clientMessageId;
                lastSenderType = newest.senderType;
                lastSenderId = newest.senderId;
                lastSenderName = newest.senderName;
                lastBody = newest.body;
                lastCreatedAt = newest.createdAt;
            }
        }
        return this;
    }

    DeskConversation toDeskConversation(String agentId) {
        Conversation conversation = new Conversation(id, visitorId, ConversationState.valueOf(state), lastSeq,
                createdAt.toInstant(), assignedAgentId, closedAt == null ? null : closedAt.toInstant());
        Message last = lastSeqOfMessage == null ? null : new Message(id, lastSeqOfMessage, lastClientMessageId,
                new Sender(SenderType.valueOf(lastSenderType), lastSenderId, lastSenderName), lastBody,
                lastCreatedAt.toInstant());
        return new DeskConversation(conversation, stateFor(conversation, agentId, unread), unread, last);
    }

    /** The one state the agent sees the conversation in. */
    static DeskState stateFor(Conversation conversation, String agentId, long unread) {
        return switch (conversation.state()) {
            case NEW -> DeskState.NEW_CHAT;
            case ACTIVE -> !agentId.equals(conversation.assignedAgentId()) ? DeskState.NOT_IN_CONVERSATION
                    : unread > 0 ? DeskState.NEW_MESSAGES : DeskState.ACTIVE;
            case CLOSED -> DeskState.NOT_IN_CONVERSATION;
        };
    }
}
