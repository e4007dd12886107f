package org.parley.chat.rest.internal;

import org.parley.agent.api.Agent;
import org.parley.chat.api.AgentDesk;
import org.parley.chat.api.Conversations;

/**
 * Read receipts: stores how far a visitor or an agent has read and tells the other party ({@code seen} frames), the
 * same way from HTTP and from the WebSocket.
 */
final class SeenReceipts {
    private SeenReceipts() {}

    /** The visitor has seen their conversation up to {@code seq}; the caller checked that it is theirs. */
    static void byVisitor(Conversations conversations, ConversationSignals signals, String conversationId,
            String visitorId, long seq) {
        long mark = conversations.markSeenByVisitor(conversationId, seq);
        signals.seen(conversationId, mark, new Json.SenderView("VISITOR", visitorId, null));
    }

    /** An agent has seen the conversation up to {@code seq} (any agent may read any conversation). */
    static void byAgent(AgentDesk desk, ConversationSignals signals, String conversationId, Agent agent, long seq) {
        desk.markSeen(conversationId, agent.id(), seq);
        signals.seen(conversationId, seq, new Json.SenderView("AGENT", agent.id(), agent.displayName()));
    }
}
