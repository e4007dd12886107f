package org.parley.launcher.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The chat API over real HTTP, as the widget uses it. */
final class ChatClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ParleyProcess parley;
    private String token;

    ChatClient(ParleyProcess parley) {
        this.parley = parley;
    }

    /** A response: its status, content type and body as JSON (null when the body is not JSON). */
    record Answer(int status, String contentType, JsonNode body, String raw) {}

    ChatClient asNewVisitor() throws Exception {
        Answer created = send("POST", "/api/v1/visitors", null);
        if (created.status() != 201) {
            throw new AssertionError("Creating a visitor answered " + created);
        }
        token = created.body().get("token").asText();
        return this;
    }

    ChatClient withToken(String token) {
        this.token = token;
        return this;
    }

    String token() {
        return token;
    }

    Answer send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(parley.uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException notJson) {
            json = null;
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json,
                response.body());
    }

    URI streamUri() {
        return URI.create("ws://localhost:" + parley.port + "/api/v1/stream");
    }
}
