package org.parley.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.PlanTier;
import org.parley.agent.api.Seats;

/** Avatars over real Jetty: the upload's limits, the image's caching headers, 304 and removal. */
class AvatarIT {
    private static final byte[] PNG = image(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 2048);
    private static final byte[] JPEG = image(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 2048);

    @InjectService(timeout = AgentEventsIT.START_MILLIS)
    AgentDirectory directory;

    @InjectService(timeout = AgentEventsIT.START_MILLIS)
    ServiceAware<HttpServiceRuntime> httpRuntime;

    @InjectService(timeout = AgentEventsIT.START_MILLIS)
    Seats seats;

    @BeforeEach
    void roomForTheTestAgents() {
        if (seats.usage().plan().seats() < 50) {
            seats.changePlan(PlanTier.PAID, 50);
        }
    }

    @Test
    void anAgentUploadsServesAndRemovesTheirAvatar() throws Exception {
        URI base = AgentEventsIT.awaitEvents(ParleyHttp.awaitApi(httpRuntime.getServiceReference()).uri("/"));
        String username = "it-avatar-" + UUID.randomUUID().toString().substring(0, 8);
        Agent agent = directory.create(new NewAgent("IT Avatar", username, AgentEventsIT.PASSWORD, null,
                AccessLevel.LIMITED));
        SignedInAgent browser = SignedInAgent.signIn(base, username, AgentEventsIT.PASSWORD);
        String path = "/api/v1/agents/" + agent.id() + "/avatar";

        HttpResponse<byte[]> uploaded = browser.send("PUT", path, "image/png", PNG, Map.of());
        assertEquals(200, uploaded.statusCode(), SignedInAgent.text(uploaded));
        String avatarUrl = SignedInAgent.body(uploaded).path("avatarUrl").asText();
        assertTrue(avatarUrl.startsWith(path + "?v="), avatarUrl);

        HttpResponse<byte[]> image = browser.send("GET", avatarUrl, null, null, Map.of());
        assertEquals(200, image.statusCode());
        assertArrayEquals(PNG, image.body());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", image.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(image.headers().firstValue("Cache-Control").orElse("").startsWith("private"),
                image.headers().toString());
        String etag = image.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> notModified = browser.send("GET", path, null, null, Map.of("If-None-Match", etag));
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);

        // Without a session too: visitors see their agent's avatar in the widget, from the shop's origin.
        HttpResponse<byte[]> forVisitors = SignedInAgent.send(base, null, "GET", path, null, null, Map.of());
        assertEquals(200, forVisitors.statusCode());
        assertEquals("cross-origin", forVisitors.headers().firstValue("Cross-Origin-Resource-Policy").orElse(""));

        // Refusals, each naming the avatar.
        assertProblem(415, browser.send("PUT", path, "text/plain", PNG, Map.of()));
        assertProblem(415, browser.send("PUT", path, "image/svg+xml", "<svg/>".getBytes(), Map.of()));
        assertProblem(400, browser.send("PUT", path, "image/png", JPEG, Map.of()));
        assertEquals(413, browser.send("PUT", path, "image/png", image(PNG, 256 * 1024 + 1), Map.of())
                .statusCode());
        HttpResponse<byte[]> largest = browser.send("PUT", path, "image/png", image(PNG, 256 * 1024), Map.of());
        assertEquals(200, largest.statusCode(), SignedInAgent.text(largest));
        // A change without the CSRF token is refused.
        assertEquals(403, SignedInAgent.send(base, browser.secret, "PUT", path, "image/png", PNG, Map.of())
                .statusCode());

        assertEquals(204, browser.send("DELETE", path, null, null, Map.of()).statusCode());
        assertEquals(404, browser.send("GET", path, null, null, Map.of()).statusCode());
        assertTrue(directory.find(agent.id()).orElseThrow().avatarVersion() == null);
    }

    private static void assertProblem(int status, HttpResponse<byte[]> response) throws Exception {
        assertEquals(status, response.statusCode(), SignedInAgent.text(response));
        JsonNode problem = SignedInAgent.body(response);
        assertEquals("avatar", problem.path("field").asText(), problem.toString());
    }

    private static byte[] image(byte[] signature, int length) {
        byte[] image = Arrays.copyOf(signature, length);
        for (int i = signature.length; i < length; i++) {
            image[i] = (byte) (i * 31);
        }
        return image;
    }
}
