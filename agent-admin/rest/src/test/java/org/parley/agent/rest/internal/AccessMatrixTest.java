package org.parley.agent.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.agent.rest.internal.TestApi.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.NewInvitation;
import org.parley.agent.api.Plan;
import org.parley.agent.api.PlanTier;
import org.parley.agent.api.Presence;
import org.parley.platform.database.TestDatabase;

/**
 * Every endpoint's authorization decision, for the owner, an agent with full access, one with limited access, an
 * inactive agent with full access, a disabled agent (signed in before being disabled) and a caller without a
 * session. Each cell calls the resource with a fresh session and fresh things to change, so cells do not interfere.
 */
class AccessMatrixTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String QUIET =
            "{\"soundOnNewChat\":false,\"soundOnNewMessage\":false,\"desktopNotifications\":true}";
    private static final List<String> CALLERS = List.of("owner", "full", "limited", "inactive", "disabled", "none");

    /** One request: who makes it, with which cookie and CSRF token. */
    record Call(TestApi api, Agent caller, Agent owner, String secret, String csrf) {}

    /** Expected status per caller, in the order of {@link #CALLERS}. */
    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();
    private static final Map<String, Function<Call, Object>> ENDPOINTS = new LinkedHashMap<>();

    static {
        endpoint("POST /session", new int[] {200, 200, 200, 200, 401, 401}, c -> c.api().session.signIn(
                new Json.SignIn(c.caller() == null ? "nobody" : c.caller().username(),
                        c.caller() == null ? "whatever" : TestApi.password(c.caller().username())),
                null, TestApi.request(false)));
        endpoint("GET /session", new int[] {200, 200, 200, 200, 401, 401}, c -> c.api().session.current(c.secret()));
        endpoint("DELETE /session", new int[] {204, 204, 204, 204, 401, 401},
                c -> c.api().session.signOut(c.secret(), c.csrf(), TestApi.request(false)));
        endpoint("POST /setup", new int[] {409, 409, 409, 409, 409, 409}, c -> c.api().setupResource.create(
                new Json.Setup("guess", "Mallory", "mallory", "secret", null), TestApi.request(false)));
        endpoint("GET /agents", new int[] {200, 200, 200, 200, 401, 401}, c -> c.api().agents.list(c.secret()));
        endpoint("POST /agents", new int[] {201, 201, 403, 201, 401, 401}, c -> c.api().agents.create(c.secret(),
                c.csrf(), new Json.NewAgentBody("New", fresh(), "secret", null, null, AccessLevel.LIMITED, null, null,
                        null, null)));
        endpoint("GET /agents/{id}", new int[] {200, 200, 200, 200, 401, 401},
                c -> c.api().agents.get(c.secret(), c.owner().id()));
        endpoint("PATCH /agents/{other} displayName", new int[] {200, 200, 403, 200, 401, 401},
                c -> c.api().agents.edit(c.secret(), c.csrf(), target(c).id(),
                        body("{\"displayName\":\"Renamed\"}")));
        endpoint("PATCH /agents/{other} email", new int[] {200, 403, 403, 403, 401, 401}, c -> c.api().agents.edit(
                c.secret(), c.csrf(), target(c).id(), body("{\"email\":\"" + fresh() + "@shop.example\"}")));
        endpoint("PATCH /agents/{owner} displayName", new int[] {200, 403, 403, 403, 401, 401},
                c -> c.api().agents.edit(c.secret(), c.csrf(), c.owner().id(),
                        body("{\"displayName\":\"" + fresh() + "\"}")));
        endpoint("PATCH /agents/{self} displayName", new int[] {200, 200, 200, 200, 401, 401},
                c -> c.api().agents.edit(c.secret(), c.csrf(), self(c),
                        body("{\"displayName\":\"" + fresh() + "\"}")));
        endpoint("PATCH /agents/{self} maxConcurrentSessions", new int[] {200, 200, 403, 200, 401, 401},
                c -> c.api().agents.edit(c.secret(), c.csrf(), self(c),
                        body("{\"maxConcurrentSessions\":" + (1 + COUNTER.incrementAndGet() % 999) + "}")));
        endpoint("PATCH /agents/{self} email", new int[] {200, 403, 403, 403, 401, 401}, c -> c.api().agents.edit(
                c.secret(), c.csrf(), self(c), body("{\"email\":\"" + fresh() + "@shop.example\"}")));
        endpoint("PATCH /agents/{owner} email", new int[] {200, 403, 403, 403, 401, 401}, c -> c.api().agents.edit(
                c.secret(), c.csrf(), c.owner().id(), body("{\"email\":\"" + fresh() + "@shop.example\"}")));
        endpoint("DELETE /agents/{id}", new int[] {204, 204, 403, 204, 401, 401},
                c -> c.api().agents.delete(c.secret(), c.csrf(), target(c).id()));
        endpoint("GET /agents/deletion-impact", new int[] {200, 200, 403, 200, 401, 401},
                c -> c.api().agents.deletionImpact(c.secret(), List.of(target(c).id())));
        endpoint("POST /agents/bulk", new int[] {204, 204, 403, 204, 401, 401}, c -> c.api().agents.bulk(c.secret(),
                c.csrf(), new Json.BulkAction("disable", List.of(target(c).id(), target(c).id()))));
        endpoint("POST /agents/{id}/ownership", new int[] {200, 403, 403, 403, 401, 401}, c -> {
            Agent to = target(c);
            Object result = c.api().agents.transferOwnership(c.secret(), c.csrf(), to.id());
            c.api().directory.transferOwnership(to.id(), c.owner().id()); // back, for the next cells
            return result;
        });
        // An inactive agent may not go online: 409 naming status.
        endpoint("PUT /agents/{self}/presence ONLINE", new int[] {200, 200, 200, 409, 401, 401},
                c -> c.api().presence.change(c.secret(), c.csrf(), self(c), body("{\"status\":\"ONLINE\"}")));
        endpoint("PUT /agents/{self}/presence OFFLINE", new int[] {200, 200, 200, 200, 401, 401},
                c -> c.api().presence.change(c.secret(), c.csrf(), self(c), body("{\"status\":\"OFFLINE\"}")));
        endpoint("PUT /agents/{other}/presence OFFLINE", new int[] {200, 200, 403, 200, 401, 401},
                c -> c.api().presence.change(c.secret(), c.csrf(), online(c).id(),
                        body("{\"status\":\"OFFLINE\"}")));
        endpoint("PUT /agents/{owner}/presence OFFLINE", new int[] {200, 200, 403, 200, 401, 401},
                c -> c.api().presence.change(c.secret(), c.csrf(), c.owner().id(),
                        body("{\"status\":\"OFFLINE\"}")));
        endpoint("PUT /agents/{other}/presence ONLINE", new int[] {403, 403, 403, 403, 401, 401},
                c -> c.api().presence.change(c.secret(), c.csrf(), target(c).id(),
                        body("{\"status\":\"ONLINE\"}")));
        endpoint("GET /agents/events", new int[] {200, 200, 200, 200, 401, 401},
                c -> {
                    c.api().eventResource.events(c.secret(), new RecordingSink(), RecordingSink.SSE);
                    return null;
                });
        endpoint("PUT /agents/{self}/avatar", new int[] {200, 200, 200, 200, 401, 401},
                c -> c.api().avatarResource.change(c.secret(), c.csrf(), self(c), "image/png",
                        TestImages.body(TestImages.PNG)));
        endpoint("PUT /agents/{other}/avatar", new int[] {200, 200, 403, 200, 401, 401},
                c -> c.api().avatarResource.change(c.secret(), c.csrf(), target(c).id(), "image/jpeg",
                        TestImages.body(TestImages.JPEG)));
        endpoint("PUT /agents/{owner}/avatar", new int[] {200, 403, 403, 403, 401, 401},
                c -> c.api().avatarResource.change(c.secret(), c.csrf(), c.owner().id(), "image/webp",
                        TestImages.body(TestImages.WEBP)));
        // Public: visitors see their agent's avatar in the widget.
        endpoint("GET /agents/{id}/avatar", new int[] {200, 200, 200, 200, 200, 200},
                c -> c.api().avatarResource.get(withAvatar(c).id(), null, null));
        endpoint("DELETE /agents/{self}/avatar", new int[] {204, 204, 204, 204, 401, 401},
                c -> c.api().avatarResource.remove(c.secret(), c.csrf(), self(c)));
        endpoint("DELETE /agents/{other}/avatar", new int[] {204, 204, 403, 204, 401, 401},
                c -> c.api().avatarResource.remove(c.secret(), c.csrf(), withAvatar(c).id()));
        endpoint("DELETE /agents/{owner}/avatar", new int[] {204, 403, 403, 403, 401, 401},
                c -> c.api().avatarResource.remove(c.secret(), c.csrf(), c.owner().id()));
        endpoint("GET /agents/{self}/notifications", new int[] {200, 200, 200, 200, 401, 401},
                c -> c.api().notificationResource.get(c.secret(), self(c)));
        endpoint("GET /agents/{other}/notifications", new int[] {403, 403, 403, 403, 401, 401},
                c -> c.api().notificationResource.get(c.secret(), target(c).id()));
        endpoint("PUT /agents/{self}/notifications", new int[] {200, 200, 200, 200, 401, 401},
                c -> c.api().notificationResource.change(c.secret(), c.csrf(), self(c), body(QUIET)));
        endpoint("PUT /agents/{other}/notifications", new int[] {403, 403, 403, 403, 401, 401},
                c -> c.api().notificationResource.change(c.secret(), c.csrf(), target(c).id(), body(QUIET)));
        endpoint("PUT /agents/{owner}/notifications", new int[] {200, 403, 403, 403, 401, 401},
                c -> c.api().notificationResource.change(c.secret(), c.csrf(), c.owner().id(), body(QUIET)));
        endpoint("GET /queues", new int[] {200, 200, 200, 200, 401, 401}, c -> c.api().queueResource.list(c.secret()));
        endpoint("POST /queues", new int[] {201, 201, 403, 201, 401, 401},
                c -> c.api().queueResource.create(c.secret(), c.csrf(), new Json.QueueName(fresh())));
        endpoint("PATCH /queues/{id}", new int[] {200, 200, 403, 200, 401, 401}, c -> c.api().queueResource.rename(
                c.secret(), c.csrf(), c.api().queues.create(fresh()).id(), new Json.QueueName(fresh())));
        endpoint("DELETE /queues/{id}", new int[] {204, 204, 403, 204, 401, 401},
                c -> c.api().queueResource.delete(c.secret(), c.csrf(), c.api().queues.create(fresh()).id()));
        endpoint("GET /usage", new int[] {200, 200, 403, 200, 401, 401}, c -> c.api().usage.usage(c.secret()));
        endpoint("PUT /plan", new int[] {200, 200, 403, 200, 401, 401}, c -> c.api().plan.change(c.secret(),
                c.csrf(), new Json.PlanBody(PlanTier.PAID, Plan.MAX_SEATS)));
        endpoint("GET /invitations", new int[] {200, 200, 403, 200, 401, 401},
                c -> c.api().invitationResource.list(c.secret()));
        endpoint("POST /invitations", new int[] {201, 201, 403, 201, 401, 401},
                c -> c.api().invitationResource.invite(c.secret(), c.csrf(),
                        new Json.InvitationBody(fresh() + "@shop.example", AccessLevel.LIMITED, null),
                        TestApi.request(false)));
        endpoint("POST /invitations/{id}/resend", new int[] {200, 200, 403, 200, 401, 401},
                c -> c.api().invitationResource.resend(c.secret(), c.csrf(), invitation(c).invitation().id(),
                        TestApi.request(false)));
        endpoint("DELETE /invitations/{id}", new int[] {204, 204, 403, 204, 401, 401},
                c -> c.api().invitationResource.revoke(c.secret(), c.csrf(), invitation(c).invitation().id()));
        // Public: the link's token is the only credential, whoever follows it.
        endpoint("GET /invitations/by-token/{token}", new int[] {200, 200, 200, 200, 200, 200},
                c -> c.api().invitationResource.check(invitation(c).token()));
        endpoint("POST /invitations/accept", new int[] {201, 201, 201, 201, 201, 201},
                c -> c.api().invitationResource.accept(new Json.Acceptance(invitation(c).token(), "New", fresh(),
                        "secret"), c.secret(), TestApi.request(false)));
    }

    @OnEachDatabase
    void everyEndpointDecidesByTheCallersSession(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent owner = api.create("owner", AccessLevel.OWNER);
            Map<String, Agent> callers = new LinkedHashMap<>();
            callers.put("owner", owner);
            callers.put("full", api.create("full", AccessLevel.FULL));
            callers.put("limited", api.create("limited", AccessLevel.LIMITED));
            Agent inactive = api.create("inactive", AccessLevel.FULL);
            api.directory.setActive(List.of(inactive.id()), false);
            callers.put("inactive", inactive);
            Agent disabled = api.create("disabled", AccessLevel.FULL);
            String disabledSession = api.signIn(disabled);
            api.directory.setEnabled(List.of(disabled.id()), false);
            callers.put("disabled", disabled);
            callers.put("none", null);

            List<String> mismatches = new ArrayList<>();
            for (Map.Entry<String, Function<Call, Object>> endpoint : ENDPOINTS.entrySet()) {
                int[] expected = EXPECTED.get(endpoint.getKey());
                for (int i = 0; i < CALLERS.size(); i++) {
                    String name = CALLERS.get(i);
                    Agent caller = callers.get(name);
                    String secret = caller == null ? null : caller == disabled ? disabledSession : api.signIn(caller);
                    String csrf = secret == null ? null : CsrfTokens.of(secret);
                    int actual = status(() -> endpoint.getValue().apply(new Call(api, caller, owner, secret, csrf)));
                    if (actual != expected[i]) {
                        mismatches.add(endpoint.getKey() + " as " + name + ": expected " + expected[i] + ", got "
                                + actual);
                    }
                }
            }
            assertEquals(List.of(), mismatches);
        }
    }

    @OnEachDatabase
    void everyChangeWithTheCookieNeedsTheCsrfToken(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent owner = api.create("owner", AccessLevel.OWNER);
            List<String> unprotected = new ArrayList<>();
            ENDPOINTS.forEach((name, endpoint) -> {
                if (name.startsWith("GET") || name.equals("POST /session") || name.equals("POST /setup")
                        || name.equals("POST /invitations/accept")) {
                    return;
                }
                String secret = api.signIn(owner);
                for (String csrf : new String[] {null, "", CsrfTokens.of(secret) + "x", CsrfTokens.of("other")}) {
                    int actual = status(() -> endpoint.apply(new Call(api, owner, owner, secret, csrf)));
                    if (actual != 403) {
                        unprotected.add(name + " with token '" + csrf + "': " + actual);
                    }
                }
            });
            assertEquals(List.of(), unprotected);
        }
    }

    private static void endpoint(String name, int[] expected, Function<Call, Object> call) {
        EXPECTED.put(name, expected);
        ENDPOINTS.put(name, call);
    }

    /** A fresh agent with limited access for the cell to change. */
    private static Agent target(Call c) {
        return c.api().create(fresh(), AccessLevel.LIMITED);
    }

    /** A fresh agent who is online, for the cell to set offline. */
    private static Agent online(Call c) {
        return c.api().directory.setPresence(target(c).id(), Presence.ONLINE);
    }

    /** A fresh agent with an avatar. */
    private static Agent withAvatar(Call c) {
        return c.api().avatars.change(target(c).id(), "image/png", TestImages.PNG);
    }

    /** A fresh pending invitation for the cell to change or follow. */
    private static NewInvitation invitation(Call c) {
        return c.api().invitations.invite(fresh() + "@shop.example", AccessLevel.LIMITED, null, c.owner().id());
    }

    private static String self(Call c) {
        return c.caller() == null ? c.owner().id() : c.caller().id();
    }

    private static String fresh() {
        return "x" + COUNTER.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    }

    private static JsonNode body(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
