package org.parley.chat.rest.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Lets the widget, running on the shop's pages (another origin), call the visitors' part of the API: CORS for
 * {@code /api/v1/visitors…}, {@code /api/v1/conversations…}, {@code /api/v1/widget/…} and the event stream's
 * {@code /api/v1/stream/…} only. The agents' API gets no CORS headers: it is for the workspace on Parley's own
 * origin. Visitors authenticate with a bearer token, so no credentials (cookies) are allowed across origins. Preflight requests are answered here, before any resource is matched.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class},
        configurationPid = WidgetConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WidgetConfiguration.class)
@JakartarsExtension
@JakartarsName("parley.visitor-cors")
@PreMatching
@Provider
public class VisitorApiCors implements ContainerRequestFilter, ContainerResponseFilter {
    static final String METHODS = "GET, POST, PUT, DELETE";
    static final String HEADERS = "Authorization, Content-Type";

    private volatile Set<String> allowed;

    @Activate
    public VisitorApiCors(WidgetConfiguration configuration) {
        configure(configuration);
    }

    @Modified
    void configure(WidgetConfiguration configuration) {
        allowed = Arrays.stream(configuration.allowedOrigins())
                .map(origin -> origin.trim().toLowerCase(Locale.ROOT))
                .map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
                .filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean allows(String origin) {
        return allowed.contains("*") || allowed.contains(origin.toLowerCase(Locale.ROOT));
    }

    /** The visitors' resources: what the widget calls. */
    static boolean forVisitors(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals("visitors") || p.startsWith("visitors/") || p.equals("conversations")
                || p.startsWith("conversations/") || p.startsWith("widget/") || p.startsWith("stream/");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null;
        if (!preflight || origin == null || !forVisitors(request.getUriInfo().getPath())) {
            return;
        }
        if (!allows(origin)) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).header("Vary", "Origin").build());
            return;
        }
        request.abortWith(Response.noContent()
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", METHODS)
                .header("Access-Control-Allow-Headers", HEADERS)
                .header("Access-Control-Max-Age", "600")
                .header("Vary", "Origin")
                .build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (origin == null || headers.containsKey("Access-Control-Allow-Origin")
                || !forVisitors(request.getUriInfo().getPath())) {
            return;
        }
        headers.add("Vary", "Origin");
        if (allows(origin)) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.putSingle("Access-Control-Expose-Headers", "Location, Retry-After");
        }
    }
}
