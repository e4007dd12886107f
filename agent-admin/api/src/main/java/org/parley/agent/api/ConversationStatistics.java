package org.parley.agent.api;

import java.time.Instant;
import java.util.Collection;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Conversation figures that agent-admin shows: the usage overview, and what deleting agents would affect.
 * Implemented by the chat core and registered as an OSGi service; agent-admin cannot depend on the chat core, so it
 * asks whichever service is registered and reports 0 while there is none.
 */
@ConsumerType
public interface ConversationStatistics {
    /** The number of conversations started at or after {@code since}. */
    long conversationsSince(Instant since);

    /**
     * The number of open conversations assigned to any of these agents: those that deleting the agents would put
     * back in the queue.
     */
    long openConversationsOf(Collection<String> agentIds);
}
