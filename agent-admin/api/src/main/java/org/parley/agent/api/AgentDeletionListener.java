package org.parley.agent.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears that agents were deleted, for example to requeue their open conversations. Implemented by other bundles
 * (chat core) and registered as OSGi services; the directory calls every registered listener (the whiteboard
 * pattern).
 *
 * <p>Listeners are told <em>after</em> the deletion is committed, never inside its transaction: each bundle owns its
 * own tables, and a listener's failure must not undo a deletion the owner confirmed. The call happens on the
 * deleting thread, once per deletion, with exceptions logged and otherwise ignored. If Parley stops between the
 * commit and the call, the call is lost: a listener's bundle must also cope, when it starts, with agent ids that
 * {@link AgentDirectory#find} no longer knows.
 */
@ConsumerType
@FunctionalInterface
public interface AgentDeletionListener {
    /**
     * Called once the agents are gone.
     *
     * @param agents the agents as they were just before deletion
     */
    void agentsDeleted(List<Agent> agents);
}
