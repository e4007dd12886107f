package org.parley.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.Presence;
import org.parley.agent.api.Seats;

/** Typing indicators, seen marks and availability over real WebSockets, between a visitor and agents. */
class RealtimeIT {
    private static final long START_MILLIS = 30_000;

    @InjectService(timeout = START_MILLIS)
    AgentDirectory directory;

    @InjectService(timeout = START_MILLIS)
    Seats seats;

    @InjectService(timeout = START_MILLIS)
    ServiceAware<HttpServiceRuntime> httpRuntime;

    @Test
    void typingTravelsBothWaysButNeverBackToTheSender() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());
        DeskAgent agent = DeskAgent.create(http.uri("/"), directory, seats, "Typing Ann", AccessLevel.LIMITED);
        DeskAgent colleague = DeskAgent.create(http.uri("/"), directory, seats, "Typing Bob", AccessLevel.LIMITED);
        String token = http.send("POST", "/api/v1/visitors", null, null).body().get("token").asText();
        String id = http.send("POST", "/api/v1/conversations", token, null).body().get("id").asText();
        assertEquals(200, agent.send("POST", "/api/v1/desk/conversations/" + id + "/take", null).status());

        try (StreamSocket visitorSocket = new StreamSocket(http.streamUri());
                StreamSocket agentSocket = agentSocket(http, agent);
                StreamSocket colleagueSocket = agentSocket(http, colleague)) {
            visitorSocket.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
            visitorSocket.expect("ready");
            subscribe(visitorSocket, id);
            subscribe(agentSocket, id);

            visitorSocket.send(typing(id, true));
            JsonNode seen = agentSocket.await("the visitor typing", typingFrame(id, true));
            assertEquals("VISITOR", seen.at("/sender/type").asText(), seen.toString());
            // The colleague did not subscribe: the frame reaches their desk anyway, for the list.
            colleagueSocket.await("the visitor typing on the desk", typingFrame(id, true));
            visitorSocket.send("{\"type\":\"ping\"}");
            assertFalse(visitorSocket.framesBefore("pong").stream().anyMatch(typingFrame(id, true)),
                    "nothing came back to the sender");

            agentSocket.send(typing(id, true));
            agentSocket.send(typing(id, true)); // within 2 s: dropped
            agentSocket.send(typing(id, false));
            JsonNode agentTyping = visitorSocket.await("the agent typing", isType("typing"));
            assertTrue(agentTyping.get("typing").asBoolean());
            assertEquals("AGENT", agentTyping.at("/sender/type").asText());
            assertEquals("Typing Ann", agentTyping.at("/sender/name").asText());
            assertFalse(visitorSocket.await("typing", isType("typing")).get("typing").asBoolean(),
                    "the second true was dropped");

            colleagueSocket.send(typing(id, true));
            JsonNode refused = colleagueSocket.await("the refusal", isType("error"));
            assertEquals(403, refused.get("status").asInt(), refused.toString());
        }
    }

    @Test
    void seenReceiptsReachTheOtherPartyOverHttpAndWebSocket() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());
        DeskAgent agent = DeskAgent.create(http.uri("/"), directory, seats, "Seen Sue", AccessLevel.LIMITED);
        String token = http.send("POST", "/api/v1/visitors", null, null).body().get("token").asText();
        String id = http.send("POST", "/api/v1/conversations", token, null).body().get("id").asText();
        http.send("POST", "/api/v1/conversations/" + id + "/messages", token, "{\"text\":\"Hello\"}");
        assertEquals(200, agent.send("POST", "/api/v1/desk/conversations/" + id + "/take", null).status());
        agent.send("POST", "/api/v1/desk/conversations/" + id + "/messages", "{\"text\":\"Hi!\"}"); // seq 3

        try (StreamSocket visitorSocket = new StreamSocket(http.streamUri());
                StreamSocket agentSocket = agentSocket(http, agent)) {
            visitorSocket.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
            visitorSocket.expect("ready");
            subscribe(visitorSocket, id);

            // The agent's desk hears the visitor's mark without subscribing.
            assertEquals(204, http.send("PUT", "/api/v1/conversations/" + id + "/seen", token, "{\"seq\":3}")
                    .status());
            JsonNode byVisitor = agentSocket.await("the visitor's seen mark", isType("seen"));
            assertEquals(3, byVisitor.get("seq").asLong(), byVisitor.toString());
            assertEquals("VISITOR", byVisitor.at("/by/type").asText());
            assertEquals(id, byVisitor.get("conversationId").asText());
            assertEquals(400, http.send("PUT", "/api/v1/conversations/" + id + "/seen", token, "{\"seq\":9}")
                    .status());
            String stranger = http.send("POST", "/api/v1/visitors", null, null).body().get("token").asText();
            assertEquals(404, http.send("PUT", "/api/v1/conversations/" + id + "/seen", stranger, "{\"seq\":1}")
                    .status());

            assertEquals(204, agent.send("PUT", "/api/v1/desk/conversations/" + id + "/seen", "{\"seq\":1}")
                    .status());
            JsonNode byAgent = visitorSocket.await("the agent's seen mark", isType("seen"));
            assertEquals(1, byAgent.get("seq").asLong());
            assertEquals("AGENT", byAgent.at("/by/type").asText());
            assertEquals("Seen Sue", byAgent.at("/by/name").asText());

            agentSocket.send("{\"type\":\"seen\",\"conversationId\":\"" + id + "\",\"seq\":2}");
            assertEquals(2, visitorSocket.await("the mark over the socket", isType("seen")).get("seq").asLong());
            visitorSocket.send("{\"type\":\"seen\",\"conversationId\":\"" + id + "\",\"seq\":1}");
            assertEquals(3, agentSocket.await("the visitor's stored mark", isType("seen")).get("seq").asLong(),
                    "the visitor's mark only rises");
            visitorSocket.send("{\"type\":\"seen\",\"conversationId\":\"" + id + "\",\"seq\":99}");
            JsonNode refused = visitorSocket.await("the refusal", isType("error"));
            assertEquals("seq", refused.get("field").asText(), refused.toString());
        }
        // After a reload: the marks as they stand.
        JsonNode marks = http.send("GET", "/api/v1/conversations/" + id + "/seen", token, null).body();
        assertEquals(3, marks.get("visitor").asLong(), marks.toString());
        assertEquals(3, marks.get("agents").asLong(), "the agent's reply marked it seen up to 3");
        assertEquals(marks, agent.send("GET", "/api/v1/desk/conversations/" + id + "/seen", null).body());
    }

    @Test
    void visitorsLearnWhetherAnAgentIsOnlineWithoutTheTeamsSize() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());
        DeskAgent.create(http.uri("/"), directory, seats, "Available Al", AccessLevel.LIMITED);
        Agent al = directory.list().stream().filter(a -> a.displayName().equals("Available Al")).findFirst()
                .orElseThrow();
        directory.list().stream().filter(Agent::isOnline)
                .forEach(a -> directory.setPresence(a.id(), Presence.OFFLINE));
        String token = http.send("POST", "/api/v1/visitors", null, null).body().get("token").asText();

        try (StreamSocket visitorSocket = new StreamSocket(http.streamUri())) {
            visitorSocket.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
            visitorSocket.expect("ready");
            visitorSocket.await("nobody online", availability(false));
            ParleyHttp.Answer offline = http.send("GET", "/api/v1/widget/availability", null, null);
            assertEquals(200, offline.status());
            assertEquals("{\"online\":false}", offline.body().toString(), "a boolean only, never the team's size");

            directory.setPresence(al.id(), Presence.ONLINE);
            visitorSocket.await("an agent online", availability(true));
            assertTrue(http.send("GET", "/api/v1/widget/availability", null, null).body().get("online").asBoolean());

            directory.setPresence(al.id(), Presence.OFFLINE);
            visitorSocket.await("nobody online again", availability(false));
        }
    }

    static Predicate<JsonNode> availability(boolean online) {
        return frame -> frame.path("type").asText().equals("availability") && frame.path("online").asBoolean() == online
                && frame.has("online");
    }

    static String typing(String conversationId, boolean typing) {
        return "{\"type\":\"typing\",\"conversationId\":\"" + conversationId + "\",\"typing\":" + typing + "}";
    }

    static Predicate<JsonNode> isType(String type) {
        return frame -> frame.path("type").asText().equals(type);
    }

    static Predicate<JsonNode> typingFrame(String conversationId, boolean typing) {
        return frame -> frame.path("type").asText().equals("typing")
                && frame.path("conversationId").asText().equals(conversationId)
                && frame.path("typing").asBoolean() == typing;
    }

    static void subscribe(StreamSocket socket, String conversationId) throws Exception {
        socket.send("{\"type\":\"subscribe\",\"conversationId\":\"" + conversationId + "\",\"after\":0}");
        socket.await("subscribed", frame -> frame.path("type").asText().equals("subscribed"));
    }

    static StreamSocket agentSocket(ParleyHttp http, DeskAgent agent) throws Exception {
        String origin = "http://localhost:" + http.uri("/").getPort();
        StreamSocket socket = new StreamSocket(http.streamUri(), Map.of("Cookie", "parley_session=" + agent.secret,
                "Origin", origin));
        socket.expect("ready");
        return socket;
    }
}
