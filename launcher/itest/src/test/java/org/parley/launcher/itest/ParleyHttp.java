package org.parley.launcher.itest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;

/** Parley's HTTP API on the Jetty inside the test framework, over a real socket. */
final class ParleyHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The REST whiteboard adds resources asynchronously, after Jetty and the bundles have started. */
    private static final Duration API_READY = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    /** A response: status, content type and the body, parsed when it is JSON. */
    record Answer(int status, String contentType, JsonNode body, String raw) {}

    private ParleyHttp(URI base) {
        this.base = base;
    }

    /**
     * The API of the Jetty that this runtime's HttpServiceRuntime describes; returns once the REST whiteboard serves
     * {@code /api/v1/openapi.json}.
     */
    static ParleyHttp awaitApi(ServiceReference<HttpServiceRuntime> runtime) throws Exception {
        ParleyHttp parley = new ParleyHttp(endpoint(runtime));
        long deadline = System.nanoTime() + API_READY.toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = parley.send("GET", "/api/v1/openapi.json", null, null);
                if (last.status() == 200) {
                    return parley;
                }
            } catch (IOException notYet) {
                // Jetty is still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/api/v1/openapi.json did not answer 200 within " + API_READY + "; last answer: " + last);
    }

    /** The first endpoint Jetty announces, such as {@code http://localhost:41234/}: the port it actually bound. */
    private static URI endpoint(ServiceReference<HttpServiceRuntime> runtime) {
        Object value = runtime.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
        String first;
        if (value instanceof String[] array && array.length > 0) {
            first = array[0];
        } else if (value instanceof Collection<?> list && !list.isEmpty()) {
            first = String.valueOf(list.iterator().next());
        } else if (value instanceof String single) {
            first = single;
        } else {
            throw new AssertionError("HttpServiceRuntime has no " + HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT
                    + " property: " + value);
        }
        URI uri = URI.create(first);
        if (uri.getPort() <= 0) {
            throw new AssertionError("Jetty announces no port: " + first);
        }
        return URI.create("http://localhost:" + uri.getPort());
    }

    /** One request: the given headers, and a JSON content type when there is a body. */
    static HttpResponse<String> exchange(HttpClient http, URI uri, String method, Map<String, String> headers,
            String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    URI streamUri() {
        return URI.create("ws://localhost:" + base.getPort() + "/api/v1/stream");
    }

    Answer send(String method, String path, String token, String body) throws IOException, InterruptedException {
        Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        HttpResponse<String> response = exchange(http, uri(path), method, headers, body);
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException notJson) {
            json = null;
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json,
                response.body());
    }
}
