package org.parley.launcher.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A shop's page on another origin (127.0.0.1 on its own port, where Parley is localhost), with the snippet pasted
 * from the Chat widget page and styles that would spoil a widget that shared the page's CSS.
 */
final class ShopSite implements AutoCloseable {
    private final HttpServer server;

    private ShopSite(HttpServer server) {
        this.server = server;
    }

    static ShopSite serving(String snippet) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String page = """
                    <!doctype html>
                    <html><head><meta charset="utf-8"><title>Demo shop</title>
                    <style>
                      body { font-family: serif; background: rgb(255, 250, 240); }
                      button { background: rgb(255, 0, 0) !important; font-size: 40px; }
                      ol, li { color: rgb(0, 128, 0); }
                    </style></head>
                    <body><h1 id="shop-title">Demo shop</h1><button id="shop-button">Buy</button>
                    %s
                    </body></html>
                    """.formatted(snippet);
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new ShopSite(server);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
