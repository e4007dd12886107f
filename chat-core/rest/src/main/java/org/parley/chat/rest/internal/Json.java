package org.parley.chat.rest.internal;

import java.time.Instant;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.DeskConversation;
import org.parley.chat.api.Message;
import org.parley.chat.api.NewVisitor;

/** The JSON shapes of the chat API, as documented in openapi/chat.json. */
final class Json {
    private Json() {}

    record VisitorCreated(String visitorId, String token, Instant createdAt) {
        static VisitorCreated of(NewVisitor created) {
            return new VisitorCreated(created.visitor().id(), created.token(), created.visitor().createdAt());
        }
    }

    record ConversationView(String id, String visitorId, String state, long lastSeq, Instant createdAt) {
        static ConversationView of(Conversation c) {
            return new ConversationView(c.id(), c.visitorId(), c.state().name(), c.lastSeq(), c.createdAt());
        }
    }

    /** {@code name}: the agent's display name when they wrote the message; null for visitors and the system. */
    record SenderView(String type, String id, String name) {}

    record MessageView(
            String conversationId, long seq, String clientMessageId, SenderView sender, String text, Instant createdAt) {
        static MessageView of(Message m) {
            return new MessageView(m.conversationId(), m.seq(), m.clientMessageId(),
                    new SenderView(m.sender().type().name(), m.sender().id(), m.sender().name()), m.text(), m.createdAt());
        }
    }

    record MessagePage(java.util.List<MessageView> messages, long lastSeq) {}

    /** A conversation as an agent's desk shows it: the state from the agent's point of view and the unread count. */
    record DeskConversationView(String id, String visitorId, String state, String deskState, long unread,
            long lastSeq, String assignedAgentId, Instant createdAt, Instant closedAt, MessageView lastMessage) {
        static DeskConversationView of(DeskConversation d) {
            Conversation c = d.conversation();
            return new DeskConversationView(c.id(), c.visitorId(), c.state().name(), d.deskState().name(), d.unread(),
                    c.lastSeq(), c.assignedAgentId(), c.createdAt(), c.closedAt(),
                    d.lastMessage() == null ? null : MessageView.of(d.lastMessage()));
        }
    }

    record DeskList(java.util.List<DeskConversationView> conversations) {}

    /** How far the conversation has been read: by the visitor, and by the agents (the highest agent's mark). */
    record SeenMarks(long visitor, long agents) {
        static SeenMarks of(org.parley.chat.api.SeenMarks marks) {
            return new SeenMarks(marks.visitor(), marks.agents());
        }
    }

    /** How far the agent has read: every message up to this sequence number. */
    record Seen(Long seq) {}

    /** Whether the widget can promise a live answer: at least one agent is online. Never the team's size. */
    record Availability(boolean online) {}

    /** A ticket for the Server-Sent Events stream and when it stops working. */
    record StreamTicket(String ticket, Instant expiresAt) {}

    /** Whether the sender is typing. */
    record Typing(Boolean typing) {}

    /** The body of a message a client sends. */
    record NewMessage(String text, String clientMessageId) {}
}
