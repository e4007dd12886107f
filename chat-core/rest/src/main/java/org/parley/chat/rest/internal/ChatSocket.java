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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection of a visitor. The client authenticates with its token, subscribes to its conversations
 * from the last sequence number it saw, and receives every later message exactly once, in order.
 */
public final class ChatSocket extends Endpoint { // public: Jetty validates endpoint classes
    private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);
    /** Longest a connection may stay silent; clients ping every 25 seconds. */
    static final long IDLE_TIMEOUT_MILLIS = 60_000;
    static final int MAX_FRAME_CHARS = 16 * 1024;

    private final Conversations conversations;
    private final ObjectMapper json;
    private final Map<String, StreamSubscription> subscriptions = new ConcurrentHashMap<>();
    private volatile Visitor visitor;
    private Session session;

    ChatSocket(Conversations conversations, ObjectMapper json) {
        this.conversations = conversations;
        this.json = json;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        session.setMaxIdleTimeout(IDLE_TIMEOUT_MILLIS);
        session.setMaxTextMessageBufferSize(MAX_FRAME_CHARS);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::receive);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        subscriptions.values().forEach(StreamSubscription::close);
        subscriptions.clear();
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
        switch (type) {
            case "auth" -> authenticate(frame.path("token").asText(null));
            case "subscribe" -> subscribe(frame);
            case "unsubscribe" -> unsubscribe(frame.path("conversationId").asText(""));
            case "ping" -> send(Map.of("type", "pong"));
            default -> error(400, "Unknown frame type", "Unknown frame type '" + type + "'", "type");
        }
    }

    private void authenticate(String token) {
        Optional<Visitor> found = conversations.visitorByToken(token);
        if (found.isEmpty()) {
            error(401, "Unauthorized", "Unknown visitor token", "token");
            return;
        }
        // A connection speaks for one visitor at a time: a new identity ends the old one's subscriptions.
        subscriptions.values().forEach(StreamSubscription::close);
        subscriptions.clear();
        visitor = found.get();
        send(Map.of("type", "ready", "visitorId", visitor.id()));
    }

    private void subscribe(JsonNode frame) {
        Visitor current = visitor;
        if (current == null) {
            error(401, "Unauthorized", "Send {\"type\":\"auth\",\"token\":...} first", "token");
            return;
        }
        String conversationId = frame.path("conversationId").asText("");
        JsonNode after = frame.path("after");
        if (!after.isMissingNode() && !(after.canConvertToLong() && after.asLong() >= 0)) {
            error(400, "Invalid request", "'after' must be a sequence number of 0 or more", "after");
            return;
        }
        Optional<Conversation> conversation = conversations.find(conversationId)
                .filter(c -> c.visitorId().equals(current.id()));
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
