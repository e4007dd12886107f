package org.parley.agent.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentNotificationSettings;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.NotificationSettings;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;

/** {@code /api/v1/agents/{id}/notifications}: an agent's own notification settings, and nobody else's. */
@Component(service = NotificationSettingsResource.class)
@JakartarsResource
@JSONRequired
@Path("agents/{id}/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationSettingsResource {
    static final List<String> FIELDS = List.of("soundOnNewChat", "soundOnNewMessage", "desktopNotifications");

    private final AgentNotificationSettings settings;
    private final AgentAccess access;

    @Activate
    public NotificationSettingsResource(@Reference AgentNotificationSettings settings,
            @Reference AgentSessions sessions) {
        this.settings = settings;
        this.access = new AgentAccess(sessions);
    }

    @GET
    public Json.NotificationSettingsView get(@CookieParam(SessionCookie.NAME) String secret,
            @PathParam("id") String id) {
        requireSelf(access.reader(secret), id);
        return Json.NotificationSettingsView.of(settings.of(id));
    }

    /** Replaces all three settings. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Json.NotificationSettingsView change(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, @PathParam("id") String id, JsonNode body) {
        requireSelf(access.writer(secret, csrfToken), id);
        if (body == null || !body.isObject()) {
            throw new ProblemException(Problem.of(400, "Invalid request", "The request body must be a JSON object"));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ProblemException.invalid(name, "Unknown field '" + name + "'");
            }
        });
        for (String field : FIELDS) {
            if (!body.path(field).isBoolean()) {
                throw ProblemException.invalid(field, "'" + field + "' must be true or false");
            }
        }
        NotificationSettings changed = new NotificationSettings(body.get(FIELDS.get(0)).booleanValue(),
                body.get(FIELDS.get(1)).booleanValue(), body.get(FIELDS.get(2)).booleanValue());
        return Json.NotificationSettingsView.of(settings.change(id, changed));
    }

    private static void requireSelf(Agent caller, String id) {
        if (!AgentPermissions.mayUseNotificationSettingsOf(caller, id)) {
            throw Refusals.forbidden("Notification settings are personal: each agent sees and changes only their own");
        }
    }
}
