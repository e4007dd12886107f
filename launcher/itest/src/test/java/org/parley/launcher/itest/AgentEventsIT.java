package org.parley.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentChanges;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.PlanTier;
import org.parley.agent.api.Seats;

/**
 * The live directory over real Jetty: {@code GET /api/v1/agents/events} as Server-Sent Events, each change as the
 * viewer may see it, and the stream's end when the viewer's session ends (docs/agents-api.md).
 */
class AgentEventsIT {
    static final long START_MILLIS = 30_000;
    static final String PASSWORD = "correct horse battery";

    @InjectService(timeout = START_MILLIS)
    AgentDirectory directory;

    @InjectService(timeout = START_MILLIS)
    ServiceAware<HttpServiceRuntime> httpRuntime;

    @InjectService(timeout = START_MILLIS)
    Seats seats;

    @BeforeEach
    void roomForTheTestAgents() {
        if (seats.usage().plan().seats() < 50) {
            seats.changePlan(PlanTier.PAID, 50);
        }
    }

    @Test
    void aLimitedAgentHearsChangesWithoutColleaguesDetailsUntilSigningOut() throws Exception {
        URI base = awaitEvents(ParleyHttp.awaitApi(httpRuntime.getServiceReference()).uri("/"));
        Agent viewer = create("viewer", AccessLevel.LIMITED);
        Agent colleague = create("colleague", AccessLevel.LIMITED);
        SignedInAgent browser = SignedInAgent.signIn(base, viewer.username(), PASSWORD);

        try (SignedInAgent.EventStream stream = browser.events()) {
            assertEquals(200, stream.status);
            assertTrue(stream.contentType.startsWith("text/event-stream"), stream.contentType);

            directory.edit(colleague.id(), AgentChanges.of(colleague).withDisplayName("Renamed Colleague"));
            JsonNode renamed = stream.nextEvent("agent");
            assertEquals(colleague.id(), renamed.path("id").asText(), renamed.toString());
            assertEquals("Renamed Colleague", renamed.path("displayName").asText());
            assertEquals("OFFLINE", renamed.path("status").asText());
            assertTrue(renamed.has("avatarUrl") && renamed.get("avatarUrl").isNull(), renamed.toString());
            assertFalse(renamed.has("email"), "a LIMITED viewer sees colleagues without email: " + renamed);
            assertFalse(renamed.has("showRealPhoneNumbers"), renamed.toString());

            // The viewer goes online over HTTP and hears it, with their own details.
            HttpResponse<byte[]> online = browser.json("PUT", "/api/v1/agents/" + viewer.id() + "/presence",
                    "{\"status\":\"ONLINE\"}");
            assertEquals(200, online.statusCode(), SignedInAgent.text(online));
            JsonNode self = stream.nextEvent("agent");
            assertEquals(viewer.id(), self.path("id").asText());
            assertEquals("ONLINE", self.path("status").asText());
            assertEquals(viewer.email(), self.path("email").asText(), "their own details: " + self);

            directory.delete(List.of(colleague.id()));
            assertEquals(colleague.id(), stream.nextEvent("agent-deleted").path("id").asText());

            // Signing out ends the stream, and sets the agent offline.
            HttpResponse<byte[]> signedOut = browser.json("DELETE", "/api/v1/session", null);
            assertEquals(204, signedOut.statusCode(), SignedInAgent.text(signedOut));
            assertEquals(List.of(), stream.awaitEnd(), "nothing sent after the sign-out");
            assertEquals("OFFLINE", directory.find(viewer.id()).orElseThrow().presence().name());
        }
    }

    @Test
    void disablingTheViewerEndsTheStreamWithoutAnotherEvent() throws Exception {
        URI base = awaitEvents(ParleyHttp.awaitApi(httpRuntime.getServiceReference()).uri("/"));
        Agent viewer = create("disabled-viewer", AccessLevel.FULL);
        SignedInAgent browser = SignedInAgent.signIn(base, viewer.username(), PASSWORD);
        try (SignedInAgent.EventStream stream = browser.events()) {
            assertEquals(200, stream.status);
            directory.setEnabled(List.of(viewer.id()), false);
            assertEquals(List.of(), stream.awaitEnd(), "not even the event of the disabling itself");
        }
    }

    @Test
    void withoutASessionTheStreamIsRefused() throws Exception {
        URI base = awaitEvents(ParleyHttp.awaitApi(httpRuntime.getServiceReference()).uri("/"));
        HttpResponse<byte[]> refused = SignedInAgent.send(base, null, "GET", "/api/v1/agents/events", null, null,
                java.util.Map.of("Accept", "text/event-stream"));
        assertEquals(401, refused.statusCode(), SignedInAgent.text(refused));
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<byte[]> forged = SignedInAgent.send(base, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "GET",
                "/api/v1/agents/events", null, null, java.util.Map.of());
        assertEquals(401, forged.statusCode(), SignedInAgent.text(forged));
    }

    private Agent create(String prefix, AccessLevel level) {
        String username = "it-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return directory.create(new NewAgent("IT " + prefix, username, PASSWORD, username + "@example.com", level));
    }

    /** The REST whiteboard adds resources on its own schedule: wait until the stream answers 401 unsigned. */
    static URI awaitEvents(URI base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMillis(START_MILLIS).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> answer = SignedInAgent.send(base, null, "GET", "/api/v1/agents/events", null, null,
                    java.util.Map.of());
            if (answer.statusCode() == 401) {
                return base;
            }
            last = SignedInAgent.text(answer);
            Thread.sleep(100);
        }
        throw new AssertionError("GET /api/v1/agents/events did not answer 401 within " + START_MILLIS + " ms: "
                + last);
    }
}
