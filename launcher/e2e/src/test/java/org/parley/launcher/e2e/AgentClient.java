package org.parley.launcher.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** An agent over real HTTP, with the session cookie and CSRF token a browser would hold. */
final class AgentClient {
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final ParleyProcess parley;
    private String csrfToken;

    private AgentClient(ParleyProcess parley) {
        this.parley = parley;
    }

    /** Creates the owner with the setup link's token and signs them in. */
    static AgentClient setUpOwner(ParleyProcess parley, String token, String username, String password) throws Exception {
        AgentClient agent = new AgentClient(parley);
        JsonNode session = agent.call("POST", "/api/v1/setup", Map.of("token", token, "displayName", "Olivia Owner",
                "username", username, "password", password), 201);
        agent.csrfToken = session.get("csrfToken").asText();
        return agent;
    }

    static AgentClient signIn(ParleyProcess parley, String login, String password) throws Exception {
        AgentClient agent = new AgentClient(parley);
        JsonNode session = agent.call("POST", "/api/v1/session", Map.of("login", login, "password", password), 200);
        agent.csrfToken = session.get("csrfToken").asText();
        return agent;
    }

    /** Sends a body of another type (an image), failing unless the status is {@code expected}. */
    void send(String method, String path, String contentType, byte[] body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(parley.uri(path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType)
                .header("X-CSRF-Token", csrfToken)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Sends a request and answers its JSON body, failing unless the status is {@code expected}. */
    JsonNode call(String method, String path, Object body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(parley.uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(ChatClient.JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : ChatClient.JSON.readTree(response.body());
    }
}
