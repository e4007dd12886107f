package org.parley.chat.rest.internal;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled at {@code capacity} per {@code periodMillis}, evenly.
 * Each request takes one; an empty bucket answers how long until the next token. Not thread-safe on its own
 * (RateLimit locks it).
 */
final class TokenBucket {
    private final long capacity;
    private final long periodMillis;
    /** Tokens times {@code periodMillis}, so refilling stays in whole numbers. */
    private long scaledTokens;
    private long updatedAt;

    TokenBucket(long capacity, long periodMillis, long nowMillis) {
        this.capacity = capacity;
        this.periodMillis = periodMillis;
        this.scaledTokens = capacity * periodMillis;
        this.updatedAt = nowMillis;
    }

    /** Takes a token: 0 when taken, otherwise the milliseconds until one will be there (nothing is taken). */
    long take(long nowMillis) {
        refill(nowMillis);
        if (scaledTokens >= periodMillis) {
            scaledTokens -= periodMillis;
            return 0;
        }
        // Each millisecond adds `capacity` scaled units.
        return (periodMillis - scaledTokens + capacity - 1) / capacity;
    }

    /** Whether the bucket is full again, i.e. no different from a new one (so it can be forgotten). */
    boolean full(long nowMillis) {
        refill(nowMillis);
        return scaledTokens == capacity * periodMillis;
    }

    private void refill(long nowMillis) {
        long elapsed = Math.max(0, nowMillis - updatedAt);
        scaledTokens = Math.min(capacity * periodMillis, scaledTokens + elapsed * capacity);
        updatedAt = nowMillis;
    }
}
