package org.parley.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.PlanTier;
import org.parley.agent.api.Seats;

/**
 * Agents sign in over real HTTP against the Jetty inside the framework: the {@code parley_session} cookie, the CSRF
 * token every change must carry, access levels, and the first-start setup's refusals (docs/agents-api.md).
 *
 * <p>How the owner comes to exist. The real setup token lives only in the memory of the internal component
 * {@code org.parley.agent.rest.internal.OwnerSetup} and in one start-up line that slf4j-simple writes to the
 * framework's standard error (SLF4J sits on -runpath, not on the OSGi log service). Neither is cleanly reachable from
 * a test: the component's package is private to its bundle (reading the token would take reflection into internals),
 * and the log line was written before any test ran, to a stream shared with every other test. Production code gains
 * no hook just for a test either: a public way to read the token would weaken exactly what the token protects. So
 * this test checks {@code POST /api/v1/setup}'s refusals only (403 without the valid token while there is no owner,
 * 409 once there is one) and creates the owner in-process through the {@link AgentDirectory} service, as the setup
 * resource itself does; the successful setup is covered by agent-admin/rest's own tests, which sit in its package.
 *
 * <p>All IT classes share one framework and one data folder: usernames are unique per run, and when some other test
 * already made an owner (whose password this class does not know) the agent that manages agents here is a FULL one,
 * which may do everything exercised below.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentSignInIT {
    private static final long START_MILLIS = 30_000;
    private static final String COOKIE = "parley_session";
    private static final String CSRF = "X-CSRF-Token";
    private static final String PASSWORD = "correct horse battery";

    /** The agent who manages agents in these tests: the owner this class created, or a FULL agent. */
    private static volatile Credentials manager;

    @InjectService(timeout = START_MILLIS)
    AgentDirectory directory;

    @InjectService(timeout = START_MILLIS)
    ServiceAware<HttpServiceRuntime> httpRuntime;

    @InjectService(timeout = START_MILLIS)
    Seats seats;

    /** A paid plan with room: these tests create more agents than the Free plan's three seats. */
    @BeforeEach
    void roomForTheTestAgents() {
        if (seats.usage().plan().seats() < 50) {
            seats.changePlan(PlanTier.PAID, 50);
        }
    }

    private record Credentials(String username, String password) {}

    @Test
    @Order(1)
    void setupRefusesAWrongTokenAndClosesOnceThereIsAnOwner() throws Exception {
        URI base = awaitAgentsApi();
        String setup = "{\"token\":\"%s\",\"displayName\":\"Owner\",\"username\":\"%s\",\"password\":\"%s\"}";

        if (directory.list().stream().noneMatch(Agent::isOwner)) {
            // No owner yet (the normal case: this is the only IT class that makes one): the wrong token is refused,
            // naming the field, and so is a missing one; neither uses the real token up.
            Browser.Answer wrong = new Browser(base).send("POST", "/api/v1/setup", false,
                    setup.formatted("not-the-token", unique("owner"), PASSWORD));
            assertProblem(403, "token", wrong);
            assertNull(wrong.cookie(), "a refused setup signs nobody in: " + wrong.headers());
            assertProblem(403, "token", new Browser(base).send("POST", "/api/v1/setup", false, "{}"));
            assertTrue(directory.list().stream().noneMatch(Agent::isOwner), "the refused setups created no owner");
        }

        Credentials admin = manager();

        // Once there is an owner, setup is closed whatever the token.
        Browser.Answer closed = new Browser(base).send("POST", "/api/v1/setup", false,
                setup.formatted("not-the-token", unique("owner"), PASSWORD));
        assertProblem(409, null, closed);
        assertEquals(1, directory.list().stream().filter(Agent::isOwner).count());
        assertTrue(directory.findByLogin(admin.username()).isPresent());
    }

    @Test
    @Order(2)
    void aSignedInManagerCreatesAgentsWithTheCsrfToken() throws Exception {
        URI base = awaitAgentsApi();
        Credentials admin = manager();
        Browser browser = new Browser(base);

        Browser.Answer signedIn = browser.signIn(admin.username(), admin.password());
        assertEquals(200, signedIn.status(), signedIn.raw());
        String setCookie = signedIn.cookie();
        assertNotNull(setCookie, "sign-in sets the session cookie: " + signedIn.headers());
        assertTrue(setCookie.startsWith(COOKIE + "=") && setCookie.length() > (COOKIE + "=;").length(), setCookie);
        List<String> attributes = attributes(setCookie);
        assertTrue(attributes.contains("httponly"), setCookie);
        assertTrue(attributes.contains("samesite=strict"), setCookie);
        assertTrue(attributes.contains("path=/"), setCookie);
        assertFalse(attributes.contains("secure"), "plain HTTP gets no Secure cookie: " + setCookie);
        assertFalse(attributes.stream().anyMatch(a -> a.startsWith("max-age") || a.startsWith("expires")),
                "a browser-session cookie: " + setCookie);
        assertEquals("no-store", signedIn.header("Cache-Control"));
        String csrf = signedIn.body().path("csrfToken").asText();
        assertFalse(csrf.isBlank(), signedIn.raw());
        assertEquals(admin.username(), signedIn.body().at("/agent/username").asText(), signedIn.raw());
        assertNotEquals(browser.secret(), csrf, "the CSRF token is not the session secret");

        // After a page reload the page asks who is signed in and gets the same CSRF token again.
        Browser.Answer current = browser.send("GET", "/api/v1/session", false, null);
        assertEquals(200, current.status(), current.raw());
        assertEquals(admin.username(), current.body().at("/agent/username").asText(), current.raw());
        assertEquals(csrf, current.body().path("csrfToken").asText(), current.raw());
        assertFalse(current.body().path("expiresAt").asText().isBlank(), current.raw());

        String username = unique("agent");
        String newAgent = "{\"displayName\":\"New Agent\",\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"accessLevel\":\"LIMITED\"}";

        // With the cookie but without the CSRF header (what a forged cross-site request looks like): 403.
        Browser.Answer forged = browser.send("POST", "/api/v1/agents", false, newAgent);
        assertProblem(403, CSRF, forged);
        Browser.Answer wrongToken = browser.send("POST", "/api/v1/agents", "not-the-token", newAgent);
        assertProblem(403, CSRF, wrongToken);
        assertTrue(directory.findByLogin(username).isEmpty(), "the refused requests created nobody");

        Browser.Answer created = browser.send("POST", "/api/v1/agents", true, newAgent);
        assertEquals(201, created.status(), created.raw());
        String id = created.body().path("id").asText();
        assertEquals(username, created.body().path("username").asText(), created.raw());
        assertEquals("LIMITED", created.body().path("accessLevel").asText(), created.raw());
        assertFalse(created.raw().contains(PASSWORD), "the password is never echoed: " + created.raw());
        assertTrue(created.header("Location").endsWith("/api/v1/agents/" + id), created.headers().toString());
        assertEquals(AccessLevel.LIMITED, directory.find(id).orElseThrow().accessLevel());

        Browser.Answer fetched = browser.send("GET", "/api/v1/agents/" + id, false, null);
        assertEquals(200, fetched.status(), fetched.raw());
        assertEquals(username, fetched.body().path("username").asText(), fetched.raw());

        // The same username again: taken.
        Browser.Answer duplicate = browser.send("POST", "/api/v1/agents", true, newAgent);
        assertProblem(409, "username", duplicate);
    }

    @Test
    @Order(3)
    void aLimitedAgentMayNotCreateAgents() throws Exception {
        URI base = awaitAgentsApi();
        String limited = unique("limited");
        directory.create(new NewAgent("Limited Agent", limited, PASSWORD, null, AccessLevel.LIMITED));

        Browser browser = new Browser(base);
        Browser.Answer signedIn = browser.signIn(limited, PASSWORD);
        assertEquals(200, signedIn.status(), signedIn.raw());
        assertEquals("LIMITED", signedIn.body().at("/agent/accessLevel").asText(), signedIn.raw());

        // Signed in and with a valid CSRF token, but limited: refused by access level.
        String other = unique("agent");
        Browser.Answer refused = browser.send("POST", "/api/v1/agents", true,
                "{\"displayName\":\"Other\",\"username\":\"" + other + "\",\"password\":\"" + PASSWORD + "\"}");
        assertProblem(403, null, refused);
        assertTrue(directory.findByLogin(other).isEmpty());

        // Reading the directory is allowed.
        Browser.Answer list = browser.send("GET", "/api/v1/agents", false, null);
        assertEquals(200, list.status(), list.raw());
        assertTrue(list.body().isArray(), list.raw());
    }

    @Test
    @Order(4)
    void withoutAValidSessionTheApiAnswers401() throws Exception {
        URI base = awaitAgentsApi();
        Browser anonymous = new Browser(base);

        assertProblem(401, null, anonymous.send("GET", "/api/v1/session", false, null));
        assertProblem(401, null, anonymous.send("GET", "/api/v1/agents", false, null));
        assertProblem(401, null, anonymous.send("POST", "/api/v1/agents", false,
                "{\"displayName\":\"X\",\"username\":\"" + unique("agent") + "\",\"password\":\"" + PASSWORD + "\"}"));
        Browser.Answer unchallenged = anonymous.send("GET", "/api/v1/session", false, null);
        assertTrue(unchallenged.headers().firstValue("WWW-Authenticate").isEmpty(),
                "cookie sessions send no HTTP authentication challenge: " + unchallenged.headers());

        // A made-up cookie is no session either.
        Browser forged = new Browser(base);
        forged.secret = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertProblem(401, null, forged.send("GET", "/api/v1/session", false, null));

        // A wrong password and an unknown login get the same answer, and no cookie.
        Credentials admin = manager();
        Browser.Answer wrongPassword = new Browser(base).signIn(admin.username(), "not the password");
        Browser.Answer unknownLogin = new Browser(base).signIn(unique("nobody"), "not the password");
        assertProblem(401, null, wrongPassword);
        assertProblem(401, null, unknownLogin);
        assertEquals(wrongPassword.body().path("detail"), unknownLogin.body().path("detail"));
        assertNull(wrongPassword.cookie(), wrongPassword.headers().toString());
    }

    @Test
    @Order(5)
    void signingOutEndsTheSession() throws Exception {
        URI base = awaitAgentsApi();
        String agent = unique("leaving");
        directory.create(new NewAgent("Leaving Agent", agent, PASSWORD, agent + "@example.com", AccessLevel.FULL));

        Browser browser = new Browser(base);
        // The email address signs in too, regardless of case.
        Browser.Answer signedIn = browser.signIn(agent.toUpperCase(Locale.ROOT) + "@EXAMPLE.COM", PASSWORD);
        assertEquals(200, signedIn.status(), signedIn.raw());
        String secret = browser.secret();
        assertEquals(200, browser.send("GET", "/api/v1/session", false, null).status());

        // Signing out is a change: without the CSRF token it is refused and the session lives on.
        assertProblem(403, CSRF, browser.send("DELETE", "/api/v1/session", false, null));
        assertEquals(200, browser.send("GET", "/api/v1/session", false, null).status());

        Browser.Answer signedOut = browser.send("DELETE", "/api/v1/session", true, null);
        assertEquals(204, signedOut.status(), signedOut.raw());
        String cleared = signedOut.cookie();
        assertNotNull(cleared, "sign-out clears the cookie: " + signedOut.headers());
        assertTrue(cleared.startsWith(COOKIE + "=;"), cleared);
        assertTrue(attributes(cleared).contains("max-age=0"), cleared);

        // A copy of the old cookie (kept by hand, as a thief would) no longer works.
        Browser stale = new Browser(base);
        stale.secret = secret;
        stale.csrf = signedIn.body().path("csrfToken").asText();
        assertProblem(401, null, stale.send("GET", "/api/v1/session", false, null));
        assertProblem(401, null, stale.send("POST", "/api/v1/agents", true,
                "{\"displayName\":\"X\",\"username\":\"" + unique("agent") + "\",\"password\":\"" + PASSWORD + "\"}"));
    }

    /**
     * The agent who manages agents: made once per run, in-process through the directory (see the class comment). The
     * owner when there is none yet; a FULL agent when another test made the owner.
     */
    private Credentials manager() {
        synchronized (AgentSignInIT.class) {
            if (manager == null) {
                String username = unique("owner");
                AccessLevel level = directory.list().stream().anyMatch(Agent::isOwner)
                        ? AccessLevel.FULL
                        : AccessLevel.OWNER;
                try {
                    directory.create(new NewAgent("Test Owner", username, PASSWORD, null, level));
                } catch (AgentException e) {
                    if (level != AccessLevel.OWNER || e.reason() != AgentException.Reason.CONFLICT) {
                        throw e;
                    }
                    // Someone made the owner in between.
                    directory.create(new NewAgent("Test Manager", username, PASSWORD, null, AccessLevel.FULL));
                }
                manager = new Credentials(username, PASSWORD);
            }
            return manager;
        }
    }

    /**
     * The HTTP base once the REST whiteboard serves the agents API: it adds this bundle's resources on its own
     * schedule, possibly after {@code /api/v1/openapi.json} answers.
     */
    private URI awaitAgentsApi() throws Exception {
        URI base = ParleyHttp.awaitApi(httpRuntime.getServiceReference()).uri("/");
        Browser probe = new Browser(base);
        long deadline = System.nanoTime() + Duration.ofMillis(START_MILLIS).toNanos();
        Browser.Answer last = null;
        while (System.nanoTime() < deadline) {
            last = probe.send("GET", "/api/v1/session", false, null);
            if (last.status() == 401) {
                return base;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET /api/v1/session did not answer 401 within " + START_MILLIS + " ms: " + last);
    }

    private static void assertProblem(int status, String field, Browser.Answer answer) {
        assertEquals(status, answer.status(), answer.raw());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertEquals(status, answer.body().path("status").asInt(), answer.raw());
        if (field != null) {
            assertEquals(field, answer.body().path("field").asText(), answer.raw());
        }
    }

    /** The cookie's attributes after its value, in lower case, such as {@code httponly} or {@code max-age=0}. */
    private static List<String> attributes(String setCookie) {
        String[] parts = setCookie.split(";");
        return Arrays.stream(parts, 1, parts.length)
                .map(part -> part.strip().toLowerCase(Locale.ROOT).replace(" ", ""))
                .toList();
    }

    private static String unique(String prefix) {
        return "it-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /**
     * A browser as far as the session goes: keeps the {@code parley_session} cookie it is given, read from
     * Set-Cookie by hand so the test can check its attributes and replay or leave it out at will, and the CSRF token
     * from the body of the sign-in.
     */
    private static final class Browser {
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private final URI base;
        String secret;
        String csrf;

        record Answer(int status, HttpHeaders headers, JsonNode body, String raw) {
            String contentType() {
                return header("Content-Type");
            }

            String header(String name) {
                return headers.firstValue(name).orElse("");
            }

            /** This response's Set-Cookie for the session cookie, or null. */
            String cookie() {
                return headers.allValues("Set-Cookie").stream()
                        .filter(value -> value.startsWith(COOKIE + "="))
                        .findFirst()
                        .orElse(null);
            }
        }

        Browser(URI base) {
            this.base = base;
        }

        String secret() {
            return secret;
        }

        Answer signIn(String login, String password) throws IOException, InterruptedException {
            Answer answer = send("POST", "/api/v1/session", false,
                    ParleyHttp.JSON.createObjectNode().put("login", login).put("password", password).toString());
            if (answer.status() == 200) {
                csrf = answer.body().path("csrfToken").asText();
            }
            return answer;
        }

        Answer send(String method, String path, boolean withCsrf, String body)
                throws IOException, InterruptedException {
            return send(method, path, withCsrf ? csrf : null, body);
        }

        Answer send(String method, String path, String csrfToken, String body)
                throws IOException, InterruptedException {
            Map<String, String> headers = new LinkedHashMap<>();
            if (secret != null) {
                headers.put("Cookie", COOKIE + "=" + secret);
            }
            if (csrfToken != null) {
                headers.put(CSRF, csrfToken);
            }
            HttpResponse<String> response = ParleyHttp.exchange(HTTP, base.resolve(path), method, headers, body);
            Answer answer = new Answer(response.statusCode(), response.headers(), parse(response.body()),
                    response.body());
            String set = answer.cookie();
            if (set != null) {
                int end = set.indexOf(';');
                String value = set.substring(COOKIE.length() + 1, end < 0 ? set.length() : end);
                secret = value.isEmpty() || attributes(set).contains("max-age=0") ? null : value;
            }
            return answer;
        }

        private static JsonNode parse(String body) {
            try {
                return ParleyHttp.JSON.readTree(body);
            } catch (IOException notJson) {
                return ParleyHttp.JSON.missingNode();
            }
        }
    }
}
