package org.parley.chat.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.SessionCredentials;
import org.parley.chat.api.AgentDesk;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.PostedMessage;
import org.parley.rest.problem.ProblemException;

/**
 * {@code /api/v1/desk}: the agents' side of conversations, with agent-admin's session cookie. Every signed-in agent
 * reads; only active agents take, answer and close (AgentDesk decides). Visitors: DeskVisitorResource.
 */
@Component(service = DeskResource.class)
@JakartarsResource
@JSONRequired
@Path("desk")
@Produces(MediaType.APPLICATION_JSON)
public class DeskResource {
    private final AgentDesk desk;
    private final Conversations conversations;
    private final DeskAccess access;
    private final ConversationSignals signals;

    @Activate
    public DeskResource(@Reference AgentDesk desk, @Reference Conversations conversations,
            @Reference AgentSessions sessions, @Reference ConversationSignals signals) {
        this.desk = desk;
        this.signals = signals;
        this.conversations = conversations;
        this.access = new DeskAccess(sessions);
    }

    @GET
    @Path("conversations")
    public Json.DeskList list(@CookieParam(SessionCredentials.COOKIE) String secret,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        Agent agent = access.reader(secret);
        int size = (int) ConversationResource.number("limit", limit, 1, AgentDesk.MAX_LIST);
        return new Json.DeskList(desk.conversations(agent.id(), size).stream().map(Json.DeskConversationView::of)
                .toList());
    }

    @GET
    @Path("conversations/{id}")
    public Json.DeskConversationView get(@CookieParam(SessionCredentials.COOKIE) String secret,
            @PathParam("id") String id) {
        return Json.DeskConversationView.of(desk.conversation(access.reader(secret).id(), id));
    }

    @GET
    @Path("conversations/{id}/messages")
    public Json.MessagePage messages(@CookieParam(SessionCredentials.COOKIE) String secret,
            @PathParam("id") String id, @QueryParam("after") @DefaultValue("0") String after,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        long lastSeq = desk.conversation(access.reader(secret).id(), id).conversation().lastSeq();
        return ConversationResource.page(conversations, id, lastSeq, after, limit);
    }

    /** Takes the chat from the queue; 409 when another agent was first or the agent is at their limit. */
    @POST
    @Path("conversations/{id}/take")
    public Json.DeskConversationView take(@CookieParam(SessionCredentials.COOKIE) String secret,
            @HeaderParam(SessionCredentials.CSRF_HEADER) String csrfToken, @PathParam("id") String id) {
        Agent agent = access.writer(secret, csrfToken);
        desk.take(id, agent);
        return Json.DeskConversationView.of(desk.conversation(agent.id(), id));
    }

    @POST
    @Path("conversations/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reply(@CookieParam(SessionCredentials.COOKIE) String secret,
            @HeaderParam(SessionCredentials.CSRF_HEADER) String csrfToken, @PathParam("id") String id,
            Json.NewMessage body) {
        Agent agent = access.writer(secret, csrfToken);
        if (body == null) {
            throw ProblemException.invalid("text", "The request body must be a JSON object with a 'text' field");
        }
        PostedMessage posted = desk.reply(id, agent, body.clientMessageId(), body.text());
        return Response.status(posted.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(Json.MessageView.of(posted.message()))
                .build();
    }

    /** The read receipts as they stand: whether the visitor has seen the agents' messages, after a reload. */
    @GET
    @Path("conversations/{id}/seen")
    public Json.SeenMarks seenMarks(@CookieParam(SessionCredentials.COOKIE) String secret,
            @PathParam("id") String id) {
        access.reader(secret);
        return Json.SeenMarks.of(conversations.seenMarks(id));
    }

    /** Marks the messages up to {@code seq} as seen by the agent, for the unread counts; the visitor is told. */
    @PUT
    @Path("conversations/{id}/seen")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response seen(@CookieParam(SessionCredentials.COOKIE) String secret,
            @HeaderParam(SessionCredentials.CSRF_HEADER) String csrfToken, @PathParam("id") String id,
            Json.Seen body) {
        Agent agent = access.writer(secret, csrfToken);
        if (body == null || body.seq() == null) {
            throw ProblemException.invalid("seq", "The request body must be a JSON object with a 'seq' number");
        }
        SeenReceipts.byAgent(desk, signals, id, agent, body.seq());
        return Response.noContent().build();
    }

    @POST
    @Path("conversations/{id}/close")
    public Json.DeskConversationView close(@CookieParam(SessionCredentials.COOKIE) String secret,
            @HeaderParam(SessionCredentials.CSRF_HEADER) String csrfToken, @PathParam("id") String id) {
        Agent agent = access.writer(secret, csrfToken);
        desk.close(id, agent);
        return Json.DeskConversationView.of(desk.conversation(agent.id(), id));
    }
}
