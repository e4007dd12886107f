package org.parley.customer.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Constants;
import org.parley.customer.spi.CustomerInfoProvider;

/**
 * The running shop adapters by platform. When several serve one platform (two shops of one kind), the one with the
 * highest service ranking answers and the others stand by, as OSGi ranks services. Thread-safe.
 */
final class ShopAdapters {
    private record Adapter(CustomerInfoProvider provider, int ranking, long serviceId) {}

    private static final Comparator<Adapter> BEST_FIRST = Comparator.comparingInt(Adapter::ranking)
            .reversed()
            .thenComparingLong(Adapter::serviceId);

    private final Map<String, List<Adapter>> byPlatform = new HashMap<>();

    /**
     * Adds the adapter under its {@value CustomerInfoProvider#PLATFORM_PROPERTY} property.
     *
     * @return the platform, or null when the property is missing or not a single string
     */
    synchronized String add(CustomerInfoProvider provider, Map<String, ?> properties) {
        Object platform = properties.get(CustomerInfoProvider.PLATFORM_PROPERTY);
        if (!(platform instanceof String name) || name.isBlank()) {
            return null;
        }
        List<Adapter> adapters = byPlatform.computeIfAbsent(name, p -> new ArrayList<>());
        adapters.add(new Adapter(provider, intProperty(properties, Constants.SERVICE_RANKING, 0),
                longProperty(properties, Constants.SERVICE_ID)));
        adapters.sort(BEST_FIRST);
        return name;
    }

    /** Removes the adapter wherever it is; returns its platform, or null when it was not here. */
    synchronized String remove(CustomerInfoProvider provider) {
        for (Map.Entry<String, List<Adapter>> platform : byPlatform.entrySet()) {
            if (platform.getValue().removeIf(adapter -> adapter.provider() == provider)) {
                String name = platform.getKey();
                if (platform.getValue().isEmpty()) {
                    byPlatform.remove(name);
                }
                return name;
            }
        }
        return null;
    }

    /** The adapter that answers for the platform, if one is running. */
    synchronized Optional<CustomerInfoProvider> forPlatform(String platform) {
        List<Adapter> adapters = byPlatform.get(platform);
        return adapters == null ? Optional.empty() : Optional.of(adapters.get(0).provider());
    }

    private static int intProperty(Map<String, ?> properties, String key, int fallback) {
        return properties.get(key) instanceof Integer value ? value : fallback;
    }

    private static long longProperty(Map<String, ?> properties, String key) {
        return properties.get(key) instanceof Long value ? value : Long.MAX_VALUE;
    }
}
