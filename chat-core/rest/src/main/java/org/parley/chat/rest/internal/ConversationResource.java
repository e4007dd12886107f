package org.parley.chat.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.PostedMessage;
import org.parley.chat.api.Sender;
import org.parley.chat.api.Visitor;
import org.parley.rest.problem.ProblemException;

/** A visitor's conversations and their messages, under {@code /api/v1/conversations}. */
@Component(service = ConversationResource.class)
@JakartarsResource
@JSONRequired
@Path("conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {
    static final int DEFAULT_PAGE = 100;

    private final Conversations conversations;
    private final ConversationSignals signals;
    private final VisitorLimits limits;
    private final VisitorAccess access;

    @Activate
    public ConversationResource(@Reference Conversations conversations, @Reference ConversationSignals signals,
            @Reference VisitorLimits limits) {
        this.conversations = conversations;
        this.signals = signals;
        this.limits = limits;
        this.access = new VisitorAccess(conversations);
    }

    @POST
    public Response open(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServletRequest request) {
        Visitor visitor = access.visitor(authorization);
        limits.newConversation(visitor.id(), request);
        Conversation conversation = conversations.open(visitor.id());
        return Response.created(URI.create("conversations/" + conversation.id()))
                .entity(Json.ConversationView.of(conversation))
                .build();
    }

    @GET
    @Path("{id}")
    public Json.ConversationView get(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return Json.ConversationView.of(access.conversation(access.visitor(authorization), id));
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id,
            Json.NewMessage body) {
        Visitor visitor = access.visitor(authorization);
        if (body == null) {
            throw ProblemException.invalid("text", "The request body must be a JSON object with a 'text' field");
        }
        limits.newMessage(visitor.id());
        // The store checks, under the conversation's lock, that it is the visitor's own: no read before.
        PostedMessage posted = conversations.post(id, Sender.visitor(visitor.id()), body.clientMessageId(), body.text());
        // A repeated client message id answers 200 with the message stored the first time.
        return Response.status(posted.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(Json.MessageView.of(posted.message()))
                .build();
    }

    @GET
    @Path("{id}/messages")
    public Json.MessagePage messages(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id,
            @QueryParam("after") @DefaultValue("0") String after,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        Conversation conversation = access.conversation(access.visitor(authorization), id);
        return page(conversations, conversation.id(), conversation.lastSeq(), after, limit);
    }

    /**
     * The visitor is (no longer) typing: the same as the WebSocket's {@code typing} frame, for clients on the
     * Server-Sent Events fallback. Throttled the same way; never refused for it.
     */
    @POST
    @Path("{id}/typing")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response typing(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            Json.Typing body) {
        Visitor visitor = access.visitor(authorization);
        Conversation conversation = access.conversation(visitor, id);
        if (body == null || body.typing() == null) {
            throw ProblemException.invalid("typing", "The request body must be a JSON object with 'typing' true or false");
        }
        signals.typing(conversation.id(), new Json.SenderView("VISITOR", visitor.id(), null), body.typing(), null);
        return Response.noContent().build();
    }

    /** The read receipts as they stand, for "Seen" after a reload. */
    @GET
    @Path("{id}/seen")
    public Json.SeenMarks seenMarks(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        Conversation conversation = access.conversation(access.visitor(authorization), id);
        return Json.SeenMarks.of(conversations.seenMarks(conversation.id()));
    }

    /** The visitor has seen the messages up to {@code seq}: stored, and told to the agents ({@code seen} frame). */
    @PUT
    @Path("{id}/seen")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response seen(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            Json.Seen body) {
        Visitor visitor = access.visitor(authorization);
        Conversation conversation = access.conversation(visitor, id);
        if (body == null || body.seq() == null) {
            throw ProblemException.invalid("seq", "The request body must be a JSON object with a 'seq' number");
        }
        SeenReceipts.byVisitor(conversations, signals, conversation.id(), visitor.id(), body.seq());
        return Response.noContent().build();
    }

    /** Ends the visitor's conversation; writing to it again starts a new one. */
    @POST
    @Path("{id}/close")
    public Json.ConversationView close(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Visitor visitor = access.visitor(authorization);
        Conversation conversation = access.conversation(visitor, id);
        return Json.ConversationView.of(conversations.close(conversation.id(), Sender.visitor(visitor.id())));
    }

    /** A page of messages after {@code after}, for visitors and agents alike. */
    static Json.MessagePage page(Conversations conversations, String conversationId, long lastSeq, String after,
            String limit) {
        long afterSeq = number("after", after, 0, Long.MAX_VALUE);
        int pageSize = (int) number("limit", limit, 1, 500);
        List<Json.MessageView> page = conversations.messagesAfter(conversationId, afterSeq, pageSize).stream()
                .map(Json.MessageView::of)
                .toList();
        return new Json.MessagePage(page, lastSeq);
    }

    static long number(String field, String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(field, "'" + field + "' must be a whole number from " + min + " to " + max);
    }
}
