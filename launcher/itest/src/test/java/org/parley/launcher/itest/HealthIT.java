package org.parley.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/** {@code GET /health} of the platform bundle, served by the Jetty inside the framework. */
class HealthIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    ServiceAware<HttpServiceRuntime> httpRuntime;

    @Test
    void healthIsUpWithTheDatabase() throws Exception {
        ParleyHttp http = ParleyHttp.awaitApi(httpRuntime.getServiceReference());

        ParleyHttp.Answer health = http.send("GET", "/health", null, null);

        assertEquals(200, health.status(), health.raw());
        assertEquals("UP", health.body().path("status").asText(), health.raw());
        assertEquals("UP", health.body().at("/database/status").asText(), health.raw());
        assertEquals("H2", health.body().at("/database/product").asText(), health.raw());
        assertEquals("UP", health.body().at("/bundles/status").asText(), health.raw());
        assertEquals("ACTIVE", health.body().at("/bundles/bundles/org.parley.chat").asText(), health.raw());
        // The embedded H2 database lives in the data folder the run description gives (under target/).
        Path database = Path.of(context.getProperty("parley.data"), "db", "parley.mv.db");
        assertTrue(Files.isRegularFile(database), database + " exists");
    }
}
