package org.parley.launcher.itest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.PlanTier;
import org.parley.agent.api.Seats;

/** An agent signed in over real HTTP, sending the {@code parley_session} cookie and, on changes, the CSRF token. */
final class DeskAgent {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    final String secret;
    final String csrf;

    private DeskAgent(URI base, String secret, String csrf) {
        this.base = base;
        this.secret = secret;
        this.csrf = csrf;
    }

    /** The password of the agents {@link #create} makes. */
    static final String PASSWORD = "correct horse battery";

    /**
     * A new agent, signed in. The tests share one framework and its seats, so the plan is first raised to room for
     * fifty agents.
     */
    static DeskAgent create(URI base, AgentDirectory directory, Seats seats, String name, AccessLevel level)
            throws Exception {
        if (seats.usage().plan().seats() < 50) {
            seats.changePlan(PlanTier.PAID, 50);
        }
        String username = "it-" + UUID.randomUUID().toString().substring(0, 12);
        directory.create(new NewAgent(name, username, PASSWORD, null, level));
        return signIn(base, username, PASSWORD);
    }

    static DeskAgent signIn(URI base, String login, String password) throws Exception {
        String body = ParleyHttp.JSON.createObjectNode().put("login", login).put("password", password).toString();
        HttpResponse<String> response = ParleyHttp.exchange(HTTP, base.resolve("/api/v1/session"), "POST", Map.of(),
                body);
        if (response.statusCode() != 200) {
            throw new AssertionError("Sign-in of " + login + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("parley_session="))
                .findFirst().orElseThrow();
        String secret = cookie.substring("parley_session=".length(), cookie.indexOf(';'));
        return new DeskAgent(base, secret, ParleyHttp.JSON.readTree(response.body()).path("csrfToken").asText());
    }

    /** A request with the cookie; {@code POST}, {@code PUT} and {@code DELETE} also carry the CSRF token. */
    ParleyHttp.Answer send(String method, String path, String body) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", "parley_session=" + secret);
        if (!method.equals("GET")) {
            headers.put("X-CSRF-Token", csrf);
        }
        HttpResponse<String> response = ParleyHttp.exchange(HTTP, base.resolve(path), method, headers, body);
        JsonNode json;
        try {
            json = ParleyHttp.JSON.readTree(response.body());
        } catch (IOException notJson) {
            json = null;
        }
        return new ParleyHttp.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                json, response.body());
    }
}
