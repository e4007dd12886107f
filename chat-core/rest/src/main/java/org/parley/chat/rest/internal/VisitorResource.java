package org.parley.chat.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
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
import org.parley.chat.api.Conversations;

/** {@code POST /api/v1/visitors}: a new anonymous visitor and the token that is its only key. */
@Component(service = VisitorResource.class)
@JakartarsResource
@JSONRequired
@Path("visitors")
public class VisitorResource {
    private final Conversations conversations;
    private final VisitorLimits limits;

    @Activate
    public VisitorResource(@Reference Conversations conversations, @Reference VisitorLimits limits) {
        this.conversations = conversations;
        this.limits = limits;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpServletRequest request) {
        limits.newVisitor(request);
        Json.VisitorCreated created = Json.VisitorCreated.of(conversations.createVisitor());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
