package org.parley.agent.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentChanges;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.ConversationStatistics;
import org.parley.rest.problem.ProblemException;

/** {@code /api/v1/agents}: the agent directory, with every decision taken by {@link AgentPermissions}. */
@Component(service = AgentResource.class)
@JakartarsResource
@JSONRequired
@Path("agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {
    private final AgentDirectory directory;
    private final AgentAccess access;
    private final SignInThrottle throttle;
    private final AgentStatusActions status;

    /** Provided by the chat core, which may come and go while Parley runs; without it, no conversations count. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConversationStatistics statistics;

    @Activate
    public AgentResource(@Reference AgentDirectory directory, @Reference AgentSessions sessions,
            @Reference SignInThrottle throttle) {
        this.directory = directory;
        this.access = new AgentAccess(sessions);
        this.throttle = throttle;
        this.status = new AgentStatusActions(directory);
    }

    @GET
    public List<Json.AgentView> list(@CookieParam(SessionCookie.NAME) String secret) {
        Agent caller = access.reader(secret);
        return directory.list().stream()
                .map(agent -> Json.AgentView.of(agent, AgentPermissions.maySeeDetailsOf(caller, agent)))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, Json.NewAgentBody body) {
        Agent caller = access.writer(secret, csrfToken);
        if (!AgentPermissions.mayCreateAgents(caller)) {
            throw Refusals.forbidden("Limited access: only agents with full access create agents");
        }
        if (body == null) {
            throw ProblemException.invalid("displayName", "The request body must be a JSON object");
        }
        Agent created = directory.create(body.toNewAgent());
        return Response.created(URI.create("agents/" + created.id())).entity(Json.AgentView.of(created, true)).build();
    }

    @GET
    @Path("{id}")
    public Json.AgentView get(@CookieParam(SessionCookie.NAME) String secret, @PathParam("id") String id) {
        Agent caller = access.reader(secret);
        Agent agent = find(id);
        return Json.AgentView.of(agent, AgentPermissions.maySeeDetailsOf(caller, agent));
    }

    /**
     * What deleting these agents would affect, for the confirmation dialog: how many agents and how many open
     * conversations would go back to the queue. Asked of the chat core's statistics; 0 conversations without it.
     */
    @GET
    @Path("deletion-impact")
    public Json.DeletionImpact deletionImpact(@CookieParam(SessionCookie.NAME) String secret,
            @QueryParam("ids") List<String> ids) {
        if (!AgentPermissions.mayChangeStatus(access.reader(secret))) {
            throw Refusals.forbidden("Limited access: only agents with full access delete agents");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            if (id == null || id.isBlank()) {
                throw ProblemException.invalid("ids", "An id is empty");
            }
            unique.add(id.trim());
        }
        if (unique.isEmpty()) {
            throw ProblemException.invalid("ids", "Name the agents with ?ids=<id>&ids=<id>");
        }
        for (String id : unique) {
            if (directory.find(id).isEmpty()) {
                throw new AgentException(AgentException.Reason.NOT_FOUND, "ids", "No agent has the id " + id);
            }
        }
        ConversationStatistics current = statistics;
        long open = current == null ? 0 : current.openConversationsOf(unique);
        return new Json.DeletionImpact(unique.size(), open);
    }

    /** Changes some of an agent's fields: a JSON merge patch, see {@link AgentPatch}. */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Json.AgentView edit(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, @PathParam("id") String id, JsonNode body) {
        Agent caller = access.writer(secret, csrfToken);
        Agent target = find(id);
        AgentChanges current = AgentChanges.of(target);
        AgentPatch patch = AgentPatch.read(body, current);
        Set<String> changed = patch.changedFrom(current);
        AgentPermissions.refuseEdit(caller, target, changed).ifPresent(refusal -> {
            throw refusal.field() == null
                    ? Refusals.forbidden(refusal.detail())
                    : Refusals.forbidden(refusal.field(), refusal.detail());
        });
        if (changed.contains("password") && caller.id().equals(target.id())) {
            requireCurrentPassword(caller, patch.currentPassword);
        }
        return Json.AgentView.of(directory.edit(id, patch.changes), true);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, @PathParam("id") String id) {
        status.apply(access.writer(secret, csrfToken), new Json.BulkAction("delete", List.of(id)));
        return Response.noContent().build();
    }

    /** Enables, disables, activates, deactivates or deletes several agents: all or none. */
    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response bulk(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, Json.BulkAction body) {
        status.apply(access.writer(secret, csrfToken), body);
        return Response.noContent().build();
    }

    /** The owner hands ownership to another agent and becomes an agent with full access. */
    @POST
    @Path("{id}/ownership")
    public Json.AgentView transferOwnership(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, @PathParam("id") String id) {
        Agent caller = access.writer(secret, csrfToken);
        if (!AgentPermissions.mayTransferOwnership(caller)) {
            throw Refusals.forbidden("Only the owner transfers ownership");
        }
        return Json.AgentView.of(directory.transferOwnership(caller.id(), id), true);
    }

    private Agent find(String id) {
        return directory.find(id).orElseThrow(() -> ProblemException.notFound("No agent has the id " + id));
    }

    /** Someone who found a signed-in browser must not be able to lock its agent out by changing the password. */
    private void requireCurrentPassword(Agent caller, String currentPassword) {
        String key = "agent:" + caller.id();
        OptionalLong wait = throttle.admit(caller.username(), key);
        if (wait.isPresent()) {
            throw Refusals.tooManyAttempts(wait.getAsLong());
        }
        if (currentPassword == null || directory.verifyCredentials(caller.username(), currentPassword).isEmpty()) {
            throw ProblemException.invalid("currentPassword", "Enter your current password to set a new one");
        }
        throttle.succeeded(caller.username(), key);
    }
}
