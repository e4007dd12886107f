package org.parley.chat.internal;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentDeletionListener;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.DeskEvent;
import org.parley.chat.api.Message;

/**
 * Puts deleted agents' open conversations back in the queue, inside the deletion's transaction, and tells each
 * conversation with a system message. The message is stored in that transaction too, so it exists exactly when the
 * requeue does; it is pushed to subscribers once the deletion is committed.
 */
@Component(service = AgentDeletionListener.class)
public final class ConversationRequeue implements AgentDeletionListener {
    private final ChatStore store;

    @Activate
    public ConversationRequeue(@Reference ChatStore store) {
        this.store = store;
    }

    @Override
    public Runnable agentsDeleting(List<Agent> agents, Connection transaction) {
        List<Requeued> requeued = new ArrayList<>();
        try (SqlSession session = store.sessionOn(transaction)) {
            for (Agent agent : agents) {
                requeued.addAll(requeue(store, session, agent.id(), leftText(agent.displayName())));
            }
        }
        return () -> published(store, requeued);
    }

    /** A conversation put back in the queue, and the notice that says so. */
    record Requeued(Conversation conversation, Message notice) {}

    /** Puts the agent's open conversations back in the queue, in the session's transaction. */
    static List<Requeued> requeue(ChatStore store, SqlSession session, String agentId, String notice) {
        OffsetDateTime now = ChatStore.now();
        ConversationMapper conversations = session.getMapper(ConversationMapper.class);
        List<Requeued> requeued = new ArrayList<>();
        List<String> active = conversations.activeOf(agentId);
        active.forEach(conversations::lockCounter);
        for (String id : active) {
            ConversationRow row = conversations.find(id);
            if (!"ACTIVE".equals(row.state) || !agentId.equals(row.assignedAgentId)) {
                continue; // closed or handed on before the lock
            }
            Message message = store.appendSystem(session, id, notice, now);
            conversations.requeue(id);
            requeued.add(new Requeued(conversations.find(id).toConversation(), message));
        }
        return requeued;
    }

    /** Tells the subscribers, after the commit. */
    static void published(ChatStore store, List<Requeued> requeued) {
        for (Requeued each : requeued) {
            store.published(each.notice(), each.conversation());
            store.published(new DeskEvent(each.conversation(), DeskEvent.Reason.REQUEUED));
        }
    }

    static String leftText(String displayName) {
        return displayName + " left; the chat is back in the queue";
    }
}
