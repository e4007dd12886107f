package org.parley.chat.rest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One limit ("20 per minute") applied per key (an IP address, a visitor), with a token bucket per key, in this node's
 * memory. Buckets that have filled up again are forgotten once there are many, so memory stays bounded by the keys
 * active within one period.
 */
final class RateLimit {
    /** How many keys are kept before full buckets are swept. */
    static final int SWEEP_ABOVE = 10_000;

    final String name;
    final long capacity;
    final long periodMillis;
    private final LongSupplier clockMillis;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimit(String name, long capacity, long periodMillis, LongSupplier clockMillis) {
        if (capacity < 1 || periodMillis < 1) {
            throw new IllegalArgumentException(name + ": the limit and its period must be at least 1");
        }
        this.name = name;
        this.capacity = capacity;
        this.periodMillis = periodMillis;
        this.clockMillis = clockMillis;
    }

    /** Takes one for {@code key}: 0 when allowed, otherwise the milliseconds to wait. */
    long take(String key) {
        long now = clockMillis.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    return entry.getValue().full(now);
                }
            });
        }
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, periodMillis, now));
        synchronized (bucket) {
            return bucket.take(now);
        }
    }

    int keys() {
        return buckets.size();
    }
}
