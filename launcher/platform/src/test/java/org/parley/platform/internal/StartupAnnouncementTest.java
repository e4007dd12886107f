package org.parley.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.dto.RuntimeDTO;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;

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

    @Test
    void waitsUntilParleyServesAndGivesUpAfterItsPatience() {
        AtomicInteger asked = new AtomicInteger();
        assertTrue(StartupAnnouncement.await(() -> asked.incrementAndGet() >= 3, 10_000));
        assertEquals(3, asked.get(), "asked again until ready, then no more");

        long start = System.nanoTime();
        assertFalse(StartupAnnouncement.await(() -> false, 200));
        assertTrue(System.nanoTime() - start >= 200_000_000L, "not before its patience ran out");
    }

    @Test
    void aSlowStartIsToldOnceThenTheLineComesWhenParleyServes() {
        List<String> said = new ArrayList<>();
        long servingFrom = System.nanoTime() + 300_000_000L;
        StartupAnnouncement.announce(() -> System.nanoTime() >= servingFrom, 100, () -> said.add("not yet"),
                () -> said.add("running"));
        assertEquals(List.of("not yet", "running"), said);

        said.clear();
        StartupAnnouncement.announce(() -> true, 100, () -> said.add("not yet"), () -> said.add("running"));
        assertEquals(List.of("running"), said, "a prompt start is told once");
    }

    @Test
    void stopsWaitingWhenStopped() throws InterruptedException {
        AtomicBoolean answer = new AtomicBoolean(true);
        Thread waiting = new Thread(() -> answer.set(StartupAnnouncement.await(() -> false, 60_000)));
        waiting.start();
        waiting.interrupt();
        waiting.join(5_000);
        assertFalse(waiting.isAlive(), "an interrupt ends the wait");
        assertFalse(answer.get());

        List<String> said = new CopyOnWriteArrayList<>();
        Thread announcing = new Thread(() -> StartupAnnouncement.announce(() -> false, 60_000,
                () -> said.add("not yet"), () -> said.add("running")));
        announcing.start();
        announcing.interrupt();
        announcing.join(5_000);
        assertFalse(announcing.isAlive());
        assertEquals(List.of(), said, "a Parley stopped while starting says nothing");
    }

    @Test
    void healthIsServedOnlyOnceItsServletIsRegistered() {
        RuntimeDTO runtime = new RuntimeDTO();
        assertFalse(StartupAnnouncement.servesHealth(runtime), "no context yet");
        ServletContextDTO context = new ServletContextDTO();
        context.servletDTOs = new ServletDTO[] {servlet("/api/*")};
        runtime.servletContextDTOs = new ServletContextDTO[] {context};
        assertFalse(StartupAnnouncement.servesHealth(runtime), "other servlets only");
        context.servletDTOs = new ServletDTO[] {servlet("/api/*"), servlet("/health")};
        assertTrue(StartupAnnouncement.servesHealth(runtime));
    }

    private static ServletDTO servlet(String pattern) {
        ServletDTO servlet = new ServletDTO();
        servlet.patterns = new String[] {pattern};
        return servlet;
    }
}
