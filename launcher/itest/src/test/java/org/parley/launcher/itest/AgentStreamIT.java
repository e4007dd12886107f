package org.parley.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.Seats;

/**
 * An agent's desk over a real WebSocket: signed in by the session cookie of the upgrade request when the Origin is
 * Parley's own, told of every change to their list, and reading any conversation live.
 */
class AgentStreamIT {
    private static final long START_MILLIS = 30_000;

    @InjectService(timeout = START_MILLIS)
    AgentDirectory directory;

    @InjectService(timeout = START_MILLIS)
    Seats seats;

    @InjectService(timeout = START_MILLIS)
    ServiceAware<HttpServiceRuntime> httpRuntime;

    @Test
    void anAgentFollowsTheDeskAndAConversationLive() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());
        DeskAgent agent = DeskAgent.create(http.uri("/"), directory, seats, "Stream Sam", AccessLevel.LIMITED);
        String origin = "http://localhost:" + http.uri("/").getPort();

        try (StreamSocket socket = new StreamSocket(http.streamUri(), Map.of("Cookie",
                "parley_session=" + agent.secret, "Origin", origin))) {
            String agentId = socket.expect("ready").get("agentId").asText();
            assertEquals(agentId, agent.send("GET", "/api/v1/session", null).body().at("/agent/id").asText());

            String token = http.send("POST", "/api/v1/visitors", null, null).body().get("token").asText();
            String id = http.send("POST", "/api/v1/conversations", token, null).body().get("id").asText();
            JsonNode opened = socket.await("OPENED of " + id, desk(id, "OPENED"));
            assertEquals("NEW_CHAT", opened.at("/conversation/deskState").asText(), opened.toString());

            socket.send("{\"type\":\"subscribe\",\"conversationId\":\"" + id + "\",\"after\":0}");
            socket.await("subscribed", frame -> frame.path("type").asText().equals("subscribed"));
            http.send("POST", "/api/v1/conversations/" + id + "/messages", token, "{\"text\":\"Hi there\"}");
            JsonNode message = socket.await("the visitor's message", frame -> frame.path("type").asText()
                    .equals("message"));
            assertEquals("Hi there", message.at("/message/text").asText());
            JsonNode unread = socket.await("MESSAGE of " + id, desk(id, "MESSAGE"));
            assertEquals(1, unread.at("/conversation/unread").asInt(), unread.toString());

            assertEquals(200, agent.send("POST", "/api/v1/desk/conversations/" + id + "/take", null).status());
            JsonNode taken = socket.await("TAKEN of " + id, desk(id, "TAKEN"));
            assertEquals("NEW_MESSAGES", taken.at("/conversation/deskState").asText(), taken.toString());
            assertEquals(agentId, taken.at("/conversation/assignedAgentId").asText());
        }
    }

    @Test
    void aForeignPageGetsNoAgentConnectionFromTheCookie() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());
        DeskAgent agent = DeskAgent.create(http.uri("/"), directory, seats, "Stream Sam", AccessLevel.LIMITED);
        String token = http.send("POST", "/api/v1/visitors", null, null).body().get("token").asText();
        String id = http.send("POST", "/api/v1/conversations", token, null).body().get("id").asText();

        try (StreamSocket socket = new StreamSocket(http.streamUri(), Map.of("Cookie",
                "parley_session=" + agent.secret, "Origin", "https://attacker.example"))) {
            JsonNode refused = socket.expect("error");
            assertEquals(403, refused.get("status").asInt(), refused.toString());
            assertEquals("parley_session", refused.get("field").asText());
            socket.send("{\"type\":\"subscribe\",\"conversationId\":\"" + id + "\"}");
            assertEquals(401, socket.expect("error").get("status").asInt(), "not signed in as the agent");
        }
    }

    private static java.util.function.Predicate<JsonNode> desk(String conversationId, String reason) {
        return frame -> frame.path("type").asText().equals("desk") && frame.path("reason").asText().equals(reason)
                && frame.at("/conversation/id").asText().equals(conversationId);
    }
}
