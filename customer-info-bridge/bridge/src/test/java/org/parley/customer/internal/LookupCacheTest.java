package org.parley.customer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.parley.customer.spi.CustomerInfoProvider;
import org.parley.customer.spi.CustomerLookup;
import org.parley.customer.spi.CustomerRecord;
import org.parley.customer.spi.CustomerReference;
import org.parley.platform.testing.MovableClock;

class LookupCacheTest {
    private static final CustomerReference JOHN = CustomerReference.byId("woocommerce", "25");
    private static final CustomerInfoProvider ADAPTER = reference -> CustomerLookup.notFound("unused");
    private static final CustomerLookup FOUND =
            CustomerLookup.found(new CustomerRecord("25", "John Doe", null, null, null, 0, null, null));

    private final MovableClock clock = new MovableClock();
    private final LookupCache cache = new LookupCache(clock, Duration.ofSeconds(60), Duration.ofSeconds(10), 2);
    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void reusesAnAnswerUntilItExpires() {
        Function<CustomerReference, CompletableFuture<CustomerLookup>> ask = answering(FOUND);
        cache.get(JOHN, ADAPTER, ask);
        clock.advance(Duration.ofSeconds(59));
        cache.get(JOHN, ADAPTER, ask);
        assertEquals(1, asked.get());
        clock.advance(Duration.ofSeconds(2));
        cache.get(JOHN, ADAPTER, ask);
        assertEquals(2, asked.get());
    }

    @Test
    void retriesAnUnavailableShopSooner() {
        Function<CustomerReference, CompletableFuture<CustomerLookup>> ask =
                answering(CustomerLookup.unavailable("down"));
        cache.get(JOHN, ADAPTER, ask);
        clock.advance(Duration.ofSeconds(11));
        cache.get(JOHN, ADAPTER, ask);
        assertEquals(2, asked.get());
    }

    @Test
    void sharesARunningLookupHoweverLongItTakes() {
        CompletableFuture<CustomerLookup> running = new CompletableFuture<>();
        Function<CustomerReference, CompletableFuture<CustomerLookup>> ask = reference -> {
            asked.incrementAndGet();
            return running;
        };
        assertSame(running, cache.get(JOHN, ADAPTER, ask));
        clock.advance(Duration.ofMinutes(5));
        assertSame(running, cache.get(JOHN, ADAPTER, ask));
        assertEquals(1, asked.get());
    }

    @Test
    void anotherAdapterAsksAfresh() {
        cache.get(JOHN, ADAPTER, answering(FOUND));
        cache.get(JOHN, reference -> FOUND, answering(FOUND));
        assertEquals(2, asked.get());
    }

    @Test
    void staysWithinItsSizeAndForgetsPlatforms() {
        Function<CustomerReference, CompletableFuture<CustomerLookup>> ask = answering(FOUND);
        cache.get(JOHN, ADAPTER, ask);
        cache.get(CustomerReference.byId("woocommerce", "26"), ADAPTER, ask);
        cache.get(CustomerReference.byId("shopify", "1"), ADAPTER, ask);
        assertEquals(2, cache.size());
        cache.forget("woocommerce");
        assertEquals(1, cache.size());
    }

    private Function<CustomerReference, CompletableFuture<CustomerLookup>> answering(CustomerLookup lookup) {
        return reference -> {
            asked.incrementAndGet();
            return CompletableFuture.completedFuture(lookup);
        };
    }
}
