package org.parley.chat.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/v1/widget}: what the widget asks before a visitor exists; public, no token. */
@Component(service = WidgetResource.class)
@JakartarsResource
@JSONRequired
@Path("widget")
@Produces(MediaType.APPLICATION_JSON)
public class WidgetResource {
    private final AgentAvailability availability;

    @Activate
    public WidgetResource(@Reference AgentAvailability availability) {
        this.availability = availability;
    }

    /** {@code {"online": true}} when at least one agent is online; browsers may keep the answer 5 seconds. */
    @GET
    @Path("availability")
    public Response availability() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge((int) (AgentAvailability.REFRESH_MILLIS / 1000));
        return Response.ok(new Json.Availability(availability.online())).cacheControl(cache).build();
    }
}
