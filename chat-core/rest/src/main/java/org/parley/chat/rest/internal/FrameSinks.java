package org.parley.chat.rest.internal;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;

/**
 * How a connection's frames are written. On Jetty (Parley's own launcher, and hosts on Jetty 12) the frames waiting
 * for a connection go out in one write ({@link JettyFrameSink}); elsewhere each one through the standard WebSocket
 * API. The bundle imports Jetty's packages optionally, so it also runs where they are missing.
 */
final class FrameSinks {
    private static final boolean JETTY = jettyPresent();

    private FrameSinks() {}

    static SocketOutbox.Sink of(Session session) {
        SocketOutbox.Sink jetty = JETTY ? JettyFrameSink.of(session) : null;
        return jetty != null ? jetty : frames -> {
            if (session.isOpen()) {
                RemoteEndpoint.Async remote = session.getAsyncRemote();
                frames.forEach(remote::sendText);
            }
        };
    }

    private static boolean jettyPresent() {
        try {
            return JettyFrameSink.resolves();
        } catch (LinkageError e) {
            return false;
        }
    }
}
