package org.parley.chat.rest.internal;

import jakarta.ws.rs.core.Response;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.SessionCredentials;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;

/**
 * Who the agent calling the desk is: the one whose session cookie came with the request, checked exactly as
 * agent-admin checks it ({@link SessionCredentials}). What the agent may do is chat core's decision (AgentDesk).
 */
final class DeskAccess {
    private final AgentSessions sessions;

    DeskAccess(AgentSessions sessions) {
        this.sessions = sessions;
    }

    /** The signed-in agent, for requests that change nothing; 401 without a live session. */
    Agent reader(String secret) {
        return sessions.find(secret).map(session -> session.agent()).orElseThrow(() -> new ProblemException(
                Problem.of(401, "Unauthorized", secret == null ? "Sign in first" : "The session has ended; sign in again"),
                // No challenge header: agents authenticate with a cookie, not an HTTP scheme.
                Response.status(401)));
    }

    /** The signed-in agent, for changes: they must also carry the session's CSRF token; 403 naming the header. */
    Agent writer(String secret, String csrfToken) {
        Agent agent = reader(secret);
        if (!SessionCredentials.csrfTokenMatches(secret, csrfToken)) {
            throw new ProblemException(Problem.ofField(403, "Forbidden", SessionCredentials.CSRF_HEADER,
                    "Send the session's CSRF token in the " + SessionCredentials.CSRF_HEADER + " header"));
        }
        return agent;
    }
}
