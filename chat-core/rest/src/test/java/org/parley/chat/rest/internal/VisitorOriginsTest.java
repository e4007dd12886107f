package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.chat.api.VisitorOrigin;

class VisitorOriginsTest {
    private final VisitorOrigins behindProxy =
            new VisitorOrigins(TrustedProxies.of("10.0.0.0/8", "192.0.2.1", "fd00::/8"), null);

    @Test
    void trustedProxiesAreAddressesAndRanges() {
        TrustedProxies trusted = TrustedProxies.of("10.0.0.0/8", " 192.0.2.1 ", "fd00::/8", "");
        assertTrue(trusted.contains("10.200.3.4"));
        assertTrue(trusted.contains("192.0.2.1"));
        assertTrue(trusted.contains("::ffff:192.0.2.1"), "IPv4-mapped IPv6 is the IPv4 address");
        assertTrue(trusted.contains("fd12::1"));
        assertFalse(trusted.contains("11.0.0.1"));
        assertFalse(trusted.contains("192.0.2.2"));
        assertFalse(trusted.contains("proxy.example"), "names are never looked up");
        assertTrue(TrustedProxies.of("10.0.0.1, 10.0.0.2 fd00::/8").contains("10.0.0.2"), "one text, as in a .cfg");
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of("proxy.example"));
    }

    @Test
    void headersFromAnUntrustedPeerAreIgnored() {
        VisitorOrigin origin = behindProxy.of(TestRequests.from("198.51.100.7", "X-Forwarded-For", "203.0.113.9",
                "Forwarded", "for=203.0.113.10", "CF-IPCountry", "DE", "X-City", "Berlin", "User-Agent", "UA/1"));
        assertEquals("198.51.100.7", origin.ip(), "a spoofed X-Forwarded-For from an untrusted peer is ignored");
        assertNull(origin.country());
        assertNull(origin.city());
        assertEquals("UA/1", origin.userAgent());

        VisitorOrigin trustingNobody = new VisitorOrigins(TrustedProxies.of(), null)
                .of(TestRequests.from("10.0.0.1", "X-Forwarded-For", "203.0.113.9"));
        assertEquals("10.0.0.1", trustingNobody.ip());
    }

    @Test
    void aTrustedProxyVouchesForTheHopBeforeIt() {
        assertEquals("203.0.113.9", behindProxy.of(TestRequests.from("10.0.0.1",
                "X-Forwarded-For", "203.0.113.9")).ip());
        // The visitor sent a forged header; the proxy appended the address it saw. Only that one counts.
        assertEquals("203.0.113.9", behindProxy.of(TestRequests.from("10.0.0.1",
                "X-Forwarded-For", "1.2.3.4, 203.0.113.9")).ip());
        // Two trusted proxies in a row.
        assertEquals("203.0.113.9", behindProxy.of(TestRequests.from("10.0.0.1",
                "X-Forwarded-For", "1.2.3.4, 203.0.113.9, 10.0.0.2")).ip());
        assertEquals("10.0.0.1", behindProxy.of(TestRequests.from("10.0.0.1",
                "X-Forwarded-For", "not-an-address")).ip(), "garbage leaves the proxy's own address");
        assertEquals("2001:db8:0:0:0:0:0:1", behindProxy.of(TestRequests.from("10.0.0.1",
                "Forwarded", "for=\"[2001:db8::1]:4711\";proto=https, for=10.0.0.3",
                "X-Forwarded-For", "1.2.3.4")).ip(), "Forwarded (RFC 7239) wins over X-Forwarded-For");
        assertEquals("203.0.113.9", behindProxy.of(TestRequests.from("10.0.0.1",
                "Forwarded", "for=203.0.113.9:1234")).ip());
    }

    @Test
    void locationHeadersCountOnlyFromTrustedProxies() {
        VisitorOrigin origin = behindProxy.of(TestRequests.from("10.0.0.1", "X-Forwarded-For", "203.0.113.9",
                "CF-IPCountry", "DE", "X-City", "Berlin"));
        assertEquals("DE", origin.country());
        assertEquals("Berlin", origin.city());
        VisitorOrigin unknown = behindProxy.of(TestRequests.from("10.0.0.1", "CF-IPCountry", "XX"));
        assertNull(unknown.country(), "Cloudflare's XX means unknown");
        assertEquals("CZ", behindProxy.of(TestRequests.from("10.0.0.1", "X-Country", "CZ")).country());
    }

    @Test
    void aGeoIpDatabaseFileLocatesAddresses(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("GeoLite2-City-Test.mmdb");
        Files.write(file, new TestMmdb()
                .add("203.0.113.0/24", Map.of(
                        "country", Map.of("iso_code", "DE", "names", Map.of("en", "Germany")),
                        "city", Map.of("names", Map.of("en", "Berlin", "de", "Berlin"))))
                .add("198.51.100.0/24", Map.of("country", Map.of("iso_code", "FR")))
                .add("2001:db8::/32", Map.of("country", Map.of("iso_code", "JP"),
                        "city", Map.of("names", Map.of("en", "Tokyo"))))
                .toBytes("GeoLite2-City"));
        try (GeoIpLocations locations = new GeoIpLocations(file.toFile())) {
            assertEquals("GeoLite2-City", locations.type());
            assertEquals(new GeoIpLocations.Location("DE", "Berlin"), locations.locate("203.0.113.77").orElseThrow());
            assertEquals(new GeoIpLocations.Location("FR", null), locations.locate("198.51.100.1").orElseThrow());
            assertEquals(new GeoIpLocations.Location("JP", "Tokyo"), locations.locate("2001:db8::5").orElseThrow());
            assertTrue(locations.locate("192.0.2.1").isEmpty(), "not in the database: unknown");
            assertTrue(locations.locate("garbage").isEmpty());

            // The database wins over a trusted proxy's headers; an untrusted peer is located by its own address.
            VisitorOrigins origins = new VisitorOrigins(TrustedProxies.of("10.0.0.0/8"), locations);
            VisitorOrigin proxied = origins.of(TestRequests.from("10.0.0.1", "X-Forwarded-For", "203.0.113.9",
                    "CF-IPCountry", "US"));
            assertEquals("DE", proxied.country());
            assertEquals("Berlin", proxied.city());
            VisitorOrigin direct = origins.of(TestRequests.from("198.51.100.4", "X-Forwarded-For", "203.0.113.9"));
            assertEquals("198.51.100.4", direct.ip());
            assertEquals("FR", direct.country());
            assertEquals("US", origins.of(TestRequests.from("10.0.0.1", "X-Forwarded-For", "192.0.2.1",
                    "CF-IPCountry", "US")).country(), "not in the database: the proxy's header");
        }
    }

    @Test
    void userAgentsGiveOperatingSystemAndBrowserWithVersions() {
        UserAgents agents = new UserAgents();
        UserAgents.Parsed chrome = agents.parse("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36");
        assertEquals(new UserAgents.Software("Windows", "10"), chrome.os());
        assertEquals(new UserAgents.Software("Chrome", "124.0.0"), chrome.browser());
        UserAgents.Parsed iphone = agents.parse("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1");
        assertEquals(new UserAgents.Software("iOS", "17.4.1"), iphone.os());
        assertEquals(new UserAgents.Software("Mobile Safari", "17.4"), iphone.browser());
        assertEquals(new UserAgents.Software(null, null), agents.parse("curl-like/1").os());
        assertEquals(new UserAgents.Software(null, null), agents.parse(null).browser());
    }
}
