package org.parley.chat.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.parley.chat.api.VisitorOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a visitor's request comes from: the client's address, believing {@code Forwarded} or
 * {@code X-Forwarded-For} only when the direct peer is a configured trusted proxy (anyone can send those headers),
 * and the location from the GeoIP database when one is configured, else from a trusted proxy's location headers.
 */
@Component(service = VisitorOrigins.class, configurationPid = VisitorsConfig.PID)
@Designate(ocd = VisitorsConfig.class)
public class VisitorOrigins {
    private static final Logger LOG = LoggerFactory.getLogger(VisitorOrigins.class);
    /** A {@code for=} parameter of RFC 7239's Forwarded header, quoted or not. */
    private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|[;,\\s])for=(\"[^\"]*\"|[^;,\\s]+)");
    /** Country values that proxies send for "no country" (Cloudflare: XX unknown, T1 Tor). */
    private static final List<String> NO_COUNTRY = List.of("XX", "T1");

    private final TrustedProxies trusted;
    private final GeoIpLocations geoIp;

    @Activate
    public VisitorOrigins(VisitorsConfig config) {
        // A typo must not take the visitors' API down: the entry is left out (trusting less) and logged.
        this(TrustedProxies.of(config.trustedProxies(),
                bad -> LOG.error("Ignoring trusted proxy '{}' in {}: not an IP address or CIDR range", bad,
                        VisitorsConfig.PID)),
                open(config.geoipDatabase()));
    }

    VisitorOrigins(TrustedProxies trusted, GeoIpLocations geoIp) {
        this.trusted = trusted;
        this.geoIp = geoIp;
    }

    private static GeoIpLocations open(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        try {
            GeoIpLocations locations = new GeoIpLocations(new File(path.strip()));
            LOG.info("Visitors' locations from {} ({})", path, locations.type());
            return locations;
        } catch (IOException | RuntimeException e) {
            // Parley still runs: locations fall back to trusted proxies' headers, and the log says why.
            LOG.error("Cannot read the GeoIP database {}; locations come from trusted proxies only", path, e);
            return null;
        }
    }

    @Deactivate
    void deactivate() throws IOException {
        if (geoIp != null) {
            geoIp.close();
        }
    }

    /** The client's address alone (no location look-up): the direct peer, or what a trusted proxy says. */
    String address(HttpServletRequest request) {
        return address(request.getRemoteAddr(), request::getHeaders);
    }

    private String address(String peer, Headers headers) {
        return trusted.contains(peer) ? client(peer, headers) : normalized(peer);
    }

    VisitorOrigin of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request::getHeaders);
    }

    /** Headers by name, every value of each (a request may repeat a header). */
    interface Headers {
        java.util.Enumeration<String> get(String name);
    }

    VisitorOrigin of(String peer, Headers headers) {
        boolean fromTrustedProxy = trusted.contains(peer);
        String ip = address(peer, headers);
        GeoIpLocations.Location location = null;
        if (geoIp != null && ip != null) {
            location = geoIp.locate(ip).orElse(null);
        }
        if (location == null && fromTrustedProxy) {
            String country = Optional.ofNullable(first(headers, "CF-IPCountry")).orElse(first(headers, "X-Country"));
            if (country != null && NO_COUNTRY.contains(country.toUpperCase(java.util.Locale.ROOT))) {
                country = null;
            }
            String city = first(headers, "X-City");
            location = country == null && city == null ? null : new GeoIpLocations.Location(country, city);
        }
        return new VisitorOrigin(ip, first(headers, "User-Agent"), location == null ? null : location.country(),
                location == null ? null : location.city());
    }

    /**
     * The client behind a chain of trusted proxies: from the right of the forwarding chain, the first hop that is not
     * a trusted proxy (each trusted proxy vouches only for the hop before it). Forwarded wins over X-Forwarded-For.
     */
    private String client(String peer, Headers headers) {
        List<String> hops = forwardedFor(headers);
        if (hops.isEmpty()) {
            hops = xForwardedFor(headers);
        }
        String client = normalized(peer);
        for (int i = hops.size() - 1; i >= 0 && trusted.contains(client); i--) {
            String hop = normalized(hops.get(i));
            if (hop == null) {
                break; // "unknown", an obfuscated name or garbage: the last proxy's word is all we have
            }
            client = hop;
        }
        return client;
    }

    private static List<String> forwardedFor(Headers headers) {
        List<String> hops = new ArrayList<>();
        for (String value : all(headers, "Forwarded")) {
            Matcher matcher = FORWARDED_FOR.matcher(value);
            while (matcher.find()) {
                String hop = matcher.group(1).replace("\"", "");
                // RFC 7239: IPv6 in brackets, optionally with a port; IPv4 optionally with a port.
                if (hop.startsWith("[")) {
                    int end = hop.indexOf(']');
                    hop = end < 0 ? hop : hop.substring(1, end);
                } else if (hop.indexOf(':') > 0 && hop.indexOf(':') == hop.lastIndexOf(':')) {
                    hop = hop.substring(0, hop.indexOf(':'));
                }
                hops.add(hop);
            }
        }
        return hops;
    }

    private static List<String> xForwardedFor(Headers headers) {
        List<String> hops = new ArrayList<>();
        for (String value : all(headers, "X-Forwarded-For")) {
            for (String hop : value.split(",")) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    /** The address in its canonical text form, or null when it is not an IP address. */
    static String normalized(String address) {
        byte[] bytes = TrustedProxies.literal(address);
        if (bytes == null) {
            return null;
        }
        try {
            return java.net.InetAddress.getByAddress(bytes).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private static List<String> all(Headers headers, String name) {
        java.util.Enumeration<String> values = headers.get(name);
        return values == null ? List.of() : Collections.list(values);
    }

    private static String first(Headers headers, String name) {
        List<String> values = all(headers, name);
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }
}
