package org.parley.platform.internal;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.osgi.service.servlet.runtime.dto.RuntimeDTO;
import org.parley.platform.http.LocalAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the line that tells the person starting Parley where to find it, once Parley serves: {@code /health} is
 * registered and says UP. HTTP comes up a few seconds before the REST API has all its resources, and a line printed
 * then sent people to pages that answered 404.
 */
@Component
public class StartupAnnouncement {
    private static final Logger LOG = LoggerFactory.getLogger(StartupAnnouncement.class);
    /** How long the start may take before the line is logged anyway, with what is still missing. */
    static final long PATIENCE_MILLIS = TimeUnit.MINUTES.toMillis(2);
    private static final long POLL_MILLIS = 50;

    private final Thread waiting;

    @Activate
    public StartupAnnouncement(BundleContext context, @Reference ParleyHealth health,
            @Reference HttpServiceRuntime runtime,
            @Reference(service = HttpServiceRuntime.class) Map<String, Object> http) {
        String version = context.getBundle().getVersion().toString();
        List<String> addresses = LocalAddresses.of(http.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT));
        String address = String.join(" and ", addresses);
        BooleanSupplier serving = () -> servesHealth(runtime.getRuntimeDTO()) && ParleyHealth.isUp(health.report());
        waiting = new Thread(() -> announce(serving, PATIENCE_MILLIS,
                () -> LOG.warn("Parley {} started at {} but does not serve yet after {} s: {} (see {}health)", version,
                        address, PATIENCE_MILLIS / 1000,
                        health.report().getOrDefault("reasons", "/health is not registered yet"),
                        addresses.isEmpty() ? "/" : addresses.get(0)),
                () -> LOG.info("Parley {} is running at {} (started in {} ms)", version, address,
                        ManagementFactory.getRuntimeMXBean().getUptime())), "parley-startup-announcement");
        waiting.setDaemon(true);
        waiting.start();
    }

    @Deactivate
    void deactivate() {
        waiting.interrupt();
    }

    /**
     * Says {@code running} once Parley serves. When that takes longer than {@code patienceMillis}, says
     * {@code notYet} first, then goes on waiting (a database that comes back, say). Says nothing more once
     * interrupted.
     */
    static void announce(BooleanSupplier serving, long patienceMillis, Runnable notYet, Runnable running) {
        if (!await(serving, patienceMillis)) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            notYet.run();
            if (!await(serving, TimeUnit.DAYS.toMillis(36_500))) { // until stopped
                return;
            }
        }
        running.run();
    }

    /** Whether {@code ready} became true within {@code patienceMillis}; false at once when interrupted. */
    static boolean await(BooleanSupplier ready, long patienceMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(patienceMillis);
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether the HTTP runtime serves a servlet at {@code /health}. */
    static boolean servesHealth(RuntimeDTO runtime) {
        return runtime.servletContextDTOs != null && Arrays.stream(runtime.servletContextDTOs)
                .filter(context -> context.servletDTOs != null)
                .flatMap(context -> Arrays.stream(context.servletDTOs))
                .anyMatch(servlet -> servlet.patterns != null && List.of(servlet.patterns).contains("/health"));
    }

    /** The addresses people type: localhost, HTTPS first when served, each with the port Jetty bound. */
    static String address(Object endpoints) {
        return String.join(" and ", LocalAddresses.of(endpoints));
    }
}
