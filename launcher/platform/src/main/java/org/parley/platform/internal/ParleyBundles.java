package org.parley.platform.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** The state of Parley's own bundles and their components, for health. */
final class ParleyBundles {
    static final String PREFIX = "org.parley.";

    private final BundleContext context;
    private final ServiceComponentRuntime components;

    ParleyBundles(BundleContext context, ServiceComponentRuntime components) {
        this.context = context;
        this.components = components;
    }

    Map<String, Object> state(List<String> reasons) {
        Map<String, String> states = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name == null || !name.startsWith(PREFIX) || isFragment(bundle)) {
                continue;
            }
            String state = stateName(bundle.getState());
            states.put(name, state);
            if (bundle.getState() != Bundle.ACTIVE) {
                problems.add("Bundle " + name + " is " + state);
            }
        }
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith(PREFIX)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    problems.add("Component " + description.name + " failed to activate: " + configuration.failure);
                } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    List<String> missing = new ArrayList<>();
                    for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                        missing.add(reference.name);
                    }
                    problems.add("Component " + description.name + " is missing " + String.join(", ", missing));
                }
            }
        }
        reasons.addAll(problems);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", problems.isEmpty() ? "UP" : "DOWN");
        state.put("bundles", states);
        if (!problems.isEmpty()) {
            state.put("problems", problems);
        }
        return state;
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String stateName(int state) {
        switch (state) {
            case Bundle.ACTIVE:
                return "ACTIVE";
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.STOPPING:
                return "STOPPING";
            case Bundle.RESOLVED:
                return "RESOLVED";
            case Bundle.INSTALLED:
                return "INSTALLED";
            default:
                return "UNINSTALLED";
        }
    }
}
