package org.parley.agent.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.OptionalLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.NewAgentSession;
import org.parley.agent.api.Presence;
import org.parley.rest.problem.ProblemException;

/** {@code /api/v1/session}: signing in and out, and who is signed in. */
@Component(service = SessionResource.class)
@JakartarsResource
@JSONRequired
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    static final String WRONG = "Wrong login or password";

    private final AgentDirectory directory;
    private final AgentSessions sessions;
    private final SignInThrottle throttle;
    private final AgentAccess access;
    private final AgentEvents events;
    private final SessionCookie cookie;

    @Activate
    public SessionResource(@Reference AgentDirectory directory, @Reference AgentSessions sessions,
            @Reference SignInThrottle throttle, @Reference AgentEvents events, @Reference SessionCookie cookie) {
        this.directory = directory;
        this.cookie = cookie;
        this.sessions = sessions;
        this.throttle = throttle;
        this.access = new AgentAccess(sessions);
        this.events = events;
    }

    /**
     * Signs in with a username or email address. A wrong password, an unknown login and a disabled agent get the
     * same answer, and every one of them counts towards the throttle.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(Json.SignIn body, @CookieParam(SessionCookie.NAME) String previous,
            @Context HttpServletRequest request) {
        if (body == null || body.login() == null || body.login().isBlank()) {
            throw ProblemException.invalid("login", "Enter your username or email address");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw ProblemException.invalid("password", "Enter your password");
        }
        String address = request.getRemoteAddr();
        OptionalLong wait = throttle.admit(body.login(), address);
        if (wait.isPresent()) {
            throw Refusals.tooManyAttempts(wait.getAsLong());
        }
        Optional<Agent> agent = directory.verifyCredentials(body.login(), body.password());
        if (agent.isEmpty()) {
            throw Refusals.unauthorized(WRONG);
        }
        throttle.succeeded(body.login(), address);
        if (previous != null) {
            sessions.end(previous);
            events.sessionEnded(previous);
        }
        NewAgentSession started = sessions.start(agent.get().id());
        return signedIn(Response.Status.OK, started, cookie.issue(started.secret(), request));
    }

    @GET
    public Response current(@CookieParam(SessionCookie.NAME) String secret) {
        return Response.ok(Json.SessionView.of(access.session(secret), secret))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /**
     * Signs out: the session ends, its event streams close, and the agent goes offline unless they are still signed
     * in elsewhere (another browser).
     */
    @DELETE
    public Response signOut(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, @Context HttpServletRequest request) {
        Agent agent = access.writer(secret, csrfToken);
        sessions.end(secret);
        events.sessionEnded(secret);
        try {
            if (!sessions.isSignedIn(agent.id())) {
                directory.setPresence(agent.id(), Presence.OFFLINE);
            }
        } catch (AgentException deletedMeanwhile) {
            // Nobody left to set offline.
        }
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie.clear(request)).build();
    }

    /** The answer that hands a new session to the browser: the cookie, and the CSRF token in the body. */
    static Response signedIn(Response.Status status, NewAgentSession started, String setCookie) {
        return Response.status(status)
                .header(HttpHeaders.SET_COOKIE, setCookie)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(Json.SessionView.of(started.session(), started.secret()))
                .build();
    }
}
