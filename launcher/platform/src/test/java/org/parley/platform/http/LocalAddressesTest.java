package org.parley.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalAddressesTest {

    @Test
    void localhostWithEachEndpointsSchemeAndPortHttpsFirst() {
        assertEquals(List.of("https://localhost:8443/", "http://localhost:8080/"),
                LocalAddresses.of(new String[] {"http://192.168.1.5:8080/", "https://192.168.1.5:8443/",
                        "http://10.0.0.7:8080/"}), "one address per scheme and port");
        assertEquals(List.of("http://localhost:80/"), LocalAddresses.of("http://shop.example/"));
        assertEquals(List.of(), LocalAddresses.of(null));
    }

    @Test
    void thePreferredAddressIsHttpsWhenServedElseHttpElseTheFallback() {
        assertEquals("https://localhost:8443/",
                LocalAddresses.preferred(List.of("http://0.0.0.0:8080/", "https://0.0.0.0:8443/"), "x"));
        assertEquals("http://localhost:41234/", LocalAddresses.preferred(List.of("http://0.0.0.0:41234/"), "x"));
        assertEquals("http://localhost:8080/", LocalAddresses.preferred(new String[0], "http://localhost:8080/"));
    }
}
