package org.parley.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.Seats;

/**
 * The Server-Sent Events fallback over real HTTP: a ticket instead of the token in the URL, the same events as the
 * WebSocket, and a stream that drops and resumes from Last-Event-ID without gaps or duplicates.
 */
class SseStreamIT {
    private static final long START_MILLIS = 30_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @InjectService(timeout = START_MILLIS)
    ServiceAware<HttpServiceRuntime> httpRuntime;

    @InjectService(timeout = START_MILLIS)
    AgentDirectory directory;

    @InjectService(timeout = START_MILLIS)
    Seats seats;

    /** One event as the browser's EventSource sees it. */
    record Event(String name, String id, JsonNode data) {}

    /** An open event stream, read on a thread of its own. */
    static final class EventStream implements AutoCloseable {
        final int status;
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final InputStream body;

        EventStream(URI uri, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            body = response.body();
            if (status != 200) {
                return;
            }
            Thread reader = new Thread(this::read, "sse-it-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = null;
                String id = null;
                StringBuilder data = new StringBuilder();
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Event(name == null ? "message" : name, id,
                                    ParleyHttp.JSON.readTree(data.toString())));
                        }
                        name = null;
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        }

        Event next(String name) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            List<Event> skipped = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && event.name().equals(name)) {
                    return event;
                }
                if (event != null) {
                    skipped.add(event);
                }
            }
            throw new AssertionError("No '" + name + "' event within 10 s; got " + skipped);
        }

        /** Drops the connection, as a network failure would. */
        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    @Test
    void theStreamDropsAndResumesFromLastEventIdWithoutGapsOrDuplicates() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());
        String token = http.send("POST", "/api/v1/visitors", null, null).body().get("token").asText();
        String id = http.send("POST", "/api/v1/conversations", token, null).body().get("id").asText();
        String messages = "/api/v1/conversations/" + id + "/messages";
        http.send("POST", messages, token, "{\"text\":\"one\"}");
        http.send("POST", messages, token, "{\"text\":\"two\"}");

        ParleyHttp.Answer issued = http.send("POST", "/api/v1/stream/tickets", token, null);
        assertEquals(201, issued.status(), issued.raw());
        String ticket = issued.body().get("ticket").asText();
        assertTrue(!ticket.contains(token), "the token never travels in the URL");
        URI uri = http.uri("/api/v1/stream/sse?conversationId=" + id + "&after=0&ticket="
                + URLEncoder.encode(ticket, StandardCharsets.UTF_8));

        List<Long> seen = new ArrayList<>();
        String lastEventId;
        try (EventStream stream = new EventStream(uri, null)) {
            assertEquals(200, stream.status);
            assertEquals(false, stream.next("availability").data().has("count"), "only a boolean");
            for (int i = 1; i <= 2; i++) {
                Event event = stream.next("message");
                assertEquals(Long.toString(i), event.id());
                seen.add(event.data().at("/message/seq").asLong());
            }
            assertEquals(2, stream.next("subscribed").data().get("lastSeq").asLong());
            http.send("POST", messages, token, "{\"text\":\"three\"}");
            Event live = stream.next("message");
            seen.add(live.data().at("/message/seq").asLong());
            assertEquals("three", live.data().at("/message/text").asText());
            lastEventId = live.id();
        }

        // Written while the stream was down.
        for (String text : List.of("four", "five", "six")) {
            http.send("POST", messages, token, "{\"text\":\"" + text + "\"}");
        }
        try (EventStream resumed = new EventStream(uri, lastEventId)) {
            assertEquals(200, resumed.status);
            for (int i = 0; i < 3; i++) {
                seen.add(resumed.next("message").data().at("/message/seq").asLong());
            }
            assertEquals(6, resumed.next("subscribed").data().get("lastSeq").asLong());
            http.send("POST", messages, token, "{\"text\":\"seven\"}");
            seen.add(resumed.next("message").data().at("/message/seq").asLong());
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), seen, "every message once, in order");
    }

    @Test
    void refusalsAndTheAgentsSeenMarkAndTypingOnTheStream() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());
        String token = http.send("POST", "/api/v1/visitors", null, null).body().get("token").asText();
        String id = http.send("POST", "/api/v1/conversations", token, null).body().get("id").asText();
        String ticket = URLEncoder.encode(http.send("POST", "/api/v1/stream/tickets", token, null).body()
                .get("ticket").asText(), StandardCharsets.UTF_8);

        assertEquals(401, http.send("POST", "/api/v1/stream/tickets", null, null).status());
        try (EventStream forged = new EventStream(http.uri("/api/v1/stream/sse?conversationId=" + id
                + "&ticket=forged.ticket"), null)) {
            assertEquals(401, forged.status);
        }
        String stranger = http.send("POST", "/api/v1/visitors", null, null).body().get("token").asText();
        String strangers = URLEncoder.encode(http.send("POST", "/api/v1/stream/tickets", stranger, null).body()
                .get("ticket").asText(), StandardCharsets.UTF_8);
        try (EventStream foreign = new EventStream(http.uri("/api/v1/stream/sse?conversationId=" + id
                + "&ticket=" + strangers), null)) {
            assertEquals(404, foreign.status, "another visitor's conversation");
        }

        try (EventStream stream = new EventStream(http.uri("/api/v1/stream/sse?conversationId=" + id
                + "&ticket=" + ticket), null)) {
            assertEquals(200, stream.status);
            stream.next("subscribed");
            http.send("POST", "/api/v1/conversations/" + id + "/messages", token, "{\"text\":\"Hello\"}");
            stream.next("message");
            DeskAgent agent = DeskAgent.create(http.uri("/"), directory, seats, "Sse Sam", AccessLevel.LIMITED);
            assertEquals(204, agent.send("PUT", "/api/v1/desk/conversations/" + id + "/seen", "{\"seq\":1}")
                    .status());
            Event seen = stream.next("seen");
            assertEquals(1, seen.data().get("seq").asLong());
            assertEquals("AGENT", seen.data().at("/by/type").asText());

            // The visitor typing in another tab (a WebSocket) shows on this stream too.
            try (StreamSocket tab = new StreamSocket(http.streamUri())) {
                tab.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
                tab.expect("ready");
                tab.send(RealtimeIT.typing(id, true));
                tab.send("{\"type\":\"ping\"}");
                tab.framesBefore("pong");
            }
            Event typing = stream.next("typing");
            assertEquals("VISITOR", typing.data().at("/sender/type").asText(), typing.toString());
            assertTrue(typing.data().get("typing").asBoolean());
            assertEquals(false, stream.next("typing").data().get("typing").asBoolean(),
                    "the tab closed: its indicator ends at once");

            // Typing over HTTP, for clients on this transport, reaches the agents' desks. (In another conversation:
            // in this one the throttle drops a typing:true within 2 s of the last one forwarded.)
            String other = http.send("POST", "/api/v1/conversations", token, null).body().get("id").asText();
            try (StreamSocket desk = RealtimeIT.agentSocket(http, agent)) {
                assertEquals(204, http.send("POST", "/api/v1/conversations/" + other + "/typing", token,
                        "{\"typing\":true}").status());
                desk.await("the visitor typing over HTTP", RealtimeIT.typingFrame(other, true));
                assertEquals(400, http.send("POST", "/api/v1/conversations/" + other + "/typing", token, "{}")
                        .status());
            }
        }
    }
}
