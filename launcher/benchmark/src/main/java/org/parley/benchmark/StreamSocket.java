package org.parley.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ObjLongConsumer;

/**
 * One WebSocket to {@code /api/v1/stream} (the JDK's client), as the widget or the desk holds it. Frames are told apart
 * by cheap string tests, not parsed: an agent's connection receives a {@code desk} frame for every message of every
 * conversation, and the load generator shares the machine with the server.
 */
final class StreamSocket implements WebSocket.Listener {
    /** Desk frames received and connections lost (closed by the server or broken), over all connections. */
    static final LongAdder DESK_FRAMES = new LongAdder();
    static final LongAdder CLOSED = new LongAdder();
    /** When the last message or desk frame arrived (pongs do not count): the server's backlog is gone when quiet. */
    static volatile long lastFrameNanos = System.nanoTime();

    final CompletableFuture<String> ready = new CompletableFuture<>();
    final AtomicInteger subscribed = new AtomicInteger();
    private final ObjLongConsumer<String> messages;
    private final ObjLongConsumer<String> replies;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile boolean closed;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    private StreamSocket(ObjLongConsumer<String> messages, ObjLongConsumer<String> replies) {
        this.messages = messages;
        this.replies = replies;
    }

    /**
     * Opens a connection; {@code messages} gets each {@code message} frame with the nanoTime it arrived, and
     * {@code replies} each answer to a {@code send} frame: {@code sent}, or an {@code error} naming a clientMessageId.
     */
    static CompletableFuture<StreamSocket> open(HttpClient http, URI uri, Map<String, String> headers,
            ObjLongConsumer<String> messages, ObjLongConsumer<String> replies) {
        StreamSocket listener = new StreamSocket(messages, replies);
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(60));
        headers.forEach(builder::header);
        return builder.buildAsync(uri, listener).thenApply(socket -> {
            listener.socket = socket;
            return listener;
        });
    }

    /** Sends a frame after the ones before it (the JDK's client allows one outstanding send). */
    synchronized CompletableFuture<?> send(String frame) {
        sending = sending.handle((ok, failed) -> null).thenCompose(ignored -> socket.sendText(frame, true));
        return sending;
    }

    boolean isOpen() {
        return !closed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        String frame;
        if (!last || partial.length() > 0) {
            partial.append(data);
            if (!last) {
                webSocket.request(1);
                return null;
            }
            frame = partial.toString();
            partial.setLength(0);
        } else {
            frame = data.toString();
        }
        if (frame.contains("\"type\":\"message\"")) {
            lastFrameNanos = now;
            messages.accept(frame, now);
        } else if (frame.contains("\"type\":\"desk\"")) {
            lastFrameNanos = now;
            DESK_FRAMES.increment();
        } else if (frame.contains("\"type\":\"sent\"")) {
            replies.accept(frame, now);
        } else if (frame.contains("\"type\":\"subscribed\"")) {
            subscribed.incrementAndGet();
        } else if (frame.contains("\"type\":\"ready\"")) {
            ready.complete(frame);
        } else if (frame.contains("\"type\":\"error\"")) {
            if (frame.contains("\"clientMessageId\":\"")) {
                replies.accept(frame, now);
            }
            ready.completeExceptionally(new IllegalStateException("error frame: " + frame));
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        lost(new IllegalStateException("closed by the server: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        lost(error);
    }

    private void lost(Throwable why) {
        if (!closed) {
            closed = true;
            CLOSED.increment();
        }
        ready.completeExceptionally(why);
    }

    void abort() {
        closed = true;
        WebSocket open = socket;
        if (open != null) {
            open.abort();
        }
    }
}
