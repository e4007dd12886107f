package org.parley.agent.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears that an agent was created or changed: edited, enabled or disabled, activated or deactivated, made owner or
 * no longer owner, gone online or offline, or given another avatar. Implemented by other bundles (the agents REST
 * API's live directory, later the chat core's routing) and registered as OSGi services; the agent directory calls
 * every registered listener (the whiteboard pattern). Deletions are told to {@link AgentDeletionListener}s.
 *
 * <p>Listeners are told <em>after</em> the change is committed, on the changing thread, once per changed agent,
 * with exceptions logged and otherwise ignored: a listener must return quickly and hand slow work to its own thread.
 * A change that leaves the stored agent as it was may or may not be told. If Parley stops between the commit and the
 * call, the call is lost; listeners that keep state read the directory again when they start.
 */
@ConsumerType
@FunctionalInterface
public interface AgentChangeListener {
    /**
     * Called once the change is committed.
     *
     * @param agent the agent as they are now
     */
    void agentChanged(Agent agent);
}
