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
        OffsetDateTime now = ChatStore.now();
        List<Message> notices = new ArrayList<>();
        List<Conversation> requeued = new ArrayList<>();
        try (SqlSession session = store.sessionOn(transaction)) {
            ConversationMapper conversations = session.getMapper(ConversationMapper.class);
            for (Agent agent : agents) {
                for (String id : conversations.lockActiveOf(agent.id())) {
                    notices.add(ChatStore.appendSystem(session, id, leftText(agent), now));
                    conversations.requeue(id, now);
                    requeued.add(conversations.find(id).toConversation());
                }
            }
        }
        return () -> {
            for (int i = 0; i < notices.size(); i++) {
                store.published(notices.get(i), requeued.get(i));
                store.published(new DeskEvent(requeued.get(i), DeskEvent.Reason.REQUEUED));
            }
        };
    }

    static String leftText(Agent agent) {
        return agent.displayName() + " left; the chat is back in the queue";
    }
}
