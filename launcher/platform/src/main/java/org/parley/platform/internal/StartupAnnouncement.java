package org.parley.platform.internal;

import java.lang.management.ManagementFactory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the line that tells the person starting Parley where to find it, once HTTP is up. */
@Component
public class StartupAnnouncement {
    private static final Logger LOG = LoggerFactory.getLogger(StartupAnnouncement.class);

    @Activate
    public StartupAnnouncement(BundleContext context, @Reference HttpServiceRuntime http) {
        String port = context.getProperty("org.osgi.service.http.port");
        LOG.info("Parley {} is running at http://localhost:{}/ (started in {} ms)", context.getBundle().getVersion(),
                port == null ? "8080" : port, ManagementFactory.getRuntimeMXBean().getUptime());
    }
}
