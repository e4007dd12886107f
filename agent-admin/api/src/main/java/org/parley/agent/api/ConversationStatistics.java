package org.parley.agent.api;

import java.time.Instant;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * How many conversations the team handled, for the usage overview. Implemented by the chat core and registered as
 * an OSGi service; agent-admin cannot depend on the chat core, so it asks whichever service is registered and
 * reports 0 while there is none.
 */
@ConsumerType
@FunctionalInterface
public interface ConversationStatistics {
    /** The number of conversations started at or after {@code since}. */
    long conversationsSince(Instant since);
}
