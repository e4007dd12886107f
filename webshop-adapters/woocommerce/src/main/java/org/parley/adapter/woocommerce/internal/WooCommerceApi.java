package org.parley.adapter.woocommerce.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * GET requests to one shop's WooCommerce REST API v3, with HTTP Basic key authentication. Turns every way a
 * request can fail into a {@link ShopFailure} whose reason an agent or administrator can act on.
 */
final class WooCommerceApi {
    /** One successful answer: its JSON body and WordPress' collection totals ({@code X-WP-Total*}), if sent. */
    record Answer(JsonNode body, OptionalLong total, OptionalLong totalPages) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 200;

    private final HttpClient http;
    private final String apiBase;
    private final String authorization;
    private final String host;

    WooCommerceApi(URI shopUrl, String consumerKey, String consumerSecret, Duration connectTimeout) {
        // No redirects: following one would send the key to wherever the shop points.
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = shopUrl.toString();
        this.apiBase = (base.endsWith("/") ? base : base + "/") + "wp-json/wc/v3/";
        String credentials = consumerKey + ":" + consumerSecret;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        this.host = shopUrl.getAuthority();
    }

    /**
     * Fetches {@code path?query} below {@code /wp-json/wc/v3/}.
     *
     * @param what names the resource in reasons, e.g. "customer 25"
     * @param timeout the time left for the whole lookup
     */
    Answer get(String path, String query, String what, Duration timeout) throws ShopFailure {
        if (timeout.isNegative() || timeout.isZero()) {
            throw ShopFailure.unavailable("WooCommerce at " + host + " took too long; " + what + " was not asked.");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase + path + (query.isEmpty() ? "" : "?" + query)))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", "Parley")
                .GET()
                .build();
        HttpResponse<byte[]> response = send(request, what, timeout);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(parse(response.body(), what),
                    longHeader(response, "X-WP-Total"), longHeader(response, "X-WP-TotalPages"));
        }
        throw failure(status, response, what);
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what, Duration timeout) throws ShopFailure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw ShopFailure.unavailable("WooCommerce at " + host + " did not answer within " + timeout.toMillis()
                    + " ms (" + what + ").");
        } catch (IOException e) {
            throw ShopFailure.unavailable("Cannot reach WooCommerce at " + host + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ShopFailure.unavailable("The lookup of " + what + " was interrupted.");
        }
    }

    private JsonNode parse(byte[] body, String what) throws ShopFailure {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw ShopFailure.unavailable("WooCommerce at " + host + " sent an empty answer for " + what + ".");
            }
            return json;
        } catch (JacksonException e) {
            throw ShopFailure.unavailable("WooCommerce at " + host + " sent malformed JSON for " + what
                    + " (a PHP notice or a caching plugin may be mixing into the answer): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ShopFailure.unavailable("Cannot read WooCommerce's answer for " + what + ": " + e);
        }
    }

    /** Maps WordPress' error answers ({@code {"code","message","data":{"status"}}}) to outcomes. */
    private ShopFailure failure(int status, HttpResponse<byte[]> response, String what) {
        JsonNode error = errorBody(response.body());
        String code = error.path("code").asText("");
        String detail = code.isEmpty() ? "" : " " + code + ": " + shorten(error.path("message").asText(""));
        String answered = "WooCommerce at " + host + " answered " + status + detail;
        if (status == 401 || status == 403) {
            return ShopFailure.unavailable(then(answered, "Check the consumer key, secret and key permission."));
        }
        if (status == 404 && "rest_no_route".equals(code)) {
            return ShopFailure.unavailable(then(answered, "Is WooCommerce active and the shop URL right?"));
        }
        if (status == 404 && !code.isEmpty()) {
            return ShopFailure.notFound("WooCommerce has no " + what + " (404" + detail + ").");
        }
        if (status == 404) {
            return ShopFailure.unavailable(answered + " without a WordPress error. Is the shop URL right?");
        }
        if (status >= 300 && status < 400) {
            String target = response.headers().firstValue("Location").orElse("another address");
            return ShopFailure.unavailable(answered + ", redirecting to " + target + ". Set the shop URL to it.");
        }
        return ShopFailure.unavailable(answered + " for " + what + ".");
    }

    /** Joins the shop's message and Parley's advice without doubling the full stop. */
    private static String then(String answered, String advice) {
        return answered + (answered.endsWith(".") ? " " : ". ") + advice;
    }

    private static JsonNode errorBody(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json == null ? JSON.missingNode() : json;
        } catch (IOException e) {
            return JSON.missingNode(); // An HTML error page: the status alone has to do.
        }
    }

    private static OptionalLong longHeader(HttpResponse<?> response, String name) {
        try {
            return response.headers().firstValue(name).map(v -> OptionalLong.of(Long.parseLong(v.trim())))
                    .orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String shorten(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
    }
}
