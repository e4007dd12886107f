package org.parley.agent.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.platform.database.TestDatabase;
import org.parley.rest.problem.ProblemException;

/** Signing in and out through the session resource, on the real directory. */
class SignInTest {

    @OnEachDatabase
    void signsInByUsernameOrEmailWithACookieAndACsrfToken(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent jane = api.create("jane", AccessLevel.LIMITED);
            for (String login : List.of("jane", "JANE@shop.example")) {
                Response response = api.session.signIn(new Json.SignIn(login, "secret-jane"), null,
                        TestApi.request(false));
                assertEquals(200, response.getStatus());
                String cookie = response.getHeaderString("Set-Cookie");
                assertTrue(cookie.matches("parley_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict"),
                        cookie);
                String secret = cookie.substring("parley_session=".length(), cookie.indexOf(';'));
                Json.SessionView view = (Json.SessionView) response.getEntity();
                assertEquals(jane.id(), view.agent().id());
                assertEquals(CsrfTokens.of(secret), view.csrfToken());
                assertEquals("no-store", response.getHeaderString("Cache-Control"));
                Json.SessionView current = (Json.SessionView) api.session.current(secret).getEntity();
                assertEquals(view.csrfToken(), current.csrfToken(), "the same token after a page reload");
            }
        }
    }

    @OnEachDatabase
    void marksTheCookieSecureOverTls(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            api.create("jane", AccessLevel.LIMITED);
            Response response = api.session.signIn(new Json.SignIn("jane", "secret-jane"), null,
                    TestApi.request(true));
            assertTrue(response.getHeaderString("Set-Cookie").endsWith("; Secure"));
        }
    }

    @OnEachDatabase
    void behindAProxyThatEndsTlsTheCookieIsSecureWhenConfiguredSo(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            api.create("jane", AccessLevel.LIMITED);
            SessionResource behindProxy = new SessionResource(api.directory, api.sessions, api.throttle, api.events,
                    new SessionCookie(true));
            Response signedIn = behindProxy.signIn(new Json.SignIn("jane", "secret-jane"), null,
                    TestApi.request(false));
            String cookie = signedIn.getHeaderString("Set-Cookie");
            assertTrue(cookie.matches("parley_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict; Secure"),
                    "Secure over plain HTTP when configured: " + cookie);
            String secret = cookie.substring("parley_session=".length(), cookie.indexOf(';'));
            Response signedOut = behindProxy.signOut(secret, CsrfTokens.of(secret), TestApi.request(false));
            assertTrue(signedOut.getHeaderString("Set-Cookie").endsWith("; Max-Age=0; HttpOnly; SameSite=Strict; Secure"),
                    "the clearing cookie matches the one it replaces");
            assertFalse(api.session.signIn(new Json.SignIn("jane", "secret-jane"), null, TestApi.request(false))
                    .getHeaderString("Set-Cookie").contains("Secure"), "not Secure by default over plain HTTP");
        }
    }

    @OnEachDatabase
    void wrongPasswordUnknownLoginAndDisabledAgentGetTheSameAnswer(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent sam = api.create("sam", AccessLevel.FULL);
            api.create("jane", AccessLevel.LIMITED);
            api.directory.setEnabled(List.of(sam.id()), false);
            for (Json.SignIn attempt : List.of(new Json.SignIn("jane", "wrong-password"),
                    new Json.SignIn("nobody", "secret-jane"), new Json.SignIn("sam", "secret-sam"))) {
                ProblemException refusal = assertThrows(ProblemException.class,
                        () -> api.session.signIn(attempt, null, TestApi.request(false)));
                assertEquals(401, refusal.problem().status(), attempt.toString());
                assertEquals(SessionResource.WRONG, refusal.problem().detail());
                assertEquals(null, refusal.getResponse().getHeaderString("WWW-Authenticate"));
            }
        }
    }

    @OnEachDatabase
    void signOutEndsTheSessionAndClearsTheCookie(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent jane = api.create("jane", AccessLevel.LIMITED);
            String secret = api.signIn(jane);
            String other = api.signIn(jane);
            Response response = api.session.signOut(secret, CsrfTokens.of(secret), TestApi.request(false));
            assertEquals(204, response.getStatus());
            assertTrue(response.getHeaderString("Set-Cookie").startsWith("parley_session=; Path=/; Max-Age=0"));
            assertEquals(401, TestApi.status(() -> api.session.current(secret)));
            assertEquals(200, TestApi.status(() -> api.session.current(other)), "other browsers stay signed in");
        }
    }

    @OnEachDatabase
    void signingInAgainEndsThePreviousSessionOfThatBrowser(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent jane = api.create("jane", AccessLevel.LIMITED);
            String previous = api.signIn(jane);
            api.session.signIn(new Json.SignIn("jane", "secret-jane"), previous, TestApi.request(false));
            assertEquals(401, TestApi.status(() -> api.session.current(previous)));
        }
    }

    @OnEachDatabase
    void disablingAnAgentEndsTheirSessionsAtOnce(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent owner = api.create("owner", AccessLevel.OWNER);
            Agent jane = api.create("jane", AccessLevel.FULL);
            String janes = api.signIn(jane);
            String owners = api.signIn(owner);
            assertEquals(204, TestApi.status(() -> api.agents.bulk(owners, CsrfTokens.of(owners),
                    new Json.BulkAction("disable", List.of(jane.id())))));
            assertEquals(401, TestApi.status(() -> api.agents.list(janes)));
            assertEquals(401, TestApi.status(() -> api.session.signIn(new Json.SignIn("jane", "secret-jane"), null,
                    TestApi.request(false))));
        }
    }

    @OnEachDatabase
    void changingTheOwnPasswordNeedsTheCurrentOne(TestDatabase.Kind kind) throws Exception {
        try (TestApi api = new TestApi(kind)) {
            Agent jane = api.create("jane", AccessLevel.LIMITED);
            String secret = api.signIn(jane);
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            ProblemException refusal = assertThrows(ProblemException.class, () -> api.agents.edit(secret,
                    CsrfTokens.of(secret), jane.id(), mapper.readTree("{\"password\":\"new-secret\"}")));
            assertEquals("currentPassword", refusal.problem().field());
            api.agents.edit(secret, CsrfTokens.of(secret), jane.id(),
                    mapper.readTree("{\"password\":\"new-secret\",\"currentPassword\":\"secret-jane\"}"));
            assertTrue(api.directory.verifyCredentials("jane", "new-secret").isPresent());
            assertFalse(api.directory.verifyCredentials("jane", "secret-jane").isPresent());
        }
    }
}
