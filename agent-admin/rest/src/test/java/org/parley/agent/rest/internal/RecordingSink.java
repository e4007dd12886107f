package org.parley.agent.rest.internal;

import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An event stream's client as the server sees it (what Jersey's sink does on the wire is covered by the IT): keeps
 * every event sent, and refuses events once closed, as a real sink does.
 */
final class RecordingSink implements SseEventSink {
    /** Builds events as Jersey's {@code Sse} does, with the data kept as the object given. */
    static final Sse SSE = new Sse() {
        @Override
        public OutboundSseEvent.Builder newEventBuilder() {
            return new Builder();
        }

        @Override
        public SseBroadcaster newBroadcaster() {
            throw new UnsupportedOperationException("Parley sends to each stream itself");
        }
    };

    final List<OutboundSseEvent> events = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public CompletionStage<?> send(OutboundSseEvent event) {
        if (closed) {
            throw new IllegalStateException("The sink is closed");
        }
        events.add(event);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The named events, without comments. */
    List<OutboundSseEvent> named() {
        return events.stream().filter(event -> event.getName() != null).toList();
    }

    /** The data of the named events of this name. */
    List<Object> data(String name) {
        return named().stream().filter(event -> name.equals(event.getName())).map(OutboundSseEvent::getData)
                .toList();
    }

    List<String> comments() {
        return events.stream().filter(event -> event.getComment() != null).map(OutboundSseEvent::getComment)
                .toList();
    }

    private record Event(String getId, String getName, String getComment, long getReconnectDelay,
            boolean isReconnectDelaySet, Class<?> getType, Type getGenericType, MediaType getMediaType,
            Object getData) implements OutboundSseEvent {}

    private static final class Builder implements OutboundSseEvent.Builder {
        private String id;
        private String name;
        private String comment;
        private long reconnectDelay = -1;
        private MediaType mediaType = MediaType.TEXT_PLAIN_TYPE;
        private Class<?> type;
        private Object data;

        @Override
        public OutboundSseEvent.Builder id(String value) {
            id = value;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder name(String value) {
            name = value;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder reconnectDelay(long milliseconds) {
            reconnectDelay = milliseconds;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder mediaType(MediaType value) {
            mediaType = value;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder comment(String value) {
            comment = value;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(Class value, Object object) {
            type = value;
            data = object;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(GenericType value, Object object) {
            type = value.getRawType();
            data = object;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(Object object) {
            return data(object.getClass(), object);
        }

        @Override
        public OutboundSseEvent build() {
            return new Event(id, name, comment, reconnectDelay, reconnectDelay >= 0, type, type, mediaType, data);
        }
    }
}
