package org.parley.chat.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.Visitor;
import org.parley.rest.problem.ProblemException;

/**
 * The fallback when WebSockets are blocked: {@code POST /api/v1/stream/tickets} trades the visitor's token for a
 * ticket valid 60 s, and {@code GET /api/v1/stream/sse?conversationId=&after=&ticket=} streams the conversation as
 * Server-Sent Events (docs/realtime-protocol.md). Sending stays on the HTTP API.
 */
@Component(service = StreamResource.class)
@JakartarsResource
@JSONRequired
@Path("stream")
public class StreamResource {
    static final long HEARTBEAT_SECONDS = 25;

    private final Conversations conversations;
    private final ConversationSignals signals;
    private final AgentAvailability availability;
    private final VisitorAccess access;
    private final StreamTickets tickets = new StreamTickets(System::currentTimeMillis);
    private final Set<SseStream> streams = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("parley-sse-heartbeat"));

    @Activate
    public StreamResource(@Reference Conversations conversations, @Reference ConversationSignals signals,
            @Reference AgentAvailability availability) {
        this.conversations = conversations;
        this.signals = signals;
        this.availability = availability;
        this.access = new VisitorAccess(conversations);
        heartbeats.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        heartbeats.shutdownNow();
        streams.forEach(SseStream::close);
    }

    /** A ticket for the event stream, in exchange for the bearer token. */
    @POST
    @Path("tickets")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ticket(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Visitor visitor = access.visitor(authorization);
        StreamTickets.Ticket ticket = tickets.issue(visitor.id());
        return Response.status(Response.Status.CREATED)
                .entity(new Json.StreamTicket(ticket.ticket(), Instant.ofEpochMilli(ticket.expiresAtMillis())))
                .build();
    }

    /**
     * The conversation's events after {@code after}, or after {@code Last-Event-ID} when the browser reconnects
     * (whichever is higher). Refusals (401 ticket, 404 conversation, 400 numbers) come before the stream opens.
     */
    @GET
    @Path("sse")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@QueryParam("ticket") String ticket, @QueryParam("conversationId") String conversationId,
            @QueryParam("after") @DefaultValue("0") String after,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        String visitorId = tickets.visitor(ticket).orElseThrow(() -> ProblemException.unauthorized(ticket == null
                ? "Get a ticket with POST /api/v1/stream/tickets and pass it as ?ticket="
                : "The ticket is unknown or expired; get a new one"));
        Conversation conversation = conversations.find(conversationId == null ? "" : conversationId)
                .filter(c -> c.visitorId().equals(visitorId))
                .orElseThrow(() -> ProblemException.notFound("No such conversation: " + conversationId));
        long from = ConversationResource.number("after", after, 0, Long.MAX_VALUE);
        if (lastEventId != null && !lastEventId.isBlank()) {
            from = Math.max(from, ConversationResource.number("Last-Event-ID", lastEventId, 0, Long.MAX_VALUE));
        }
        SseStream stream = new SseStream(sink, sse, json);
        streams.add(stream);
        stream.add(availability.follow(stream));
        stream.add(signals.follow(conversation.id(), stream));
        StreamSubscription subscription = new StreamSubscription(conversations, conversation.id(), from, stream::send,
                json);
        stream.add(subscription::close);
        subscription.start();
    }

    void heartbeat() {
        for (SseStream stream : streams) {
            if (stream.closed()) {
                stream.close();
                streams.remove(stream);
            } else {
                stream.heartbeat();
            }
        }
    }
}
