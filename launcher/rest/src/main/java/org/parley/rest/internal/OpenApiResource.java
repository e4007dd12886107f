package org.parley.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.osgi.util.tracker.BundleTracker;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 document of the whole API. Each bundle that serves part of the
 * API describes its part in a fragment named by its {@value #HEADER} manifest header; this resource merges the
 * fragments of the active bundles into the base document, so the document follows what is deployed.
 */
@Component(service = OpenApiResource.class)
@JakartarsResource
@JSONRequired
@Path("openapi.json")
public class OpenApiResource {
    /** Manifest header naming a bundle's OpenAPI fragment (a path inside the bundle). */
    public static final String HEADER = "Parley-OpenAPI";

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectNode base;
    private final Map<Long, ObjectNode> fragments = new TreeMap<>();
    private final BundleTracker<Long> tracker;

    @Activate
    public OpenApiResource(BundleContext context) {
        this.base = read(context.getBundle().getEntry("openapi/base.json"));
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public Long addingBundle(Bundle bundle, BundleEvent event) {
                String path = bundle.getHeaders("").get(HEADER);
                URL entry = path == null ? null : bundle.getEntry(path.trim());
                if (entry == null) {
                    return null;
                }
                synchronized (fragments) {
                    fragments.put(bundle.getBundleId(), read(entry));
                }
                return bundle.getBundleId();
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
                synchronized (fragments) {
                    fragments.remove(id);
                }
            }
        };
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode document() {
        synchronized (fragments) {
            return OpenApiDocuments.merge(base, fragments.values());
        }
    }

    private ObjectNode read(URL url) {
        try (InputStream in = url.openStream()) {
            return (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read OpenAPI document " + url, e);
        }
    }
}
