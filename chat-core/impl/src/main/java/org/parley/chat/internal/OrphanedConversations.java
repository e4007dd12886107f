package org.parley.chat.internal;

import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.parley.agent.api.AgentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requeues, when chat core starts, the open conversations of agents the directory no longer knows: agents deleted
 * while chat core was not running (its deletion listener was not registered then), or while one of their takes was
 * committing. The system message names the agent as their last message did.
 */
@Component(service = {}, immediate = true)
public final class OrphanedConversations {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanedConversations.class);

    @Activate
    public OrphanedConversations(@Reference ChatStore store, @Reference AgentDirectory directory) {
        int requeued = requeue(store, directory);
        if (requeued > 0) {
            LOG.info("{} conversations of deleted agents were put back in the queue", requeued);
        }
    }

    static int requeue(ChatStore store, AgentDirectory directory) {
        List<String> agentIds;
        try (SqlSession session = store.session()) {
            agentIds = session.getMapper(ConversationMapper.class).activeAgentIds();
        }
        int count = 0;
        for (String agentId : agentIds) {
            if (directory.find(agentId).isPresent()) {
                continue;
            }
            List<ConversationRequeue.Requeued> requeued;
            try (SqlSession session = store.session()) {
                String name = store.lastNameOf(session, agentId);
                requeued = ConversationRequeue.requeue(store, session, agentId,
                        ConversationRequeue.leftText(name == null ? "Your agent" : name));
                session.commit();
            }
            ConversationRequeue.published(store, requeued);
            count += requeued.size();
        }
        return count;
    }
}
