package org.parley.agent.rest.internal;

import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentSession;
import org.parley.agent.api.AgentSessions;

/** Who the caller is: the agent whose session cookie came with the request. */
final class AgentAccess {
    private final AgentSessions sessions;

    AgentAccess(AgentSessions sessions) {
        this.sessions = sessions;
    }

    /** The caller's live session; 401 without one. */
    AgentSession session(String secret) {
        return sessions.find(secret).orElseThrow(() -> Refusals.unauthorized(
                secret == null ? "Sign in first" : "The session has ended; sign in again"));
    }

    /** The signed-in agent, for requests that change nothing. */
    Agent reader(String secret) {
        return session(secret).agent();
    }

    /** The signed-in agent, for requests that change something: they must also carry the session's CSRF token. */
    Agent writer(String secret, String csrfToken) {
        Agent agent = reader(secret);
        if (!CsrfTokens.matches(secret, csrfToken)) {
            throw Refusals.forbidden(CsrfTokens.HEADER,
                    "Send the session's CSRF token in the " + CsrfTokens.HEADER + " header");
        }
        return agent;
    }
}
