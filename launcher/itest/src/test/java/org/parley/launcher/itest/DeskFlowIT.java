package org.parley.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.Seats;

/**
 * A conversation's life between a visitor and agents over real HTTP: two agents take the same chat at once, the
 * winner answers, the manager sees what deleting the winner would affect and deletes them, the chat goes back to
 * the queue, the visitor closes it and writing again starts a new one.
 */
class DeskFlowIT {
    private static final long START_MILLIS = 30_000;

    @InjectService(timeout = START_MILLIS)
    AgentDirectory directory;

    @InjectService(timeout = START_MILLIS)
    Seats seats;

    @InjectService(timeout = START_MILLIS)
    ServiceAware<HttpServiceRuntime> httpRuntime;

    @Test
    void twoAgentsRaceForAChatAndDeletingTheWinnerRequeuesIt() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());
        URI base = http.uri("/");
        List<DeskAgent> agents = List.of(DeskAgent.create(base, directory, seats, "Ann", AccessLevel.LIMITED),
                DeskAgent.create(base, directory, seats, "Ben", AccessLevel.LIMITED));
        DeskAgent manager = DeskAgent.create(base, directory, seats, "Mia", AccessLevel.FULL);

        String token = http.send("POST", "/api/v1/visitors", null, null).body().get("token").asText();
        String id = http.send("POST", "/api/v1/conversations", token, null).body().get("id").asText();
        assertEquals(201, http.send("POST", "/api/v1/conversations/" + id + "/messages", token,
                "{\"text\":\"Where is my parcel?\"}").status());
        String desk = "/api/v1/desk/conversations/" + id;
        assertEquals("NEW_CHAT", agents.get(0).send("GET", desk, null).body().get("deskState").asText());

        List<Object> outcomes = takeAtOnce(agents, desk + "/take");
        List<Integer> statuses = outcomes.stream().map(o -> ((ParleyHttp.Answer) o).status()).sorted().toList();
        assertEquals(List.of(200, 409), statuses, outcomes.toString());
        int winnerIndex = ((ParleyHttp.Answer) outcomes.get(0)).status() == 200 ? 0 : 1;
        DeskAgent winner = agents.get(winnerIndex);
        DeskAgent loser = agents.get(1 - winnerIndex);
        JsonNode taken = ((ParleyHttp.Answer) outcomes.get(winnerIndex)).body();
        String winnerId = taken.get("assignedAgentId").asText();
        ParleyHttp.Answer refused = (ParleyHttp.Answer) outcomes.get(1 - winnerIndex);
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.raw());
        assertEquals("conversationId", refused.body().get("field").asText(), refused.raw());

        assertEquals(201, winner.send("POST", desk + "/messages", "{\"text\":\"On its way\"}").status());
        assertEquals(403, loser.send("POST", desk + "/messages", "{\"text\":\"Me too\"}").status());
        assertEquals("ACTIVE", winner.send("GET", desk, null).body().get("deskState").asText());
        assertEquals("NOT_IN_CONVERSATION", loser.send("GET", desk, null).body().get("deskState").asText());

        ParleyHttp.Answer impact = manager.send("GET", "/api/v1/agents/deletion-impact?ids=" + winnerId, null);
        assertEquals(200, impact.status(), impact.raw());
        assertEquals(1, impact.body().get("agents").asInt());
        assertEquals(1, impact.body().get("openConversations").asInt());
        assertEquals(404, manager.send("GET", "/api/v1/agents/deletion-impact?ids=nobody", null).status());
        assertEquals(204, manager.send("DELETE", "/api/v1/agents/" + winnerId, null).status());

        JsonNode requeued = loser.send("GET", desk, null).body();
        assertEquals("NEW_CHAT", requeued.get("deskState").asText(), requeued.toString());
        JsonNode messages = http.send("GET", "/api/v1/conversations/" + id + "/messages", token, null).body()
                .get("messages");
        JsonNode answer = messages.get(2);
        assertEquals("On its way", answer.get("text").asText());
        assertTrue(answer.at("/sender/name").asText().startsWith("Ann") || answer.at("/sender/name").asText()
                .startsWith("Ben"), "the deleted agent's name stays: " + answer);
        assertTrue(messages.get(3).get("text").asText().endsWith(" left; the chat is back in the queue"),
                messages.toString());

        assertEquals("CLOSED", http.send("POST", "/api/v1/conversations/" + id + "/close", token, null).body()
                .get("state").asText());
        ParleyHttp.Answer again = http.send("POST", "/api/v1/conversations/" + id + "/messages", token,
                "{\"text\":\"Hello again\"}");
        assertEquals(201, again.status(), again.raw());
        String next = again.body().get("conversationId").asText();
        assertNotEquals(id, next);
        String visitorId = requeued.get("visitorId").asText();
        JsonNode history = loser.send("GET", "/api/v1/desk/visitors/" + visitorId + "/conversations", null).body();
        assertEquals(List.of(next, id), List.of(history.at("/conversations/0/id").asText(),
                history.at("/conversations/1/id").asText()));
    }

    /** Both agents take the chat as close to the same moment as two threads allow. */
    private static List<Object> takeAtOnce(List<DeskAgent> agents, String path) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(agents.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ParleyHttp.Answer>> takes = agents.stream().map(agent -> pool.submit(() -> {
                start.await();
                return agent.send("POST", path, null);
            })).toList();
            start.countDown();
            List<Object> outcomes = new java.util.ArrayList<>();
            for (Future<ParleyHttp.Answer> take : takes) {
                outcomes.add(take.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
