package org.parley.platform.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In Parley's own launcher, Ctrl+C and SIGTERM stop the OSGi framework before the JVM exits, so every component
 * deactivates in order and the database is closed cleanly. Shared hosts (Karaf, AEM) shut down on their own terms,
 * so the hook is only installed when the launcher set the {@code parley.launcher} framework property.
 */
@Component
public class LauncherShutdown {
    static final long STOP_TIMEOUT_MILLIS = 9_000;
    private static final Logger LOG = LoggerFactory.getLogger(LauncherShutdown.class);

    private final Thread hook;

    @Activate
    public LauncherShutdown(BundleContext context) {
        Bundle system = context.getBundle(0);
        if (!Boolean.parseBoolean(context.getProperty(StartupProblems.LAUNCHER)) || !(system instanceof Framework)) {
            hook = null;
            return;
        }
        Framework framework = (Framework) system;
        hook = new Thread(() -> stop(framework), "parley-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Kept referenced: java.util.logging holds loggers weakly. */
    private static final java.util.List<java.util.logging.Logger> SILENCED = new java.util.ArrayList<>();

    private static void stop(Framework framework) {
        LOG.info("Shutting down");
        // While bundles stop in order, the REST whiteboard reports each extension and Jersey bundle that leaves
        // before it as an error; on a deliberate shutdown those lines only alarm.
        for (String name : new String[] {"jersey", "runtime.check"}) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(java.util.logging.Level.OFF);
            SILENCED.add(logger);
        }
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MILLIS);
            LOG.info("Stopped");
        } catch (BundleException | InterruptedException e) {
            LOG.warn("The framework did not stop cleanly", e);
        }
    }

    @Deactivate
    void deactivate() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: this deactivation is part of it.
            }
        }
    }
}
