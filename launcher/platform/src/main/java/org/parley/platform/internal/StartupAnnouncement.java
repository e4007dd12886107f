package org.parley.platform.internal;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.parley.platform.http.LocalAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the line that tells the person starting Parley where to find it, once HTTP is up. */
@Component
public class StartupAnnouncement {
    private static final Logger LOG = LoggerFactory.getLogger(StartupAnnouncement.class);

    @Activate
    public StartupAnnouncement(
            BundleContext context, @Reference(service = HttpServiceRuntime.class) Map<String, Object> http) {
        LOG.info("Parley {} is running at {} (started in {} ms)", context.getBundle().getVersion(),
                address(http.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT)),
                ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /** The addresses people type: localhost, HTTPS first when served, each with the port Jetty bound. */
    static String address(Object endpoints) {
        return String.join(" and ", LocalAddresses.of(endpoints));
    }
}
