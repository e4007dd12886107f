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
import org.parley.chat.api.Conversation;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.Visitor;
import org.parley.chat.api.VisitorPresence;
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
    private final Map<String, StreamSubscription> subscriptions = new ConcurrentHashMap<>();
    private volatile Visitor visitor;
    private volatile Conversations.Subscription desk;
    private Session session;

    ChatSocket(Conversations conversations, ObjectMapper json, AgentStream.Identity identity, DeskFeed deskFeed,
            VisitorPresence presence) {
        this.conversations = conversations;
        this.presence = presence;
        this.json = json;
        this.identity = identity;
        this.deskFeed = deskFeed;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        session.setMaxIdleTimeout(IDLE_TIMEOUT_MILLIS);
        session.setMaxTextMessageBufferSize(MAX_FRAME_CHARS);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::receive);
        AgentStream agent = identity.agent();
        if (agent != null) {
            desk = deskFeed.follow(agent, this::send);
            send(Map.of("type", "ready", "agentId", agent.agent().id()));
        } else if (identity.refusal() != null) {
            // The connection stays open for a visitor's token; the agent's page learns why it is not signed in.
            error(identity.refusedStatus(), identity.refusedStatus() == 401 ? "Unauthorized" : "Forbidden",
                    identity.refusal(), "parley_session");
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        subscriptions.values().forEach(StreamSubscription::close);
        subscriptions.clear();
        Conversations.Subscription following = desk;
        if (following != null) {
            following.close();
        }
        present(visitor, null);
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
        subscriptions.values().forEach(StreamSubscription::close);
        subscriptions.clear();
        present(visitor, found.get());
        visitor = found.get();
        send(Map.of("type", "ready", "visitorId", visitor.id()));
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
        StreamSubscription subscription = new StreamSubscription(conversations, conversationId, after.asLong(0), this::send);
        subscriptions.put(conversationId, subscription);
        subscription.start();
    }

    private void unsubscribe(String conversationId) {
        StreamSubscription previous = subscriptions.remove(conversationId);
        if (previous != null) {
            previous.close();
        }
    }

    void send(Object frame) {
        try {
            String text = json.writeValueAsString(frame);
            synchronized (this) {
                if (session.isOpen()) {
                    session.getAsyncRemote().sendText(text);
                }
            }
        } catch (JsonProcessingException | IllegalStateException e) {
            // The connection is going away; the client reconnects and resumes from its last sequence number.
            LOG.debug("Cannot send to a closing connection", e);
        }
    }

    private void close(CloseReason reason) {
        try {
            session.close(reason);
        } catch (java.io.IOException | IllegalStateException e) {
            LOG.debug("The connection was closing anyway", e);
        }
    }

    private void error(int status, String title, String detail, String field) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("status", status);
        frame.put("title", title);
        frame.put("detail", detail);
        if (field != null) {
            frame.put("field", field);
        }
        send(frame);
    }
}
