package org.parley.platform.internal;

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

/**
 * Whether Parley serves: the database answers, every Parley bundle and component runs and the REST API serves them.
 * {@code GET /health} shows it ({@link HealthServlet}), and the start waits for it before saying where Parley runs
 * ({@link StartupAnnouncement}).
 */
@Component(service = ParleyHealth.class)
public class ParleyHealth {
    private final ParleyBundles bundles;
    private final StartupProblems problems;
    private final RestApiState api;
    private final String version;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DatabaseService database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile JakartarsServiceRuntime rest;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DatabaseBackups backups;

    @Activate
    public ParleyHealth(
            BundleContext context,
            @Reference StartupProblems problems,
            @Reference ServiceComponentRuntime components) {
        this.problems = problems;
        this.bundles = new ParleyBundles(context, components);
        this.api = new RestApiState(context);
        this.version = context.getBundle().getVersion().toString();
    }

    /**
     * The report {@code /health} answers with: {@code status} UP or DOWN, the version, each part's state and, when
     * DOWN, the {@code reasons}.
     */
    public Map<String, Object> report() {
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
        return body;
    }

    static boolean isUp(Map<String, Object> report) {
        return "UP".equals(report.get("status"));
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
