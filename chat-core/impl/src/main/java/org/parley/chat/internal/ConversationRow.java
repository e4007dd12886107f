package org.parley.chat.internal;

import java.time.OffsetDateTime;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.ConversationState;

/** A row of chat_conversation, filled by MyBatis. */
final class ConversationRow {
    String id;
    String visitorId;
    String state;
    long lastSeq;
    OffsetDateTime createdAt;
    String assignedAgentId;
    OffsetDateTime closedAt;

    Conversation toConversation() {
        return new Conversation(id, visitorId, ConversationState.valueOf(state), lastSeq, createdAt.toInstant(),
                assignedAgentId, closedAt == null ? null : closedAt.toInstant());
    }
}
