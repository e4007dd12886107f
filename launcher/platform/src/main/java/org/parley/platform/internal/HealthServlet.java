package org.parley.platform.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /health}: 200 with {@code "status":"UP"} when the database answers, every Parley bundle and
 * component runs and the REST API serves them; 503 with {@code "status":"DOWN"} and the reasons otherwise.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/health")
public class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient ParleyBundles bundles;
    private final transient StartupProblems problems;
    private final String version;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DatabaseService database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile JakartarsServiceRuntime rest;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DatabaseBackups backups;

    private final transient RestApiState api;

    @Activate
    public HealthServlet(
            BundleContext context,
            @Reference StartupProblems problems,
            @Reference ServiceComponentRuntime components) {
        this.problems = problems;
        this.bundles = new ParleyBundles(context, components);
        this.api = new RestApiState(context);
        this.version = context.getBundle().getVersion().toString();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> reasons = new ArrayList<>(problems.fatal());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("version", version);
        body.put("database", databaseState(reasons));
        body.put("bundles", bundles.state(reasons));
        body.put("api", api.state(rest, reasons));
        DatabaseBackups currentBackups = backups;
        if (currentBackups != null) {
            // Shown for monitoring, never a reason for DOWN: Parley serves chats whatever last night's backup did.
            body.put("backups", currentBackups.state());
        }
        if (!reasons.isEmpty()) {
            body.put("status", "DOWN");
            body.put("reasons", reasons);
        }
        response.setStatus(reasons.isEmpty() ? 200 : 503);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), body);
    }

    private Map<String, Object> databaseState(List<String> reasons) {
        Map<String, Object> state = new LinkedHashMap<>();
        DatabaseService current = database;
        if (current == null) {
            state.put("status", "DOWN");
            reasons.add("The database is not configured or failed to start (see the log)");
            return state;
        }
        state.put("product", current.product());
        boolean reachable = current.isReachable();
        state.put("status", reachable ? "UP" : "DOWN");
        if (!reachable) {
            reasons.add("The database is unreachable");
        }
        return state;
    }
}
