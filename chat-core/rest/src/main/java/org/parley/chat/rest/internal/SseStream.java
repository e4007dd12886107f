package org.parley.chat.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.chat.api.Conversations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One visitor's Server-Sent Events stream of one conversation: the same frames as the WebSocket ({@code message},
 * {@code subscribed}, {@code typing}, {@code seen}, {@code availability}), each as an event named by its type whose
 * data is the frame's JSON. {@code message} events carry the message's {@code seq} as their id, so the browser's
 * {@code Last-Event-ID} resumes without gaps or duplicates (StreamSubscription).
 */
final class SseStream implements ConversationSignals.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);

    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper json;
    private final List<Conversations.Subscription> subscriptions = new ArrayList<>();
    private volatile boolean closed;

    SseStream(SseEventSink sink, Sse sse, ObjectMapper json) {
        this.sink = sink;
        this.sse = sse;
        this.json = json;
    }

    /** Keeps the handle to close with the stream. */
    synchronized void add(Conversations.Subscription subscription) {
        if (closed) {
            subscription.close();
        } else {
            subscriptions.add(subscription);
        }
    }

    @Override
    public boolean agent() {
        return false;
    }

    @Override
    public void signal(Object frame) {
        send(frame);
    }

    /** Sends a frame as an event; a stream whose client went away closes. */
    void send(Object frame) {
        OutboundSseEvent.Builder event = sse.newEventBuilder().mediaType(MediaType.TEXT_PLAIN_TYPE);
        if (frame instanceof MessageFrame made) {
            event.name("message").id(Long.toString(made.seq())).data(String.class, made.json());
            write(event.build());
            return;
        }
        if (frame instanceof Map<?, ?> map) {
            event.name(String.valueOf(map.get("type")));
        }
        try {
            event.data(String.class, json.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Frames are plain records and maps", e);
        }
        write(event.build());
    }

    /** A comment that keeps proxies from closing the idle connection and finds clients that went away. */
    void heartbeat() {
        write(sse.newEventBuilder().comment("heartbeat").build());
    }

    boolean closed() {
        return closed || sink.isClosed();
    }

    private synchronized void write(OutboundSseEvent event) {
        if (closed()) {
            close();
            return;
        }
        try {
            sink.send(event).whenComplete((sent, failure) -> {
                if (failure != null) {
                    close();
                }
            });
        } catch (RuntimeException gone) {
            LOG.debug("The SSE client went away", gone);
            close();
        }
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscriptions.forEach(Conversations.Subscription::close);
        subscriptions.clear();
        try {
            sink.close();
        } catch (RuntimeException alreadyGone) {
            // nothing left to close
        }
    }
}
