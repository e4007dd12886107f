package org.parley.chat.rest.internal;

import java.time.Instant;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.DeskConversation;
import org.parley.chat.api.Message;
import org.parley.chat.api.NewVisitor;
import org.parley.chat.api.VisitorRecord;

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

    /** What the visitor's own widget may read about them. */
    record VisitorSelf(String visitorId, String name, String email, boolean blocked) {
        static VisitorSelf of(VisitorRecord r) {
            return new VisitorSelf(r.id(), r.name(), r.email(), r.blocked());
        }
    }

    /** The body of {@code PUT /visitors/me}. */
    record Identity(String name, String email) {}

    /** The body of {@code POST /visitors/me/pageviews}. */
    record NewPageView(String url, String title, String referrer) {}

    /** The body of a note. */
    record NoteText(String text) {}

    /** A contributed section as the viewing agent may see it (phone numbers masked). */
    record SectionView(String key, String title, java.util.Map<String, Object> fields) {}

    record Location(boolean known, String country, String city) {}

    record Software(String name, String version) {}

    record PageViewView(String url, String title, Instant viewedAt) {}

    /** A note; {@code editable} when the viewing agent wrote it. */
    record NoteView(String id, String authorId, String authorName, String text, Instant createdAt, Instant updatedAt,
            boolean editable) {
        static NoteView of(org.parley.chat.api.VisitorNote n, String viewerId) {
            return new NoteView(n.id(), n.authorId(), n.authorName(), n.text(), n.createdAt(), n.updatedAt(),
                    n.authorId().equals(viewerId));
        }
    }

    /** Everything an agent sees about a visitor. */
    record VisitorInfo(String visitorId, String name, String email, String ip, Location location, Software os,
            Software browser, String referrer, int visits, boolean onWebsite, Instant lastSeenAt, Instant createdAt,
            boolean blocked, String blockedBy, Instant blockedAt, java.util.List<PageViewView> pages,
            java.util.List<NoteView> notes, java.util.List<SectionView> sections) {}
}
