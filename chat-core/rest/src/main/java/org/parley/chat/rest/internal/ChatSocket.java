package org.parley.chat.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.chat.api.AgentDesk;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.ConversationState;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.Visitor;
import org.parley.chat.api.VisitorPresence;
import org.parley.rest.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection, of a visitor or an agent. A visitor authenticates with its token in the first frame; an
 * agent with the session cookie of the upgrade request (AgentStream). Either subscribes to the conversations they may
 * read from the last sequence number they saw, and receives every later message exactly once, in order; an agent
 * also receives a {@code desk} frame whenever a conversation in their list changes.
 */
public final class ChatSocket extends Endpoint { // public: Jetty validates endpoint classes
    private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);
    /** Longest a connection may stay silent; clients ping every 25 seconds. */
    static final long IDLE_TIMEOUT_MILLIS = 60_000;
    static final int MAX_FRAME_CHARS = 16 * 1024;

    private final Conversations conversations;
    private final ObjectMapper json;
    private final AgentStream.Identity identity;
    private final DeskFeed deskFeed;
    private final VisitorPresence presence;
    private final ConversationSignals signals;
    private final AgentAvailability availability;
    private final SocketMessages messages;
    private final SocketOutbox outbox;
    private final Map<String, StreamSubscription> subscriptions = new ConcurrentHashMap<>();
    /** Typing and seen frames of the subscribed conversations. */
    private final Map<String, Conversations.Subscription> following = new ConcurrentHashMap<>();
    /** Where this connection said it was typing, to end the indicators when it closes. */
    private final Map<String, Json.SenderView> typingIn = new ConcurrentHashMap<>();
    private final ConversationSignals.Listener listener = new ConversationSignals.Listener() {
        @Override
        public boolean agent() {
            return identity.agent() != null;
        }

        @Override
        public void signal(Object frame) {
            send(frame);
        }
    };
    private volatile Visitor visitor;
    private volatile Conversations.Subscription desk;
    private volatile Conversations.Subscription deskSignals;
    private volatile Conversations.Subscription availabilitySignals;
    private Session session;
    /** Where this connection's frames wait for their write; set first thing when it opens. */
    private volatile SocketOutbox.Connection out;

    ChatSocket(Conversations conversations, ObjectMapper json, AgentStream.Identity identity, DeskFeed deskFeed,
            VisitorPresence presence, ConversationSignals signals, AgentAvailability availability,
            SocketMessages messages, SocketOutbox outbox) {
        this.messages = messages;
        this.outbox = outbox;
        this.conversations = conversations;
        this.presence = presence;
        this.json = json;
        this.identity = identity;
        this.deskFeed = deskFeed;
        this.signals = signals;
        this.availability = availability;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        this.out = outbox.open(FrameSinks.of(session));
        session.setMaxIdleTimeout(IDLE_TIMEOUT_MILLIS);
        session.setMaxTextMessageBufferSize(MAX_FRAME_CHARS);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::receive);
        AgentStream agent = identity.agent();
        if (agent != null) {
            desk = deskFeed.follow(agent.agent(), this::send);
            deskSignals = signals.followDesk(listener);
            send(Map.of("type", "ready", "agentId", agent.agent().id()));
        } else if (identity.refusal() != null) {
            // The connection stays open for a visitor's token; the agent's page learns why it is not signed in.
            error(identity.refusedStatus(), identity.refusedStatus() == 401 ? "Unauthorized" : "Forbidden",
                    identity.refusal(), "parley_session");
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        typingIn.forEach((conversationId, sender) -> signals.typing(conversationId, sender, false, listener));
        unsubscribeAll();
        closeQuietly(desk);
        closeQuietly(deskSignals);
        closeQuietly(availabilitySignals);
        present(visitor, null);
    }

    private static void closeQuietly(Conversations.Subscription subscription) {
        if (subscription != null) {
            subscription.close();
        }
    }

    private void unsubscribeAll() {
        subscriptions.keySet().forEach(this::unsubscribe);
    }

    private void receive(String text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (JsonProcessingException e) {
            error(400, "Malformed JSON", "The frame is not valid JSON", null);
            return;
        }
        String type = frame.path("type").asText("");
        AgentStream agent = identity.agent();
        if (agent != null && !agent.stillSignedIn()) {
            error(401, "Unauthorized", "The session has ended; sign in again", "parley_session");
            close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "session ended"));
            return;
        }
        switch (type) {
            case "auth" -> authenticate(frame.path("token").asText(null));
            case "subscribe" -> subscribe(frame);
            case "unsubscribe" -> unsubscribe(frame.path("conversationId").asText(""));
            case "ping" -> send(Map.of("type", "pong"));
            case "typing" -> typing(frame);
            case "seen" -> seen(frame);
            case "send" -> sendMessage(frame);
            default -> error(400, "Unknown frame type", "Unknown frame type '" + type + "'", "type");
        }
    }

    private void authenticate(String token) {
        if (identity.agent() != null) {
            error(400, "Invalid request", "This connection is signed in as an agent", "type");
            return;
        }
        Optional<Visitor> found = conversations.visitorByToken(token);
        if (found.isEmpty()) {
            error(401, "Unauthorized", "Unknown visitor token", "token");
            return;
        }
        // A connection speaks for one visitor at a time: a new identity ends the old one's subscriptions.
        unsubscribeAll();
        present(visitor, found.get());
        visitor = found.get();
        send(Map.of("type", "ready", "visitorId", visitor.id()));
        if (availabilitySignals == null) {
            availabilitySignals = availability.follow(listener);
        }
    }

    /** The visitor presence registry learns who this connection speaks for: "on the website" in the desk. */
    private void present(Visitor before, Visitor after) {
        if (before != null) {
            presence.disconnected(before.id());
        }
        if (after != null) {
            presence.connected(after.id());
        }
    }

    private void subscribe(JsonNode frame) {
        Visitor current = visitor;
        boolean agent = identity.agent() != null;
        if (current == null && !agent) {
            error(401, "Unauthorized", "Send {\"type\":\"auth\",\"token\":...} first", "token");
            return;
        }
        String conversationId = frame.path("conversationId").asText("");
        JsonNode after = frame.path("after");
        if (!after.isMissingNode() && !(after.canConvertToLong() && after.asLong() >= 0)) {
            error(400, "Invalid request", "'after' must be a sequence number of 0 or more", "after");
            return;
        }
        // Agents read every conversation; visitors only their own.
        Optional<Conversation> conversation = conversations.find(conversationId)
                .filter(c -> agent || c.visitorId().equals(current.id()));
        if (conversation.isEmpty()) {
            error(404, "Not found", "No such conversation: " + conversationId, "conversationId");
            return;
        }
        unsubscribe(conversationId);
        StreamSubscription subscription = new StreamSubscription(conversations, conversationId, after.asLong(0), this::send,
                json);
        subscriptions.put(conversationId, subscription);
        following.put(conversationId, signals.follow(conversationId, listener));
        subscription.start();
    }

    private void unsubscribe(String conversationId) {
        StreamSubscription previous = subscriptions.remove(conversationId);
        if (previous != null) {
            previous.close();
        }
        closeQuietly(following.remove(conversationId));
    }

    /**
     * {@code typing}: a visitor in their own conversation, an agent in a chat they have (may write in). Forwarded to
     * the conversation's other connections and, for visitors, to every agent's desk; the throttle drops the excess.
     */
    private void typing(JsonNode frame) {
        JsonNode typing = frame.path("typing");
        if (!typing.isBoolean()) {
            error(400, "Invalid request", "'typing' must be true or false", "typing");
            return;
        }
        String conversationId = frame.path("conversationId").asText("");
        Json.SenderView sender = writer(conversationId);
        if (sender != null) {
            if (typing.asBoolean()) {
                typingIn.put(conversationId, sender);
            } else {
                typingIn.remove(conversationId);
            }
            signals.typing(conversationId, sender, typing.asBoolean(), listener);
        }
    }

    /** {@code send}: a visitor's message, answered with {@code sent} once stored (agents use the desk API). */
    private void sendMessage(JsonNode frame) {
        Visitor current = visitor;
        if (identity.agent() != null) {
            error(400, "Invalid request", "Agents send messages with POST /api/v1/desk/conversations/{id}/messages",
                    "type");
        } else if (current == null) {
            error(401, "Unauthorized", "Send {\"type\":\"auth\",\"token\":...} first", "token");
        } else {
            messages.send(current, frame, this::send);
        }
    }

    /** {@code seen}: the same as {@code PUT …/seen} over HTTP, for a visitor's own conversation or any agent. */
    private void seen(JsonNode frame) {
        JsonNode seq = frame.path("seq");
        if (!seq.canConvertToLong() || !seq.isIntegralNumber()) {
            error(400, "Invalid request", "'seq' must be a sequence number", "seq");
            return;
        }
        String conversationId = frame.path("conversationId").asText("");
        AgentStream agent = identity.agent();
        try {
            if (agent != null) {
                SeenReceipts.byAgent(desk(), signals, conversationId, agent.agent(), seq.asLong());
                return;
            }
            Visitor current = visitor;
            if (current == null) {
                error(401, "Unauthorized", "Send {\"type\":\"auth\",\"token\":...} first", "token");
                return;
            }
            if (conversations.find(conversationId).filter(c -> c.visitorId().equals(current.id())).isEmpty()) {
                error(404, "Not found", "No such conversation: " + conversationId, "conversationId");
                return;
            }
            SeenReceipts.byVisitor(conversations, signals, conversationId, current.id(), seq.asLong());
        } catch (ChatException e) {
            Problem problem = ChatProblems.problem(e);
            error(problem.status(), problem.title(), problem.detail(), e.field());
        }
    }

    private AgentDesk desk() {
        return deskFeed.desk();
    }

    /**
     * Who this connection writes as in the conversation: the visitor in their own, an active agent in a chat they
     * have. Otherwise sends the error frame and answers null.
     */
    private Json.SenderView writer(String conversationId) {
        AgentStream agent = identity.agent();
        Visitor current = visitor;
        if (agent == null && current == null) {
            error(401, "Unauthorized", "Send {\"type\":\"auth\",\"token\":...} first", "token");
            return null;
        }
        if (agent == null && subscriptions.containsKey(conversationId)) {
            // Checked when subscribing: typing, which comes often, needs no read of the store then.
            return new Json.SenderView("VISITOR", current.id(), null);
        }
        Optional<Conversation> conversation = conversations.find(conversationId)
                .filter(c -> agent != null || c.visitorId().equals(current.id()));
        if (conversation.isEmpty()) {
            error(404, "Not found", "No such conversation: " + conversationId, "conversationId");
            return null;
        }
        if (agent == null) {
            return new Json.SenderView("VISITOR", current.id(), null);
        }
        Conversation c = conversation.get();
        if (c.state() != ConversationState.ACTIVE || !agent.agent().id().equals(c.assignedAgentId())
                || !agent.agent().active() || !agent.agent().enabled()) {
            error(403, "Forbidden", "Only the agent who has the chat writes in it; take it first", "conversationId");
            return null;
        }
        return new Json.SenderView("AGENT", agent.agent().id(), agent.agent().displayName());
    }

    /** Queues the frame for this connection, after every frame queued before it, whatever the thread. */
    void send(Object frame) {
        SocketOutbox.Connection target = out;
        if (target == null) {
            return;
        }
        try {
            target.send(frame instanceof MessageFrame made ? made.json() : json.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            LOG.warn("A frame could not be written as JSON", e); // frames are plain records and maps: a bug
        }
    }

    /** Closes the connection once the frames queued before are written (an error frame saying why, say). */
    private void close(CloseReason reason) {
        out.then(() -> {
            try {
                session.close(reason);
            } catch (java.io.IOException | IllegalStateException e) {
                LOG.debug("The connection was closing anyway", e);
            }
        });
    }

    private void error(int status, String title, String detail, String field) {
        send(errorFrame(status, title, detail, field, null, null));
    }

    /**
     * An {@code error} frame: the refused frame's status, title, detail, the field at fault, and for a refused
     * {@code send} its client message id and, when rate-limited, the seconds to wait (null: left out).
     */
    static Map<String, Object> errorFrame(int status, String title, String detail, String field,
            String clientMessageId, Long retryAfter) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("status", status);
        frame.put("title", title);
        frame.put("detail", detail);
        if (field != null) {
            frame.put("field", field);
        }
        if (clientMessageId != null) {
            frame.put("clientMessageId", clientMessageId);
        }
        if (retryAfter != null) {
            frame.put("retryAfter", retryAfter);
        }
        return frame;
    }
}
