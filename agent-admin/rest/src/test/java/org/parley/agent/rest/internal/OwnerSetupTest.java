package org.parley.agent.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import org.parley.agent.api.AccessLevel;
import org.parley.platform.database.TestDatabase;

/** First start: only the logged one-time token creates the owner, once. */
class OwnerSetupTest {

    @OnEachDatabase
    void theLoggedTokenCreatesTheOwnerOnceAndSignsThemIn(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            String link = api.setup.link();
            assertTrue(link.matches("http://localhost:8123/setup\\?token=[A-Za-z0-9_-]{43}"), link);
            String token = link.substring(link.indexOf("token=") + 6);

            assertEquals(403, create(api, null));
            assertEquals(403, create(api, token + "x"));
            assertEquals(400, TestApi.status(() -> api.setupResource.create(
                    new Json.Setup(token, "Olivia", "o", "secret", null), TestApi.request(false))), "username");
            Response created = api.setupResource.create(
                    new Json.Setup(token, "Olivia", "olivia", "owner-secret", "olivia@shop.example"),
                    TestApi.request(false));
            assertEquals(201, created.getStatus(), "a mistake does not use up the token");
            Json.SessionView session = (Json.SessionView) created.getEntity();
            assertEquals(AccessLevel.OWNER, session.agent().accessLevel());
            assertTrue(created.getHeaderString("Set-Cookie").startsWith("parley_session="));

            assertEquals(409, create(api, token), "once there is an owner");
            assertEquals(409, create(api, null));
            assertTrue(api.setup.ownerExists());
        }
    }

    @OnEachDatabase
    void noTokenIsIssuedWhenThereIsAnOwner(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            api.create("owner", AccessLevel.OWNER);
            OwnerSetup restarted = new OwnerSetup(api.directory, "https://localhost:8443/");
            assertEquals("https://localhost:8443/setup?token=", restarted.link());
            assertEquals(409, TestApi.status(() -> restarted.createOwner("", null)));
        }
    }

    @OnEachDatabase
    void anEmptyBodyIsRefusedForTheToken(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            assertEquals(403, TestApi.status(() -> api.setupResource.create(null, TestApi.request(false))));
        }
    }

    private static int create(TestApi api, String token) {
        return TestApi.status(() -> api.setupResource.create(
                new Json.Setup(token, "Mallory", "mallory", "secret", null), TestApi.request(false)));
    }
}
