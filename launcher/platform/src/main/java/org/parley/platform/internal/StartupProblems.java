package org.parley.platform.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Problems that make Parley unfit to run (a schema newer than the code). Health reports them; inside Parley's own
 * launcher they also stop the process, because serving from such a database could corrupt it. In a shared host
 * (Karaf, AEM) the host keeps running and only health turns DOWN.
 */
@Component(service = StartupProblems.class)
public class StartupProblems {
    /** Framework property set by Parley's own launcher (not by shared hosts): Parley owns the process. */
    static final String LAUNCHER = "parley.launcher";
    static final int EXIT_CODE = 3;
    private static final Logger LOG = LoggerFactory.getLogger(StartupProblems.class);

    private final List<String> fatal = new CopyOnWriteArrayList<>();
    private final boolean exitOnFatal;

    @Activate
    public StartupProblems(BundleContext context) {
        this.exitOnFatal = Boolean.parseBoolean(context.getProperty(LAUNCHER));
    }

    void reportFatal(String problem) {
        fatal.add(problem);
        LOG.error("{}", problem);
        if (exitOnFatal) {
            LOG.error("Parley refuses to start (exit code {})", EXIT_CODE);
            // Exit from a thread of our own: System.exit blocks, and the shutdown it starts needs this one free.
            Thread exit = new Thread(() -> System.exit(EXIT_CODE), "parley-fatal-exit");
            exit.start();
        }
    }

    List<String> fatal() {
        return List.copyOf(fatal);
    }
}
