package org.parley.customer.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.parley.customer.spi.CustomerInfoProvider;
import org.parley.customer.spi.CustomerLookup;
import org.parley.customer.spi.CustomerReference;

/**
 * Recent and running lookups by customer. Keeping the running ones means agents who open the same visitor at once
 * cause one shop request, and a slow answer still lands in the cache for the next refresh. Thread-safe.
 */
final class LookupCache {
    private static final class CachedLookup {
        final CustomerInfoProvider adapter;
        final CompletableFuture<CustomerLookup> answer;
        /** Running lookups never expire; the bridge gives every lookup an upper time limit. */
        volatile Instant expiresAt = Instant.MAX;

        CachedLookup(CustomerInfoProvider adapter, CompletableFuture<CustomerLookup> answer) {
            this.adapter = adapter;
            this.answer = answer;
        }
    }

    private final Clock clock;
    private final Duration answerTime;
    private final Duration failureTime;
    private final Map<CustomerReference, CachedLookup> entries;

    /**
     * @param answerTime how long found and not-found answers are reused
     * @param failureTime how long an unavailable shop is left alone
     * @param maxSize the most customers kept; the least recently used go first
     */
    LookupCache(Clock clock, Duration answerTime, Duration failureTime, int maxSize) {
        this.clock = clock;
        this.answerTime = answerTime;
        this.failureTime = failureTime;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<CustomerReference, CachedLookup> eldest) {
                return size() > maxSize;
            }
        };
    }

    /**
     * The cached or running lookup of this customer by this adapter, or a new one from {@code ask}. An entry made
     * by another adapter (the shop was reconfigured) does not count.
     */
    synchronized CompletableFuture<CustomerLookup> get(CustomerReference customer, CustomerInfoProvider adapter,
            Function<CustomerReference, CompletableFuture<CustomerLookup>> ask) {
        CachedLookup entry = entries.get(customer);
        if (entry != null && entry.adapter == adapter && clock.instant().isBefore(entry.expiresAt)) {
            return entry.answer;
        }
        CompletableFuture<CustomerLookup> answer = ask.apply(customer);
        CachedLookup fresh = new CachedLookup(adapter, answer);
        entries.put(customer, fresh);
        answer.thenAccept(lookup -> fresh.expiresAt = clock.instant().plus(timeToKeep(lookup)));
        return answer;
    }

    /** Drops the platform's entries, when its adapter goes or changes. */
    synchronized void forget(String platform) {
        entries.keySet().removeIf(customer -> customer.platform().equals(platform));
    }

    synchronized int size() {
        return entries.size();
    }

    private Duration timeToKeep(CustomerLookup lookup) {
        return lookup.outcome() == CustomerLookup.Outcome.UNAVAILABLE ? failureTime : answerTime;
    }
}
