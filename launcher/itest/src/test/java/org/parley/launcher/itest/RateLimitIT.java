package org.parley.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * The visitors' rate limits over real HTTP. Requests come from other loopback addresses (127.0.0.2, .3), so that the
 * other tests, all from 127.0.0.1, keep their own budgets.
 */
class RateLimitIT {
    private static final long START_MILLIS = 30_000;

    @InjectService(timeout = START_MILLIS)
    ServiceAware<HttpServiceRuntime> httpRuntime;

    record Raw(int status, String headers, String body) {
        String header(String name) {
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }
    }

    @Test
    void tooManyNewVisitorsFromOneAddressAnswer429WithRetryAfter() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());
        int port = http.uri("/").getPort();
        for (int i = 0; i < 20; i++) {
            assertEquals(201, post(port, "127.0.0.2", "/api/v1/visitors", null, null).status());
        }
        Raw refused = post(port, "127.0.0.2", "/api/v1/visitors", null, null);
        assertEquals(429, refused.status(), refused.body());
        assertEquals("3", refused.header("Retry-After"), "20 a minute: the next in 3 s");
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), refused.headers());
        assertTrue(refused.body().contains("\"status\":429"), refused.body());
        assertEquals(201, http.send("POST", "/api/v1/visitors", null, null).status(), "another address");
    }

    @Test
    void conversationsAndMessagesOfOneVisitorAreLimited() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());
        int port = http.uri("/").getPort();
        String token = ParleyHttp.JSON.readTree(post(port, "127.0.0.3", "/api/v1/visitors", null, null).body())
                .get("token").asText();
        String id = null;
        for (int i = 0; i < 5; i++) {
            Raw opened = post(port, "127.0.0.3", "/api/v1/conversations", token, null);
            assertEquals(201, opened.status(), opened.body());
            id = ParleyHttp.JSON.readTree(opened.body()).get("id").asText();
        }
        Raw sixth = post(port, "127.0.0.3", "/api/v1/conversations", token, null);
        assertEquals(429, sixth.status(), sixth.body());
        assertEquals("720", sixth.header("Retry-After"), "5 an hour: the next in 12 minutes");

        int accepted = 0;
        Raw last = null;
        for (int i = 0; i < 40 && (last == null || last.status() != 429); i++) {
            last = post(port, "127.0.0.3", "/api/v1/conversations/" + id + "/messages", token,
                    "{\"text\":\"flood " + i + "\"}");
            if (last.status() == 201) {
                accepted++;
            }
        }
        assertEquals(429, last.status(), "the burst of 20 is used up");
        assertTrue(accepted >= 20 && accepted < 40, "accepted " + accepted);
        assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1);
    }

    /** One request over a socket bound to the given loopback address (HttpClient cannot choose its source). */
    static Raw post(int port, String from, String path, String token, String body) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
            socket.setSoTimeout(10_000);
            byte[] content = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\nAccept: application/json\r\nContent-Length: " + content.length + "\r\n");
            if (body != null) {
                request.append("Content-Type: application/json\r\n");
            }
            if (token != null) {
                request.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = text.substring(0, end);
            String rest = text.substring(end + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String headers = head.substring(head.indexOf("\r\n") + 2);
            if ("chunked".equalsIgnoreCase(new Raw(status, headers, "").header("Transfer-Encoding"))) {
                rest = dechunk(rest);
            }
            return new Raw(status, headers, rest);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
