package org.parley.chat.internal;

import java.time.OffsetDateTime;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.DeskConversation;
import org.parley.chat.api.Message;
import org.parley.chat.api.ConversationState;

/** A row of chat_conversation with its counters, filled by MyBatis. */
final class ConversationRow {
    String id;
    String visitorId;
    String state;
    long lastSeq;
    OffsetDateTime createdAt;
    String assignedAgentId;
    OffsetDateTime closedAt;
    /** The visitor's messages, and how many of them the assigned agent has seen: only where a query reads them. */
    long visitorMessages;
    Long assigneeSeenVisitorMessages;
    /** Whether its visitor is blocked: only where a query reads it. */
    boolean visitorBlocked;
    /** The client ids its messages were stored with: only where a message's writer keeps it (ConversationStates). */
    ClientIdFilter clientIds;
    /** The number of the message already stored in the table with the client id asked about: only where a query reads it. */
    Long clientIdSeq;

    /** A copy, for {@link ConversationStates}, whose rows nobody changes once kept. */
    ConversationRow copy() {
        ConversationRow copy = new ConversationRow();
        copy.id = id;
        copy.visitorId = visitorId;
        copy.state = state;
        copy.lastSeq = lastSeq;
        copy.createdAt = createdAt;
        copy.assignedAgentId = assignedAgentId;
        copy.closedAt = closedAt;
        copy.visitorMessages = visitorMessages;
        copy.assigneeSeenVisitorMessages = assigneeSeenVisitorMessages;
        copy.visitorBlocked = visitorBlocked;
        copy.clientIds = clientIds; // shared: only ever added to, by the conversation's writer
        return copy;
    }

    /** A copy counting one more message, the visitor's if {@code visitor}, as the counter row's update does. */
    ConversationRow next(boolean visitor) {
        ConversationRow next = copy();
        next.lastSeq++;
        if (visitor) {
            next.visitorMessages++;
        }
        return next;
    }

    /** The conversation as its assigned agent's list shows it, with this message as the newest; null unless ACTIVE. */
    DeskConversation toAssigneeView(Conversation conversation, Message newest) {
        if (conversation.state() != ConversationState.ACTIVE) {
            return null;
        }
        long unread = Math.max(0, visitorMessages - (assigneeSeenVisitorMessages == null ? 0 : assigneeSeenVisitorMessages));
        return new DeskConversation(conversation,
                DeskRow.stateFor(conversation, conversation.assignedAgentId(), unread), unread, newest);
    }

    Conversation toConversation() {
        return new Conversation(id, visitorId, ConversationState.valueOf(state), lastSeq, createdAt.toInstant(),
                assignedAgentId, closedAt == null ? null : closedAt.toInstant());
    }
}
