package org.parley.platform.internal;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
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

    /** The address people type: localhost and the port Jetty bound (which differs from the option for port 0). */
    static String address(Object endpoints) {
        String first = endpoints instanceof String[] list && list.length > 0 ? list[0]
                : endpoints instanceof Iterable<?> items && items.iterator().hasNext() ? String.valueOf(items.iterator().next())
                : String.valueOf(endpoints);
        try {
            int port = URI.create(first).getPort();
            return "http://localhost:" + (port < 0 ? 80 : port) + "/";
        } catch (IllegalArgumentException e) {
            return first;
        }
    }
}
