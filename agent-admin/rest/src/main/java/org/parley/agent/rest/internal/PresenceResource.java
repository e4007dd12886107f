package org.parley.agent.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.Presence;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;

/** {@code PUT /api/v1/agents/{id}/presence}: going online or offline, or setting a colleague offline. */
@Component(service = PresenceResource.class)
@JakartarsResource
@JSONRequired
@Path("agents/{id}/presence")
@Produces(MediaType.APPLICATION_JSON)
public class PresenceResource {
    private final AgentDirectory directory;
    private final AgentAccess access;

    @Activate
    public PresenceResource(@Reference AgentDirectory directory, @Reference AgentSessions sessions) {
        this.directory = directory;
        this.access = new AgentAccess(sessions);
    }

    /** Takes {@code {"status": "ONLINE" | "OFFLINE"}} and answers with the agent as changed. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Json.AgentView change(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, @PathParam("id") String id, JsonNode body) {
        Agent caller = access.writer(secret, csrfToken);
        Agent target = directory.find(id).orElseThrow(() -> ProblemException.notFound("No agent has the id " + id));
        Presence presence = presence(body);
        AgentPermissions.refusePresence(caller, target, presence).ifPresent(refusal -> {
            throw refusal.field() == null
                    ? Refusals.forbidden(refusal.detail())
                    : Refusals.forbidden(refusal.field(), refusal.detail());
        });
        Agent changed;
        try {
            changed = directory.setPresence(id, presence);
        } catch (AgentException e) {
            // The directory names its parameter; the API's field is "status".
            throw "presence".equals(e.field()) ? new AgentException(e.reason(), "status", e.getMessage()) : e;
        }
        return Json.AgentView.of(changed, AgentPermissions.maySeeDetailsOf(caller, changed));
    }

    private static Presence presence(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ProblemException(Problem.of(400, "Invalid request", "The request body must be a JSON object"));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("status")) {
                throw ProblemException.invalid(name, "Unknown field '" + name + "'");
            }
        });
        JsonNode status = body.path("status");
        if (status.isTextual()) {
            for (Presence presence : Presence.values()) {
                if (presence.name().equals(status.textValue())) {
                    return presence;
                }
            }
        }
        throw ProblemException.invalid("status", "'status' must be ONLINE or OFFLINE");
    }
}
