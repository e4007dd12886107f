package org.parley.agent.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentAvatars;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.Presence;
import org.parley.platform.database.TestDatabase;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;

/** Presence, avatar and notification settings endpoints: their answers and refusals, each naming the field. */
class AgentProfileEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @OnEachDatabase
    void presenceAnswersWithTheAgentAndRefusesInactiveAgentsNamingStatus(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent jane = api.create("jane", AccessLevel.LIMITED);
            String secret = api.signIn(jane);
            String csrf = CsrfTokens.of(secret);
            assertEquals(Presence.OFFLINE, api.agents.get(secret, jane.id()).status());

            Json.AgentView online = api.presence.change(secret, csrf, jane.id(), json("{\"status\":\"ONLINE\"}"));
            assertEquals(Presence.ONLINE, online.status());
            assertEquals(Presence.ONLINE, api.agents.list(secret).get(0).status());

            assertProblem(400, "status", () -> api.presence.change(secret, csrf, jane.id(), json("{}")));
            assertProblem(400, "status", () -> api.presence.change(secret, csrf, jane.id(),
                    json("{\"status\":\"AWAY\"}")));
            assertProblem(400, "status", () -> api.presence.change(secret, csrf, jane.id(), json("{\"status\":1}")));
            assertProblem(400, "mood", () -> api.presence.change(secret, csrf, jane.id(),
                    json("{\"status\":\"ONLINE\",\"mood\":\"good\"}")));
            assertProblem(404, null, () -> api.presence.change(secret, csrf, "nobody", json("{\"status\":\"ONLINE\"}")));

            api.directory.setActive(List.of(jane.id()), false);
            AgentException refused = assertThrows(AgentException.class,
                    () -> api.presence.change(secret, csrf, jane.id(), json("{\"status\":\"ONLINE\"}")));
            assertEquals(409, AgentProblems.problem(refused).status());
            assertEquals("status", refused.field());
            assertTrue(refused.getMessage().contains("inactive"), refused.getMessage());
        }
    }

    @OnEachDatabase
    void managersSetColleaguesOfflineButNotOnline(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent full = api.create("full", AccessLevel.FULL);
            Agent jane = api.create("jane", AccessLevel.LIMITED);
            api.directory.setPresence(jane.id(), Presence.ONLINE);
            String secret = api.signIn(full);
            String csrf = CsrfTokens.of(secret);
            assertProblem(403, "status", () -> api.presence.change(secret, csrf, jane.id(),
                    json("{\"status\":\"ONLINE\"}")));
            assertEquals(Presence.OFFLINE, api.presence.change(secret, csrf, jane.id(),
                    json("{\"status\":\"OFFLINE\"}")).status());
        }
    }

    @OnEachDatabase
    void avatarsAreServedWithTheirVersionAsEntityTag(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent jane = api.create("jane", AccessLevel.LIMITED);
            String secret = api.signIn(jane);
            String csrf = CsrfTokens.of(secret);
            assertNull(api.agents.get(secret, jane.id()).avatarUrl());
            assertProblem(404, null, () -> api.avatarResource.get(jane.id(), null, null));

            Json.AgentView changed = api.avatarResource.change(secret, csrf, jane.id(), "image/png; charset=x",
                    TestImages.body(TestImages.PNG));
            String version = changed.avatarUrl().substring(changed.avatarUrl().indexOf("?v=") + 3);
            assertEquals(changed.avatarUrl(), api.agents.get(secret, jane.id()).avatarUrl());

            Response image = api.avatarResource.get(jane.id(), version, null);
            assertEquals(200, image.getStatus());
            assertArrayEquals(TestImages.PNG, (byte[]) image.getEntity());
            assertEquals("image/png", image.getHeaderString("Content-Type"));
            assertEquals("\"" + version + "\"", image.getHeaderString("ETag"));
            assertEquals("nosniff", image.getHeaderString("X-Content-Type-Options"));
            assertEquals(AvatarResource.IMMUTABLE, image.getHeaderString("Cache-Control"));
            assertEquals(AvatarResource.REVALIDATE,
                    api.avatarResource.get(jane.id(), null, null).getHeaderString("Cache-Control"));
            assertEquals(AvatarResource.REVALIDATE,
                    api.avatarResource.get(jane.id(), "old", null).getHeaderString("Cache-Control"));

            Response notModified = api.avatarResource.get(jane.id(), null, "W/\"x\", \"" + version + "\"");
            assertEquals(304, notModified.getStatus());
            assertNull(notModified.getEntity());
            assertEquals(200, api.avatarResource.get(jane.id(), null, "\"other\"").getStatus());

            String jpegUrl = api.avatarResource.change(secret, csrf, jane.id(), "image/jpeg",
                    TestImages.body(TestImages.JPEG)).avatarUrl();
            assertNotEquals(changed.avatarUrl(), jpegUrl, "a new picture, a new URL");
            assertEquals(200, api.avatarResource.get(jane.id(), null, "\"" + version + "\"").getStatus());

            assertEquals(204, api.avatarResource.remove(secret, csrf, jane.id()).getStatus());
            assertEquals(204, api.avatarResource.remove(secret, csrf, jane.id()).getStatus());
            assertNull(api.agents.get(secret, jane.id()).avatarUrl());
        }
    }

    @OnEachDatabase
    void avatarUploadsAreRefusedNamingTheAvatar(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent jane = api.create("jane", AccessLevel.LIMITED);
            String secret = api.signIn(jane);
            String csrf = CsrfTokens.of(secret);
            String id = jane.id();
            for (String type : new String[] {null, "", "text/plain", "image/svg+xml", "image/gif", "text/html"}) {
                assertProblem(415, "avatar", () -> api.avatarResource.change(secret, csrf, id, type,
                        TestImages.body(TestImages.PNG)));
            }
            assertProblem(413, "avatar", () -> api.avatarResource.change(secret, csrf, id, "image/png",
                    TestImages.body(TestImages.image(TestImages.PNG, AgentAvatars.MAX_BYTES + 1))));
            for (Supplier<Object> upload : List.<Supplier<Object>>of(
                    () -> api.avatarResource.change(secret, csrf, id, "image/png", TestImages.body(TestImages.JPEG)),
                    () -> api.avatarResource.change(secret, csrf, id, "image/jpeg", TestImages.body(TestImages.WEBP)),
                    () -> api.avatarResource.change(secret, csrf, id, "image/webp", TestImages.body(TestImages.PNG)),
                    () -> api.avatarResource.change(secret, csrf, id, "image/png", TestImages.body(new byte[0])),
                    () -> api.avatarResource.change(secret, csrf, id, "image/png", null))) {
                AgentException refused = assertThrows(AgentException.class, upload::get);
                assertEquals(400, AgentProblems.problem(refused).status());
                assertEquals("avatar", refused.field());
            }
            assertEquals(200, TestApi.status(() -> api.avatarResource.change(secret, csrf, id, "image/png",
                    TestImages.body(TestImages.image(TestImages.PNG, AgentAvatars.MAX_BYTES)))));
            assertProblem(404, null, () -> api.avatarResource.change(secret, csrf, "nobody", "image/png",
                    TestImages.body(TestImages.PNG)));
        }
    }

    @OnEachDatabase
    void notificationSettingsDefaultAndAreReplacedWhole(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent jane = api.create("jane", AccessLevel.LIMITED);
            String secret = api.signIn(jane);
            String csrf = CsrfTokens.of(secret);
            assertEquals(new Json.NotificationSettingsView(true, true, false),
                    api.notificationResource.get(secret, jane.id()));
            Json.NotificationSettingsView quiet = new Json.NotificationSettingsView(false, false, true);
            assertEquals(quiet, api.notificationResource.change(secret, csrf, jane.id(), JSON.valueToTree(quiet)));
            assertEquals(quiet, api.notificationResource.get(secret, jane.id()));

            assertProblem(400, "soundOnNewMessage", () -> api.notificationResource.change(secret, csrf, jane.id(),
                    json("{\"soundOnNewChat\":true,\"desktopNotifications\":true}")));
            assertProblem(400, "desktopNotifications", () -> api.notificationResource.change(secret, csrf,
                    jane.id(), json("{\"soundOnNewChat\":true,\"soundOnNewMessage\":true,"
                            + "\"desktopNotifications\":\"yes\"}")));
            assertProblem(400, "volume", () -> api.notificationResource.change(secret, csrf, jane.id(),
                    json("{\"volume\":3}")));
            assertProblem(400, null, () -> api.notificationResource.change(secret, csrf, jane.id(), json("[]")));
            assertEquals(quiet, api.notificationResource.get(secret, jane.id()), "nothing changed");
        }
    }

    private static void assertProblem(int status, String field, Supplier<Object> call) {
        ProblemException refused = assertThrows(ProblemException.class, call::get);
        Problem problem = refused.problem();
        assertEquals(status, problem.status(), problem.detail());
        assertEquals(field, problem.field(), problem.detail());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
