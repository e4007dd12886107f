package org.parley.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * HTTP to the server under load (Jetty's client: asynchronous, with a bounded connection pool and an unbounded queue, so
 * an open-loop sender never blocks). Cookies are set per request, never kept: each agent has a session of its own.
 */
final class Api implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = new HttpClient();
    private final String base;

    /** An answer: status, body and the session cookie it set, if any. */
    record Answer(int status, String body, String sessionCookie) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception notJson) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body);
            }
        }
    }

    Api(String base, int connections) throws Exception {
        this.base = base;
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setName("load-http");
        http.setExecutor(threads);
        http.setHttpCookieStore(new HttpCookieStore.Empty());
        http.setMaxConnectionsPerDestination(connections);
        http.setMaxRequestsQueuedPerDestination(Integer.MAX_VALUE);
        http.setConnectTimeout(30_000);
        http.setIdleTimeout(120_000);
        http.setFollowRedirects(false);
        http.start();
    }

    String base() {
        return base;
    }

    CompletableFuture<Answer> call(String method, String path, Object body, Map<String, String> headers) {
        Request request = http.newRequest(base + path).method(method).timeout(120, TimeUnit.SECONDS);
        if (body != null) {
            try {
                String json = body instanceof String text ? text : JSON.writeValueAsString(body);
                request.body(new StringRequestContent("application/json", json));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        request.headers(fields -> headers.forEach(fields::put));
        return new CompletableResponseListener(request, 1 << 20).send().thenApply(Api::answer);
    }

    /** Blocking call for the set-up, failing unless the status is {@code expected}. */
    Answer expect(int expected, String method, String path, Object body, Map<String, String> headers) throws Exception {
        Answer answer = call(method, path, body, headers).get(120, TimeUnit.SECONDS);
        if (answer.status() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private static Answer answer(ContentResponse response) {
        String cookie = null;
        for (String setCookie : response.getHeaders().getValuesList("Set-Cookie")) {
            if (setCookie.startsWith("parley_session=")) {
                cookie = setCookie.split(";", 2)[0];
            }
        }
        return new Answer(response.getStatus(), response.getContentAsString(), cookie);
    }

    @Override
    public void close() throws Exception {
        http.stop();
    }
}
