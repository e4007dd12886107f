package org.parley.chat.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** HTTP requests as the resources see them, for calls without HTTP: the peer's address and headers. */
final class TestRequests {
    private TestRequests() {}

    /** A request from {@code peer} with these headers (name, value, name, value, …). */
    static HttpServletRequest from(String peer, String... headers) {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < headers.length; i += 2) {
            byName.computeIfAbsent(headers[i], name -> new java.util.ArrayList<>()).add(headers[i + 1]);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(TestRequests.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeaders" -> Collections.enumeration(byName.getOrDefault((String) args[0], List.of()));
                    case "getHeader" -> byName.getOrDefault((String) args[0], List.of()).stream().findFirst()
                            .orElse(null);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
