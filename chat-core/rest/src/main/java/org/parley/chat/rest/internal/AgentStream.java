package org.parley.chat.rest.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.SessionCredentials;

/**
 * The agent a WebSocket connection speaks for: the one whose session cookie came with the upgrade request. A page of
 * another site could make the browser open the connection with the cookie (WebSocket upgrades are not bound by the
 * same-origin policy), so the cookie counts only when the request's Origin is Parley's own (its authority equals the
 * Host header).
 */
final class AgentStream {
    private final AgentSessions sessions;
    private final String secret;
    private volatile Agent agent;

    private AgentStream(AgentSessions sessions, String secret, Agent agent) {
        this.sessions = sessions;
        this.secret = secret;
        this.agent = agent;
    }

    /**
     * Who an upgrade request speaks for: an agent, or a cookie that does not count and why (status and detail), or
     * neither (a visitor's connection, which authenticates with its token in the first frame).
     */
    record Identity(AgentStream agent, int refusedStatus, String refusal) {
        static final Identity VISITOR = new Identity(null, 0, null);
    }

    static Identity identify(HttpServletRequest request, AgentSessions sessions) {
        String secret = cookie(request);
        if (secret == null) {
            return Identity.VISITOR;
        }
        if (!sameOrigin(request.getHeader("Origin"), request.getHeader("Host"))) {
            return new Identity(null, 403, "The session cookie counts only on connections opened by Parley's own"
                    + " pages (Origin must match Host)");
        }
        return sessions.find(secret)
                .map(session -> new Identity(new AgentStream(sessions, secret, session.agent()), 0, null))
                .orElse(new Identity(null, 401, "The session has ended; sign in again"));
    }

    static boolean sameOrigin(String origin, String host) {
        if (origin == null || host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin.trim()).getAuthority();
            return authority != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (SessionCredentials.COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    Agent agent() {
        return agent;
    }

    /**
     * Whether the session still lives, checked on each frame the client sends (and so at least at every ping): a
     * signed-out, disabled or deleted agent's connection stops there.
     */
    boolean stillSignedIn() {
        Optional<Agent> now = sessions.find(secret).map(session -> session.agent());
        now.ifPresent(current -> agent = current);
        return now.isPresent();
    }
}
