package org.parley.benchmark;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

/**
 * The baseline: a bare Jetty 12 WebSocket relay with no storage and no logic, answering the few requests of Parley's
 * chat API the load uses, at the same paths and frames, so the same load generator drives it. A visitor's message, sent
 * as a {@code send} frame on its WebSocket or posted over HTTP as to Parley, is forwarded in a {@code message} frame to
 * every connection subscribed to its conversation (the agent who took it and the visitor's own), then acknowledged with
 * a {@code sent} frame or a 201. Run as {@code java -cp parley-benchmark.jar org.parley.benchmark.Relay PORT}.
 */
public final class Relay {
    static final String AGENT_COOKIE = "parley_session";
    private static final String STREAM = "/api/v1/stream";

    private final Map<String, Set<Socket>> subscribers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Server server = new Relay().server(Integer.parseInt(args[0]));
        server.start();
        System.out.println("Relay running on port " + args[0]);
        server.join();
    }

    Server server(int port) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("relay");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        connector.setAcceptQueueSize(4096);
        server.addConnector(connector);
        WebSocketUpgradeHandler upgrade = new WebSocketUpgradeHandler();
        upgrade.getConfiguration().setIdleTimeout(Duration.ofSeconds(120));
        upgrade.addMapping(STREAM, (request, response, callback) -> new Socket(agent(request.getHeaders()
                .get(HttpHeader.COOKIE))));
        upgrade.setHandler(new Api());
        server.setHandler(upgrade);
        server.setStopAtShutdown(true);
        return server;
    }

    private void relay(String conversation, String frame) {
        for (Socket socket : subscribers.getOrDefault(conversation, Set.of())) {
            socket.send(frame);
        }
    }

    private static String agent(String cookie) {
        if (cookie == null) {
            return null;
        }
        for (String pair : cookie.split(";")) {
            String[] nameValue = pair.trim().split("=", 2);
            if (nameValue.length == 2 && nameValue[0].equals(AGENT_COOKIE)) {
                return nameValue[1];
            }
        }
        return null;
    }

    /** The HTTP side: visitors, conversations, messages, takes; nothing is checked or kept beyond the ids. */
    private final class Api extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            String[] parts = path.split("/");
            if (path.equals("/health")) {
                return answer(response, callback, 200, "{\"status\":\"UP\"}");
            }
            if (!request.getMethod().equals("POST")) {
                return answer(response, callback, 404, "{}");
            }
            if (path.equals("/api/v1/visitors")) {
                long id = ids.incrementAndGet();
                return answer(response, callback, 201, "{\"visitorId\":\"v" + id + "\",\"token\":\"t" + id + "\"}");
            }
            if (path.equals("/api/v1/conversations")) {
                return answer(response, callback, 201, "{\"id\":\"c" + ids.incrementAndGet() + "\"}");
            }
            if (parts.length == 6 && path.startsWith("/api/v1/conversations/") && parts[5].equals("messages")) {
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                String frame = "{\"type\":\"message\",\"message\":{\"conversationId\":\"" + parts[4] + "\",\"body\":"
                        + body + "}}";
                relay(parts[4], frame);
                return answer(response, callback, 201, body);
            }
            if (parts.length == 7 && path.startsWith("/api/v1/desk/conversations/") && parts[6].equals("take")) {
                return answer(response, callback, 200, "{\"id\":\"" + parts[5] + "\"}");
            }
            return answer(response, callback, 404, "{}");
        }

        private boolean answer(Response response, Callback callback, int status, String json) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }

    /** One WebSocket: answers auth, subscribe, send and ping as Parley does, and receives what is relayed to it. */
    private final class Socket implements FrameHandler {
        private final String agent;
        private final StringBuilder partial = new StringBuilder();
        private final Set<String> conversations = ConcurrentHashMap.newKeySet();
        private volatile CoreSession session;

        Socket(String agent) {
            this.agent = agent;
        }

        void send(String text) {
            session.sendFrame(new Frame(OpCode.TEXT, text), Callback.NOOP, false);
        }

        @Override
        public void onOpen(CoreSession coreSession, Callback callback) {
            session = coreSession;
            callback.succeeded();
            if (agent != null) {
                send("{\"type\":\"ready\",\"agentId\":\"" + agent + "\"}");
            }
            coreSession.demand();
        }

        @Override
        public void onFrame(Frame frame, Callback callback) {
            byte opCode = frame.getOpCode();
            if (opCode == OpCode.TEXT || opCode == OpCode.CONTINUATION) {
                partial.append(frame.getPayloadAsUTF8());
                if (frame.isFin()) {
                    text(partial.toString());
                    partial.setLength(0);
                }
            }
            callback.succeeded();
            if (opCode != OpCode.CLOSE) {
                session.demand();
            }
        }

        private void text(String text) {
            if (text.contains("\"type\":\"send\"")) {
                sent(text);
            } else if (text.contains("\"type\":\"ping\"")) {
                send("{\"type\":\"pong\"}");
            } else if (text.contains("\"type\":\"auth\"")) {
                send("{\"type\":\"ready\",\"visitorId\":\"" + field(text, "token") + "\"}");
            } else if (text.contains("\"type\":\"subscribe\"")) {
                String conversation = field(text, "conversationId");
                conversations.add(conversation);
                subscribers.computeIfAbsent(conversation, id -> ConcurrentHashMap.newKeySet()).add(this);
                send("{\"type\":\"subscribed\",\"conversationId\":\"" + conversation + "\",\"lastSeq\":0}");
            }
        }

        /** A send frame: the message to every subscriber (this connection too), then sent to this one. */
        private void sent(String text) {
            String conversation = field(text, "conversationId");
            String clientId = field(text, "clientMessageId");
            String message = "{\"conversationId\":\"" + conversation + "\",\"seq\":" + ids.incrementAndGet()
                    + ",\"clientMessageId\":\"" + clientId + "\",\"text\":\"" + field(text, "text") + "\"}";
            relay(conversation, "{\"type\":\"message\",\"message\":" + message + "}");
            send("{\"type\":\"sent\",\"clientMessageId\":\"" + clientId + "\",\"created\":true,\"message\":"
                    + message + "}");
        }

        /** A string field as it stands in the JSON, escapes kept. */
        private static String field(String json, String name) {
            int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
            int end = start;
            while (json.charAt(end) != '"') {
                end += json.charAt(end) == '\\' ? 2 : 1;
            }
            return json.substring(start, end);
        }

        @Override
        public void onError(Throwable cause, Callback callback) {
            callback.succeeded();
        }

        @Override
        public void onClosed(CloseStatus closeStatus, Callback callback) {
            for (String conversation : conversations) {
                subscribers.getOrDefault(conversation, Set.of()).remove(this);
            }
            callback.succeeded();
        }
    }
}
