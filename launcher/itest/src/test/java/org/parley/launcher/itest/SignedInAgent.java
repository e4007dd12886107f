package org.parley.launcher.itest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An agent's browser over real HTTP: signs in, keeps the {@code parley_session} cookie and the CSRF token, sends any
 * body (JSON or images) and reads Server-Sent Events.
 */
final class SignedInAgent {
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final URI base;
    final String secret;
    final String csrf;
    final JsonNode agent;

    private SignedInAgent(URI base, String secret, String csrf, JsonNode agent) {
        this.base = base;
        this.secret = secret;
        this.csrf = csrf;
        this.agent = agent;
    }

    static SignedInAgent signIn(URI base, String login, String password) throws Exception {
        String body = ParleyHttp.JSON.createObjectNode().put("login", login).put("password", password).toString();
        HttpResponse<byte[]> response = send(base, null, "POST", "/api/v1/session", "application/json",
                body.getBytes(StandardCharsets.UTF_8), Map.of());
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in of " + login + ": " + text(response));
        }
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        String secret = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        JsonNode session = ParleyHttp.JSON.readTree(response.body());
        return new SignedInAgent(base, secret, session.path("csrfToken").asText(), session.path("agent"));
    }

    String id() {
        return agent.path("id").asText();
    }

    /** A request with the cookie, and with the CSRF token unless it is a GET. */
    HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send(base, secret, method, path, contentType, body,
                method.equals("GET") ? headers : with(headers, "X-CSRF-Token", csrf));
    }

    HttpResponse<byte[]> json(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Opens {@code GET /api/v1/agents/events}; the lines arrive in the returned stream's queue. */
    EventStream events() throws Exception {
        return EventStream.open(base, secret);
    }

    static HttpResponse<byte[]> send(URI base, String secret, String method, String path, String contentType,
            byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (secret != null) {
            request.header("Cookie", "parley_session=" + secret);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> response) {
        return response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }

    static JsonNode body(HttpResponse<byte[]> response) throws IOException {
        return ParleyHttp.JSON.readTree(response.body());
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }

    /** An open event stream: its status, content type, and its lines as they come; {@link #END} once it closed. */
    static final class EventStream implements AutoCloseable {
        static final String END = "<end of stream>";

        final int status;
        final String contentType;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Stream<String> body;

        private EventStream(HttpResponse<Stream<String>> response) {
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse("");
            body = response.body();
            Thread reader = new Thread(() -> {
                try {
                    body.forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the stream ended abruptly: also an end
                }
                lines.add(END);
            }, "it-event-stream");
            reader.setDaemon(true);
            reader.start();
        }

        static EventStream open(URI base, String secret) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/agents/events"))
                    .header("Accept", "text/event-stream")
                    .GET();
            if (secret != null) {
                request.header("Cookie", "parley_session=" + secret);
            }
            return new EventStream(HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }

        /** The next line, waiting up to {@link #WAIT}; fails when none comes. */
        String next() throws InterruptedException {
            String line = lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("no line within " + WAIT);
            }
            return line;
        }

        /** Skips to the next event of this name and returns its data line's JSON. */
        JsonNode nextEvent(String name) throws Exception {
            while (true) {
                String line = next();
                if (line.equals(END)) {
                    throw new AssertionError("the stream ended before an event '" + name + "'");
                }
                if (line.equals("event: " + name)) {
                    String data = next();
                    if (!data.startsWith("data:")) {
                        throw new AssertionError("expected the data of '" + name + "', got: " + data);
                    }
                    return ParleyHttp.JSON.readTree(data.substring("data:".length()).strip());
                }
            }
        }

        /** Waits for the end of the stream and returns the named events seen before it. */
        java.util.List<String> awaitEnd() throws InterruptedException {
            java.util.List<String> events = new java.util.ArrayList<>();
            for (String line = next(); !line.equals(END); line = next()) {
                if (line.startsWith("event:")) {
                    events.add(line);
                }
            }
            return events;
        }

        @Override
        public void close() {
            body.close();
        }
    }
}
