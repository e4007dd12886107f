package org.parley.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.Seats;
import org.parley.chat.api.PhoneNumber;
import org.parley.chat.api.VisitorInfoContributor;
import org.parley.chat.api.VisitorInfoSection;

/**
 * The visitor info inside the framework over real HTTP: the embedded User-Agent parser, a spoofed X-Forwarded-For
 * from an untrusted peer, presence from the WebSocket, a contributed section with a masked phone number, blocking.
 */
class VisitorInfoIT {
    private static final long START_MILLIS = 30_000;
    private static final String FIREFOX = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

    @InjectService(timeout = START_MILLIS)
    AgentDirectory directory;

    @InjectService(timeout = START_MILLIS)
    Seats seats;

    @InjectService(timeout = START_MILLIS)
    ServiceAware<HttpServiceRuntime> httpRuntime;

    @InjectBundleContext
    BundleContext context;

    @Test
    void agentsSeeWhoTheVisitorIsAndWhereTheyCameFrom() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());
        URI base = http.uri("/");
        DeskAgent agent = DeskAgent.create(base, directory, seats, "Vera Visitors", AccessLevel.LIMITED);

        JsonNode created = http.send("POST", "/api/v1/visitors", null, null).body();
        String token = created.get("token").asText();
        String info = "/api/v1/desk/visitors/" + created.get("visitorId").asText();
        assertFalse(agent.send("GET", info, null).body().get("onWebsite").asBoolean());

        try (StreamSocket socket = new StreamSocket(http.streamUri())) {
            socket.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
            socket.expect("ready");
            assertTrue(agent.send("GET", info, null).body().get("onWebsite").asBoolean(), "connected widget");
        }
        awaitOffline(agent, info);

        assertEquals(400, http.send("PUT", "/api/v1/visitors/me", token, "{\"name\":\"Eva\",\"email\":\"eva@\"}")
                .body().get("status").asInt());
        assertEquals("Eva", http.send("PUT", "/api/v1/visitors/me", token,
                "{\"name\":\"Eva\",\"email\":\"eva@example.com\"}").body().get("name").asText());
        ParleyHttp.Answer viewed = pageView(http, token);
        assertEquals(204, viewed.status(), viewed.raw());

        ServiceRegistration<VisitorInfoContributor> shop = context.registerService(VisitorInfoContributor.class,
                visitor -> Optional.of(new VisitorInfoSection("customer", "Shop customer",
                        Map.of("phone", new PhoneNumber("+1 (234) 555-5678")))), null);
        try {
            JsonNode visitor = agent.send("GET", info, null).body();
            assertEquals("Eva", visitor.get("name").asText(), visitor.toString());
            assertEquals("127.0.0.1", visitor.get("ip").asText(), "no trusted proxies: X-Forwarded-For ignored");
            assertFalse(visitor.get("location").get("known").asBoolean());
            assertEquals("Ubuntu", visitor.get("os").get("name").asText());
            assertEquals("Firefox", visitor.get("browser").get("name").asText());
            assertEquals("125.0", visitor.get("browser").get("version").asText());
            assertEquals("https://search.example/", visitor.get("referrer").asText());
            assertEquals("https://shop.example/shoes", visitor.get("pages").get(0).get("url").asText());
            assertEquals("+1******5678", visitor.get("sections").get(0).get("fields").get("phone").asText());
        } finally {
            shop.unregister();
        }

        assertEquals(200, agent.send("POST", info + "/block", null).status());
        ParleyHttp.Answer refused = http.send("POST", "/api/v1/conversations", token, null);
        assertEquals(403, refused.status(), refused.raw());
        assertEquals("urn:parley:problem:visitor-blocked", refused.body().get("type").asText());
        assertTrue(http.send("GET", "/api/v1/visitors/me", token, null).body().get("blocked").asBoolean());
        assertEquals(200, agent.send("DELETE", info + "/block", null).status());
        assertEquals(201, http.send("POST", "/api/v1/conversations", token, null).status());
    }

    private static ParleyHttp.Answer pageView(ParleyHttp http, String token) throws Exception {
        var response = ParleyHttp.exchange(java.net.http.HttpClient.newHttpClient(),
                http.uri("/api/v1/visitors/me/pageviews"), "POST",
                Map.of("Authorization", "Bearer " + token, "X-Forwarded-For", "203.0.113.9", "User-Agent", FIREFOX),
                "{\"url\":\"https://shop.example/shoes\",\"title\":\"Shoes\",\"referrer\":\"https://search.example/\"}");
        return new ParleyHttp.Answer(response.statusCode(), "", null, response.body());
    }

    /** The socket's close reaches the server a moment later. */
    private static void awaitOffline(DeskAgent agent, String info) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (!agent.send("GET", info, null).body().get("onWebsite").asBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The visitor stayed on the website after the connection closed");
    }
}
