package org.parley.chat.rest.internal;

import jakarta.websocket.Session;
import java.util.List;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * Writes a connection's waiting frames through Jetty's own session: every frame but the last is batched into Jetty's
 * output buffer, and the last one writes them all, in one system call where they fit (the standard API can batch
 * too, but its flush waits for the network). Never waits: a connection that cannot take more keeps its frames in
 * Jetty's queue, as before.
 */
final class JettyFrameSink implements SocketOutbox.Sink {
    private final CoreSession core;

    private JettyFrameSink(CoreSession core) {
        this.core = core;
    }

    /** Loads the Jetty classes this needs; throws a {@link LinkageError} where they are missing. */
    static boolean resolves() {
        return JakartaWebSocketSession.class != null && CoreSession.class != null && Callback.NOOP != null;
    }

    /** A sink for the connection, or null when it is not Jetty's. */
    static SocketOutbox.Sink of(Session session) {
        return session instanceof JakartaWebSocketSession jetty ? new JettyFrameSink(jetty.getCoreSession()) : null;
    }

    @Override
    public void write(List<String> frames) {
        if (!core.isOutputOpen()) {
            return;
        }
        int last = frames.size() - 1;
        for (int i = 0; i <= last; i++) {
            // A failed write closes the connection; its client reconnects and resumes from its last sequence number.
            core.sendFrame(new Frame(OpCode.TEXT).setPayload(frames.get(i)), Callback.NOOP, i < last);
        }
    }
}
