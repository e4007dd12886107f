package org.parley.agent.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.Queue;
import org.parley.agent.api.Queues;

/** {@code /api/v1/queues}: every agent sees them; agents with full access change them. */
@Component(service = QueueResource.class)
@JakartarsResource
@JSONRequired
@Path("queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
    private final Queues queues;
    private final AgentAccess access;

    @Activate
    public QueueResource(@Reference Queues queues, @Reference AgentSessions sessions) {
        this.queues = queues;
        this.access = new AgentAccess(sessions);
    }

    @GET
    public List<Queue> list(@CookieParam(SessionCookie.NAME) String secret) {
        access.reader(secret);
        return queues.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, Json.QueueName body) {
        changer(secret, csrfToken);
        Queue queue = queues.create(body == null ? null : body.name());
        return Response.created(URI.create("queues/" + queue.id())).entity(queue).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Queue rename(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, @PathParam("id") String id, Json.QueueName body) {
        changer(secret, csrfToken);
        return queues.rename(id, body == null ? null : body.name());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, @PathParam("id") String id) {
        changer(secret, csrfToken);
        queues.delete(id);
        return Response.noContent().build();
    }

    private Agent changer(String secret, String csrfToken) {
        Agent caller = access.writer(secret, csrfToken);
        if (!AgentPermissions.mayChangeQueues(caller)) {
            throw Refusals.forbidden("Limited access: only agents with full access change queues");
        }
        return caller;
    }
}
