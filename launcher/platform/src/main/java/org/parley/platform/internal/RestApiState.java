package org.parley.platform.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.BaseDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;

/**
 * Whether the REST API serves what is registered: the whiteboard runs, it took every registered resource, and it
 * refused no resource, extension or application. Resources register asynchronously; until the whiteboard has
 * them all, health says the API is still starting rather than claiming UP for an API that answers 404.
 */
final class RestApiState {
    private final BundleContext context;

    RestApiState(BundleContext context) {
        this.context = context;
    }

    Map<String, Object> state(JakartarsServiceRuntime runtime, List<String> reasons) {
        Map<String, Object> state = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (runtime == null) {
            problems.add("The REST API is not running");
        } else {
            RuntimeDTO dto = runtime.getRuntimeDTO();
            int served = dto.defaultApplication == null || dto.defaultApplication.resourceDTOs == null
                    ? 0 : dto.defaultApplication.resourceDTOs.length;
            int registered = registeredResources();
            state.put("resources", served);
            if (served < registered) {
                problems.add("The REST API is still starting (" + served + " of " + registered + " resources)");
            }
            failed("resource", dto.failedResourceDTOs, problems);
            failed("extension", dto.failedExtensionDTOs, problems);
            failed("application", dto.failedApplicationDTOs, problems);
        }
        state.put("status", problems.isEmpty() ? "UP" : "DOWN");
        reasons.addAll(problems);
        return state;
    }

    private int registeredResources() {
        try {
            var references = context.getServiceReferences((String) null, "(osgi.jakartars.resource=true)");
            return references == null ? 0 : references.length;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("Constant filter", e);
        }
    }

    private static void failed(String kind, BaseDTO[] failures, List<String> problems) {
        if (failures == null) {
            return;
        }
        for (BaseDTO failure : failures) {
            problems.add("The REST API refused the " + kind + " " + (failure.name == null ? "#" + failure.serviceId
                    : failure.name));
        }
    }
}
