package org.parley.launcher.itest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket connection to {@code /api/v1/stream}, as the chat widget opens it. */
final class StreamSocket implements AutoCloseable {
    private static final long FRAME_TIMEOUT_SECONDS = 10;

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    StreamSocket(URI uri) throws Exception {
        this(uri, Map.of());
    }

    /** With headers on the upgrade request, such as the agent's session cookie and the page's Origin. */
    StreamSocket(URI uri, Map<String, String> headers) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        frames.add(ParleyHttp.JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException("Not a JSON frame: " + partial, e);
                    }
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(FRAME_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    void send(String frame) throws Exception {
        socket.sendText(frame, true).get(FRAME_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The next frame, which must be of the given type. */
    JsonNode expect(String type) throws InterruptedException {
        JsonNode frame = frames.poll(FRAME_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("No '" + type + "' frame within " + FRAME_TIMEOUT_SECONDS + " s");
        }
        if (!type.equals(frame.path("type").asText())) {
            throw new AssertionError("Expected a '" + type + "' frame but got " + frame);
        }
        return frame;
    }

    /** The next frame that matches, skipping the others (frames of different kinds may interleave). */
    JsonNode await(String description, Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FRAME_TIMEOUT_SECONDS);
        List<JsonNode> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame != null && wanted.test(frame)) {
                return frame;
            }
            if (frame != null) {
                skipped.add(frame);
            }
        }
        throw new AssertionError("No frame with " + description + " within " + FRAME_TIMEOUT_SECONDS + " s; got "
                + skipped);
    }

    /** The frames before the next one of the given type, which is consumed. */
    List<JsonNode> framesBefore(String type) throws InterruptedException {
        List<JsonNode> before = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FRAME_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame != null && type.equals(frame.path("type").asText())) {
                return before;
            }
            if (frame != null) {
                before.add(frame);
            }
        }
        throw new AssertionError("No '" + type + "' frame within " + FRAME_TIMEOUT_SECONDS + " s; got " + before);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
