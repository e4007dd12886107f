package org.parley.platform.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses a person on this machine types to reach Parley, made from the HTTP runtime's
 * {@code osgi.http.endpoint} property: localhost, with each endpoint's scheme and the port Jetty bound (which
 * differs from the configured one for port 0). HTTPS comes first when Parley serves it.
 */
public final class LocalAddresses {
    private LocalAddresses() {}

    /** @param endpoints the property's value: a String, a String[] or a collection of them */
    public static List<String> of(Object endpoints) {
        List<String> https = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String endpoint : list(endpoints)) {
            try {
                URI uri = URI.create(endpoint.strip());
                boolean secure = "https".equalsIgnoreCase(uri.getScheme());
                int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
                String address = (secure ? "https" : "http") + "://localhost:" + port + "/";
                List<String> kind = secure ? https : others;
                if (!kind.contains(address)) {
                    kind.add(address);
                }
            } catch (IllegalArgumentException e) {
                others.add(endpoint);
            }
        }
        https.addAll(others);
        return https;
    }

    /** The address to hand out: HTTPS when Parley serves it, else HTTP; {@code fallback} when there is none. */
    public static String preferred(Object endpoints, String fallback) {
        List<String> addresses = of(endpoints);
        return addresses.isEmpty() ? fallback : addresses.get(0);
    }

    private static List<String> list(Object endpoints) {
        List<String> list = new ArrayList<>();
        if (endpoints instanceof String[] array) {
            list.addAll(List.of(array));
        } else if (endpoints instanceof Iterable<?> items) {
            items.forEach(item -> list.add(String.valueOf(item)));
        } else if (endpoints != null) {
            list.add(String.valueOf(endpoints));
        }
        return list;
    }
}
