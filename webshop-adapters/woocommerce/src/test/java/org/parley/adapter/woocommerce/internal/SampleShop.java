package org.parley.adapter.woocommerce.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a free loopback port standing in for a WooCommerce shop: it checks the Basic credentials as
 * WooCommerce does and answers with the documented payloads in {@code src/test/resources/woocommerce}.
 */
final class SampleShop implements AutoCloseable {
    static final String KEY = "ck_test";
    static final String SECRET = "cs_test";

    /** What the shop answers: a status, a body and extra headers, after an optional delay. */
    record Reply(int status, String body, Map<String, String> headers, Duration delay) {
        static Reply sample(int status, String file, String... headerPairs) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i < headerPairs.length; i += 2) {
                headers.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Reply(status, resource(file), headers, Duration.ZERO);
        }

        Reply after(Duration wait) {
            return new Reply(status, body, headers, wait);
        }
    }

    /** A request as the shop saw it. */
    record Request(String path, Map<String, String> query, String authorization) {}

    private record Route(String path, Map<String, String> params, Reply reply) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    SampleShop() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers GETs of {@code /wp-json/wc/v3/<path>} whose query contains {@code params}; the newest route wins. */
    SampleShop on(String path, Map<String, String> params, Reply reply) {
        routes.add(0, new Route("/wp-json/wc/v3/" + path, params, reply));
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Map<String, String> query = query(uri.getRawQuery());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new Request(uri.getPath(), query, authorization));
            send(exchange, reply(uri.getPath(), query, authorization));
        }
    }

    private Reply reply(String path, Map<String, String> query, String authorization) {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(authorization)) {
            return Reply.sample(401, "woocommerce-error-401.json");
        }
        for (Route route : routes) {
            if (route.path().equals(path) && query.entrySet().containsAll(route.params().entrySet())) {
                return route.reply();
            }
        }
        return Reply.sample(404, "woocommerce-error-404-rest_no_route.json");
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        try {
            Thread.sleep(reply.delay().toMillis());
        } catch (InterruptedException e) {
            return; // The shop is closing.
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    static String resource(String file) {
        try (InputStream in = SampleShop.class.getResourceAsStream("/woocommerce/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
