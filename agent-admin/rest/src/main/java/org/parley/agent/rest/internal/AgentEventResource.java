package org.parley.agent.rest.internal;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.agent.api.AgentSessions;

/**
 * {@code GET /api/v1/agents/events}: the directory's changes as Server-Sent Events, for the signed-in agent's pages
 * (see {@link AgentEvents}).
 */
@Component(service = AgentEventResource.class)
@JakartarsResource
@JSONRequired
@Path("agents/events")
public class AgentEventResource {
    private final AgentAccess access;
    private final AgentEvents events;

    @Activate
    public AgentEventResource(@Reference AgentSessions sessions, @Reference AgentEvents events) {
        this.access = new AgentAccess(sessions);
        this.events = events;
    }

    /** Opens the stream; 401 without a live session, before anything is streamed. */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@CookieParam(SessionCookie.NAME) String secret, @Context SseEventSink sink,
            @Context Sse sse) {
        access.reader(secret);
        events.open(secret, sink, sse);
    }
}
