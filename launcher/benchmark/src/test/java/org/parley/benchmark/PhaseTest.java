package org.parley.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PhaseTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void ratesArePerPlannedSecondAndLatenciesArePercentilesInMilliseconds() {
        Phase phase = new Phase(1, "measured", 50, TimeUnit.SECONDS.toNanos(2));
        for (int i = 1; i <= 100; i++) {
            phase.sent.increment();
            phase.stored(0, i * MS / 2);
            phase.delivered(0, i * MS);
        }
        Phase.Result result = phase.result();
        assertEquals(50.0, result.sentPerSecond());
        assertEquals(50.0, result.storedPerSecond());
        assertEquals(50.0, result.deliveredPerSecond());
        assertEquals(50.0, result.p50(), 0.1);
        assertEquals(99.0, result.p99(), 0.1);
        assertEquals(100.0, result.max(), 0.1);
        assertEquals(25.0, result.ackP50(), 0.1);
        assertEquals(0, result.undelivered());
        assertTrue(result.keptUp(500));
        assertFalse(result.keptUp(90));
    }

    @Test
    void aPhaseThatDeliversLessThan95PercentOfItsRateFellShort() {
        Phase phase = new Phase(2, "ramp 1", 100, TimeUnit.SECONDS.toNanos(1));
        for (int i = 0; i < 100; i++) {
            phase.sent.increment();
            phase.stored(0, MS);
            if (i < 90) {
                phase.delivered(0, MS);
            } else if (i < 94) {
                phase.delivered(0, TimeUnit.SECONDS.toNanos(3)); // after the end and the grace
            }
        }
        Phase.Result result = phase.result();
        assertFalse(result.keptUp(500));
        assertEquals(90.0, result.deliveredPerSecond());
        assertEquals(4, result.late());
        assertEquals(6, result.undelivered());
    }

    @Test
    void noDeliveriesGiveNoLatencyRatherThanZero() {
        Phase.Result result = new Phase(1, "measured", 10, TimeUnit.SECONDS.toNanos(1)).result();
        assertTrue(Double.isNaN(result.p99()));
        assertEquals("n/a", Phase.Result.ms(result.p99()));
        assertEquals("n/a", Verdict.ratio(result.p99(), 3.0));
        assertEquals("0.50", Verdict.ratio(1000, 2000));
    }

    @Test
    void optionsReadDurationsRatesAndRamps() {
        Options options = Options.parse("--visitors", "300", "--agents", "3", "--duration", "2m", "--warmup", "500ms",
                "--ramp", "1000, 2000,4000", "--target", "relay");
        assertEquals(300, options.visitors);
        assertEquals(Duration.ofMinutes(2), options.duration);
        assertEquals(Duration.ofMillis(500), options.warmup);
        assertEquals(List.of(1000, 2000, 4000), options.ramp);
        assertEquals("relay", options.target);
        assertEquals("ws", options.send);
        assertEquals("http", Options.parse("--send", "http").send);
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--send", "sse"));
    }
}
