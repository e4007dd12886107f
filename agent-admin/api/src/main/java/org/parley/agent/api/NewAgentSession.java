package org.parley.agent.api;

/**
 * A session just started, with the secret that is its only key.
 *
 * @param session the session
 * @param secret 256 random bits, URL-safe Base64; Parley stores only its SHA-256, so this is the one chance to hand
 *     it to the agent's browser
 */
public record NewAgentSession(AgentSession session, String secret) {

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "NewAgentSession[session=" + session + ", secret=***]";
    }
}
