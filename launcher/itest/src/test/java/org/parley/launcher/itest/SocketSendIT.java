package org.parley.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.Seats;

/**
 * Visitors' messages sent over the WebSocket ({@code send}): acknowledged with {@code sent} once stored, stored once
 * per client message id, refused with an {@code error} frame naming the client message id, and rate-limited like the
 * HTTP path.
 */
class SocketSendIT {
    private static final long START_MILLIS = 30_000;

    @InjectService(timeout = START_MILLIS)
    AgentDirectory directory;

    @InjectService(timeout = START_MILLIS)
    Seats seats;

    @InjectService(timeout = START_MILLIS)
    ServiceAware<HttpServiceRuntime> httpRuntime;

    @Test
    void aMessageSentOverTheSocketIsAcknowledgedOnceStoredAndStoredOnce() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());
        DeskAgent agent = DeskAgent.create(http.uri("/"), directory, seats, "Send Ann", AccessLevel.LIMITED);
        String token = http.send("POST", "/api/v1/visitors", null, null).body().get("token").asText();
        String id = http.send("POST", "/api/v1/conversations", token, null).body().get("id").asText();
        String otherToken = http.send("POST", "/api/v1/visitors", null, null).body().get("token").asText();
        String othersConversation = http.send("POST", "/api/v1/conversations", otherToken, null).body().get("id")
                .asText();
        assertEquals(200, agent.send("POST", "/api/v1/desk/conversations/" + id + "/take", null).status());

        try (StreamSocket visitor = new StreamSocket(http.streamUri());
                StreamSocket agentSocket = RealtimeIT.agentSocket(http, agent)) {
            visitor.send(send(id, "c-1", "too early"));
            assertEquals(401, visitor.await("refused before auth", RealtimeIT.isType("error")).get("status").asInt());
            visitor.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
            visitor.expect("ready");
            RealtimeIT.subscribe(visitor, id);
            RealtimeIT.subscribe(agentSocket, id);

            visitor.send(send(id, "c-1", "Hello <b>there</b>"));
            JsonNode sent = visitor.await("the acknowledgement", RealtimeIT.isType("sent"));
            assertEquals("c-1", sent.get("clientMessageId").asText());
            assertTrue(sent.get("created").asBoolean());
            long seq = sent.at("/message/seq").asLong();
            assertEquals("Hello <b>there</b>", sent.at("/message/text").asText());
            JsonNode atAgent = agentSocket.await("the message at the agent", frame -> frame.path("type").asText()
                    .equals("message") && frame.at("/message/clientMessageId").asText().equals("c-1"));
            assertEquals(seq, atAgent.at("/message/seq").asLong());

            visitor.send(send(id, "c-1", "Hello <b>there</b>"));
            JsonNode again = visitor.await("the resend's acknowledgement", RealtimeIT.isType("sent"));
            assertFalse(again.get("created").asBoolean(), again.toString());
            assertEquals(seq, again.at("/message/seq").asLong());
            JsonNode page = http.send("GET", "/api/v1/conversations/" + id + "/messages", token, null).body();
            assertEquals(1, countClientId(page, "c-1"), page.toString());

            visitor.send(send(id, "c-2", "x".repeat(4001)));
            JsonNode tooLong = visitor.await("too long", RealtimeIT.isType("error"));
            assertEquals(400, tooLong.get("status").asInt());
            assertEquals("text", tooLong.get("field").asText());
            assertEquals("c-2", tooLong.get("clientMessageId").asText());

            visitor.send("{\"type\":\"send\",\"conversationId\":\"" + id + "\",\"text\":\"no id\"}");
            assertEquals("clientMessageId", visitor.await("no client id", RealtimeIT.isType("error")).get("field")
                    .asText());

            visitor.send(send(othersConversation, "c-3", "not mine"));
            JsonNode notMine = visitor.await("someone else's conversation", RealtimeIT.isType("error"));
            assertEquals(404, notMine.get("status").asInt());
            assertEquals("c-3", notMine.get("clientMessageId").asText());

            agentSocket.send(send(id, "a-1", "agents use the desk API"));
            JsonNode fromAgent = agentSocket.await("an agent's send", RealtimeIT.isType("error"));
            assertEquals(400, fromAgent.get("status").asInt());
            assertEquals("type", fromAgent.get("field").asText());
        }
    }

    @Test
    void messagesOverTheSocketCountAgainstTheVisitorsRateLimit() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());
        String token = http.send("POST", "/api/v1/visitors", null, null).body().get("token").asText();
        String id = http.send("POST", "/api/v1/conversations", token, null).body().get("id").asText();
        try (StreamSocket visitor = new StreamSocket(http.streamUri())) {
            visitor.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
            visitor.expect("ready");
            for (int i = 0; i < 25; i++) {
                visitor.send(send(id, "burst-" + i, "message " + i));
            }
            // Every frame is answered: a refusal at once, a stored message once it is stored (so possibly later).
            int sent = 0;
            List<JsonNode> limited = new ArrayList<>();
            for (int answers = 0; answers < 25; answers++) {
                JsonNode answer = visitor.await("an answer", RealtimeIT.isType("sent").or(RealtimeIT.isType("error")));
                if ("sent".equals(answer.get("type").asText())) {
                    sent++;
                } else {
                    limited.add(answer);
                }
            }
            assertFalse(limited.isEmpty(), "no refusal");
            for (JsonNode refusal : limited) {
                assertEquals(429, refusal.get("status").asInt(), refusal.toString());
                assertTrue(refusal.get("retryAfter").asLong() >= 1, refusal.toString());
                assertTrue(refusal.get("clientMessageId").asText().startsWith("burst-"));
            }
            JsonNode page = http.send("GET", "/api/v1/conversations/" + id + "/messages", token, null).body();
            int stored = page.get("messages").size();
            assertEquals(sent, stored, "every message answered as sent is stored, and only those: " + page);
            // A burst of 20, then refused; the bucket refills 2 a second, so a slow machine may let one or two more in.
            assertTrue(stored >= 20 && stored < 25, "stored " + stored + ": " + page);
        }
    }

    private static String send(String conversationId, String clientMessageId, String text) {
        return "{\"type\":\"send\",\"conversationId\":\"" + conversationId + "\",\"clientMessageId\":\""
                + clientMessageId + "\",\"text\":\"" + text + "\"}";
    }

    private static long countClientId(JsonNode page, String clientMessageId) {
        long count = 0;
        for (JsonNode message : page.get("messages")) {
            count += message.get("clientMessageId").asText().equals(clientMessageId) ? 1 : 0;
        }
        return count;
    }
}
