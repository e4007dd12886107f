package org.parley.agent.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Signed-in agents' sessions. Provided by the agent directory bundle; used by sign-in and every request an agent
 * makes. Callers check the password first ({@link AgentDirectory#verifyCredentials}); this service only keeps the
 * sessions.
 *
 * <p>A session ends when it has not been used for its idle timeout, when it reaches its maximum lifetime, when the
 * agent signs out, and at once when the agent is disabled ({@link AgentDirectory#setEnabled}) or deleted.
 */
@ProviderType
public interface AgentSessions {

    /**
     * Starts a session for an enabled agent.
     *
     * @throws AgentException NOT_FOUND ({@code "agentId"}) for an unknown agent; INVALID ({@code "agentId"}) for a
     *     disabled one
     */
    NewAgentSession start(String agentId);

    /**
     * The live session whose secret this is, counting this as a use of it; empty for an unknown, expired or ended
     * session and for a disabled agent's.
     */
    Optional<AgentSession> find(String secret);

    /**
     * The live session whose secret this is, like {@link #find} but without counting as a use: for long-lived
     * connections, such as an event stream, that must stop when the session ends without keeping it alive.
     */
    Optional<AgentSession> peek(String secret);

    /**
     * Whether the agent has a session that has not ended or expired, in any browser. Signing out of one browser keeps
     * the agent online while another is still signed in.
     */
    boolean isSignedIn(String agentId);

    /** Ends the session whose secret this is (signing out); nothing happens for an unknown secret. */
    void end(String secret);
}
