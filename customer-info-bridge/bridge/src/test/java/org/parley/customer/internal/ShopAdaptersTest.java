package org.parley.customer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.customer.spi.CustomerInfoProvider;
import org.parley.customer.spi.CustomerLookup;

class ShopAdaptersTest {
    private final ShopAdapters adapters = new ShopAdapters();

    @Test
    void findsAdaptersByPlatformAndForgetsThem() {
        CustomerInfoProvider woo = adapter();
        assertEquals("woocommerce", adapters.add(woo, properties("woocommerce", 0, 1L)));
        assertSame(woo, adapters.forPlatform("woocommerce").orElseThrow());
        assertTrue(adapters.forPlatform("shopify").isEmpty());
        assertEquals("woocommerce", adapters.remove(woo));
        assertTrue(adapters.forPlatform("woocommerce").isEmpty());
        assertNull(adapters.remove(woo));
    }

    @Test
    void theHighestRankingAnswersAndTheOthersStandBy() {
        CustomerInfoProvider first = adapter();
        CustomerInfoProvider ranked = adapter();
        CustomerInfoProvider later = adapter();
        adapters.add(first, properties("woocommerce", 0, 5L));
        adapters.add(later, properties("woocommerce", 0, 9L));
        assertSame(first, adapters.forPlatform("woocommerce").orElseThrow(), "same ranking: the older service");
        adapters.add(ranked, properties("woocommerce", 10, 12L));
        assertSame(ranked, adapters.forPlatform("woocommerce").orElseThrow());
        adapters.remove(ranked);
        adapters.remove(first);
        assertSame(later, adapters.forPlatform("woocommerce").orElseThrow());
    }

    @Test
    void ignoresAdaptersWithoutAPlatform() {
        assertNull(adapters.add(adapter(), Map.of()));
        assertNull(adapters.add(adapter(), Map.of(CustomerInfoProvider.PLATFORM_PROPERTY, new String[] {"a", "b"})));
        assertNull(adapters.add(adapter(), Map.of(CustomerInfoProvider.PLATFORM_PROPERTY, " ")));
    }

    static Map<String, Object> properties(String platform, int ranking, long serviceId) {
        return Map.of(CustomerInfoProvider.PLATFORM_PROPERTY, platform, "service.ranking", ranking,
                "service.id", serviceId);
    }

    /** A distinct object per call (a lambda capturing nothing would be one shared instance). */
    private static CustomerInfoProvider adapter() {
        Object identity = new Object();
        return reference -> CustomerLookup.notFound("test adapter " + identity);
    }
}
