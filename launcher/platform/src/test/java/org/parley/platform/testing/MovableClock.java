package org.parley.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock that stands still until a test moves it forward, for expiry, throttling and caching tests. Shared with
 * the other modules' tests through this module's test jar.
 */
public final class MovableClock extends Clock {
    private volatile Instant now;

    /** Starts at the current time (to the microsecond, as the databases store it). */
    public MovableClock() {
        this(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    public MovableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Tests use UTC");
    }
}
