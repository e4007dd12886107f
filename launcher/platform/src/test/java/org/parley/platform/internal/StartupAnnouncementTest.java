package org.parley.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupAnnouncementTest {

    @Test
    void namesLocalhostAndTheBoundPort() {
        assertEquals("http://localhost:41234/", StartupAnnouncement.address(new String[] {"http://192.168.1.5:41234/"}));
        assertEquals("http://localhost:8080/", StartupAnnouncement.address(List.of("http://0.0.0.0:8080/")));
        assertEquals("http://localhost:9090/", StartupAnnouncement.address("http://10.0.0.1:9090/"));
        assertEquals("https://localhost:8443/ and http://localhost:8080/",
                StartupAnnouncement.address(List.of("http://0.0.0.0:8080/", "https://0.0.0.0:8443/")),
                "HTTPS first, with its scheme");
        assertEquals("https://localhost:443/", StartupAnnouncement.address(new String[] {"https://shop.example/"}));
    }
}
