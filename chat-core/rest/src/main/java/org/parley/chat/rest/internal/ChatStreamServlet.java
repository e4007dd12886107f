package org.parley.chat.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.parley.agent.api.AgentSessions;
import org.parley.chat.api.AgentDesk;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.VisitorPresence;

/**
 * {@code /api/v1/stream}: upgrades to the chat WebSocket (protocol in docs/realtime-protocol.md). Upgrading per
 * request, instead of registering an endpoint with the container once, ties the endpoint's life to this servlet's
 * registration, so the bundle can stop, update and start again while Jetty keeps running.
 */
@Component(service = Servlet.class)
// Served inside the REST API's servlet context, where this exact path wins over Jersey's /api/v1/* mapping.
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.path=/api/v1)")
@HttpWhiteboardServletPattern("/stream")
public class ChatStreamServlet extends HttpServlet {
    static final String PATH = "/api/v1/stream";
    private static final long serialVersionUID = 1L;

    private final transient Conversations conversations;
    private final transient AgentSessions sessions;
    private final transient DeskFeed deskFeed;
    private final transient VisitorPresence presence;
    private final transient ConversationSignals signals;
    private final transient AgentAvailability availability;
    private final transient SocketMessages messages;
    private final transient SocketOutbox outbox = new SocketOutbox();
    private final transient ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Activate
    public ChatStreamServlet(@Reference Conversations conversations, @Reference AgentDesk desk,
            @Reference AgentSessions sessions, @Reference VisitorPresence presence,
            @Reference ConversationSignals signals, @Reference AgentAvailability availability,
            @Reference VisitorLimits limits) {
        this.messages = new SocketMessages(conversations, limits);
        this.conversations = conversations;
        this.presence = presence;
        this.signals = signals;
        this.availability = availability;
        this.sessions = sessions;
        this.deskFeed = new DeskFeed(desk);
    }

    @Deactivate
    void stop() {
        deskFeed.close();
        outbox.close();
    }

    /**
     * Answers every handshake question itself: the API's default configurator is found through ServiceLoader,
     * which the API bundle cannot do inside OSGi. The visitor token travels in the first frame, never in a cookie a
     * foreign page could make the browser send; the agents' session cookie is checked against the Origin before the
     * upgrade (AgentStream), so the container's own origin check stays open.
     */
    private final class SocketConfigurator extends ServerEndpointConfig.Configurator {
        private final AgentStream.Identity identity;

        SocketConfigurator(AgentStream.Identity identity) {
            this.identity = identity;
        }

        @Override
        public <T> T getEndpointInstance(Class<T> type) {
            return type.cast(new ChatSocket(conversations, json, identity, deskFeed, presence, signals, availability,
                    messages, outbox));
        }

        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            return "";
        }

        @Override
        public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
            return List.of();
        }

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return true;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            // nothing to add
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        ServerContainer container = (ServerContainer) getServletContext().getAttribute(ServerContainer.class.getName());
        if (container == null || !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            response.setStatus(426);
            response.setHeader("Upgrade", "websocket");
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Upgrade Required\",\"status\":426,"
                    + "\"detail\":\"This address speaks WebSocket only\"}");
            return;
        }
        // One endpoint configuration per upgrade: it carries who this connection speaks for.
        ServerEndpointConfig endpoint = ServerEndpointConfig.Builder.create(ChatSocket.class, PATH)
                .configurator(new SocketConfigurator(AgentStream.identify(request, sessions)))
                .build();
        try {
            container.upgradeHttpToWebSocket(request, response, endpoint, Map.of());
        } catch (DeploymentException e) {
            throw new ServletException(e);
        }
    }
}
