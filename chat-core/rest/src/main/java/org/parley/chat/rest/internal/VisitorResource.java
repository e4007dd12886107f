package org.parley.chat.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.PageView;
import org.parley.chat.api.Visitor;
import org.parley.chat.api.VisitorRecords;
import org.parley.rest.problem.ProblemException;

/**
 * {@code /api/v1/visitors}: a new anonymous visitor and the token that is its only key; with the token, the
 * visitor's own record ({@code me}) and the pages their browser loads.
 */
@Component(service = VisitorResource.class)
@JakartarsResource
@JSONRequired
@Path("visitors")
@Produces(MediaType.APPLICATION_JSON)
public class VisitorResource {
    private final Conversations conversations;
    private final VisitorRecords records;
    private final VisitorOrigins origins;
    private final VisitorAccess access;
    private final VisitorLimits limits;

    @Activate
    public VisitorResource(@Reference Conversations conversations, @Reference VisitorRecords records,
            @Reference VisitorOrigins origins, @Reference VisitorLimits limits) {
        this.conversations = conversations;
        this.records = records;
        this.origins = origins;
        this.limits = limits;
        this.access = new VisitorAccess(conversations);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Context HttpServletRequest request) {
        limits.newVisitor(request);
        Json.VisitorCreated created = Json.VisitorCreated.of(conversations.createVisitor());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("me")
    public Json.VisitorSelf me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Visitor visitor = access.visitor(authorization);
        return Json.VisitorSelf.of(records.find(visitor.id()).orElseThrow());
    }

    /** The name and email the visitor gives; null or blank clears either. */
    @PUT
    @Path("me")
    @Consumes(MediaType.APPLICATION_JSON)
    public Json.VisitorSelf identify(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            Json.Identity body) {
        Visitor visitor = access.visitor(authorization);
        if (body == null) {
            throw ProblemException.invalid("name", "The request body must be a JSON object with 'name' and 'email'");
        }
        return Json.VisitorSelf.of(records.identify(visitor.id(), body.name(), body.email()));
    }

    /** The widget reports every page load: the page, its title and referrer; the request tells where it came from. */
    @POST
    @Path("me/pageviews")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response pageView(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServletRequest request, Json.NewPageView body) {
        Visitor visitor = access.visitor(authorization);
        if (body == null) {
            throw ProblemException.invalid("url", "The request body must be a JSON object with a 'url' field");
        }
        records.recordPageView(visitor.id(), new PageView(body.url(), body.title(), body.referrer(), null),
                origins.of(request));
        return Response.noContent().build();
    }
}
