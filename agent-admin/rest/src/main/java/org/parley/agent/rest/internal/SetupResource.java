package org.parley.agent.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.NewAgentSession;

/** {@code POST /api/v1/setup}: creates the owner on first start, with the token from the start-up log. */
@Component(service = SetupResource.class)
@JakartarsResource
@JSONRequired
@Path("setup")
@Produces(MediaType.APPLICATION_JSON)
public class SetupResource {
    private final OwnerSetup setup;
    private final AgentSessions sessions;
    private final SessionCookie cookie;

    @Activate
    public SetupResource(@Reference OwnerSetup setup, @Reference AgentSessions sessions,
            @Reference SessionCookie cookie) {
        this.setup = setup;
        this.sessions = sessions;
        this.cookie = cookie;
    }

    /** Creates the owner and signs them in. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Json.Setup body, @Context HttpServletRequest request) {
        Json.Setup given = body == null ? new Json.Setup(null, null, null, null, null) : body;
        Agent owner = setup.createOwner(given.token(), given.owner());
        NewAgentSession started = sessions.start(owner.id());
        return SessionResource.signedIn(Response.Status.CREATED, started, cookie.issue(started.secret(), request));
    }
}
