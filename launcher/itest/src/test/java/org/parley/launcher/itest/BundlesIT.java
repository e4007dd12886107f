package org.parley.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** Every Parley bundle in the runtime is active, and none of its components failed or misses a service. */
class BundlesIT {
    private static final String PREFIX = "org.parley.";
    /** Components settle shortly after the framework has started (the database migrates, Jetty starts). */
    private static final long SETTLE_MILLIS = 30_000;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = SETTLE_MILLIS)
    ServiceComponentRuntime components;

    @Test
    void theRuntimeHoldsParleysBundles() {
        Set<String> names = new TreeSet<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith(PREFIX)) {
                names.add(bundle.getSymbolicName());
            }
        }
        for (String expected : List.of("org.parley.platform", "org.parley.rest", "org.parley.chat.api",
                "org.parley.chat", "org.parley.chat.rest", "org.parley.agent.api", "org.parley.agent",
                "org.parley.agent.rest")) {
            assertTrue(names.contains(expected), expected + " is installed: " + names);
        }
    }

    @Test
    void everyParleyBundleIsActiveAndNoComponentFailed() throws InterruptedException {
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        List<String> problems = problems();
        while (!problems.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            problems = problems();
        }
        assertEquals(List.of(), problems);
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name != null && name.startsWith(PREFIX) && !isFragment(bundle) && bundle.getState() != Bundle.ACTIVE) {
                problems.add("bundle " + name + " is in state " + bundle.getState());
            }
        }
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith(PREFIX)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    problems.add("component " + description.name + " failed to activate: " + configuration.failure);
                } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    List<String> missing = new ArrayList<>();
                    for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                        missing.add(reference.name + " " + reference.target);
                    }
                    problems.add("component " + description.name + " misses " + missing);
                }
            }
        }
        return problems;
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }
}
