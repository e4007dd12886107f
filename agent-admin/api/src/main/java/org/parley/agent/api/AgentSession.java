package org.parley.agent.api;

import java.time.Instant;

/**
 * A signed-in agent's session, as found by its secret.
 *
 * @param agent the agent, as they are now; always enabled
 * @param createdAt when the agent signed in
 * @param expiresAt when the session ends unless it is used again before; it never outlives its maximum lifetime
 */
public record AgentSession(Agent agent, Instant createdAt, Instant expiresAt) {}
