package org.parley.benchmark;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One stretch of sending at a fixed rate, and what came of the messages sent in it: how many were stored (HTTP 201)
 * and delivered (a {@code message} frame at the agent's WebSocket), and their latencies. Latencies count from the
 * moment the open-loop schedule meant to send the message, so a sender that falls behind shows as latency rather than
 * hiding it (no coordinated omission).
 */
final class Phase {
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    final int index;
    final String name;
    final int rate;
    final long durationNanos;
    volatile long startNanos;
    final LongAdder sent = new LongAdder();
    final LongAdder stored = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder delivered = new LongAdder();
    /** Send (as scheduled) to the message frame at the agent. */
    final Histogram delivery = new ConcurrentHistogram(MAX_MICROS, 3);
    /** Send (as scheduled) to the 201 answer. */
    final Histogram acknowledgement = new ConcurrentHistogram(MAX_MICROS, 3);

    Phase(int index, String name, int rate, long durationNanos) {
        this.index = index;
        this.name = name;
        this.rate = rate;
        this.durationNanos = durationNanos;
    }

    void stored(long latencyNanos) {
        stored.increment();
        acknowledgement.recordValue(micros(latencyNanos));
    }

    void delivered(long latencyNanos) {
        delivered.increment();
        delivery.recordValue(micros(latencyNanos));
    }

    private static long micros(long nanos) {
        return Math.max(0, Math.min(MAX_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    /** What the phase achieved; per-second figures divide by the phase's planned duration. */
    Result result() {
        double seconds = durationNanos / 1e9;
        return new Result(name, rate, sent.sum() / seconds, stored.sum() / seconds, delivered.sum() / seconds,
                failed.sum(), sent.sum() - delivered.sum(), millis(delivery, 50), millis(delivery, 99),
                millis(delivery, 99.9), delivery.getTotalCount() == 0 ? Double.NaN : delivery.getMaxValue() / 1000.0,
                millis(acknowledgement, 50), millis(acknowledgement, 99));
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** A phase's figures; latencies in milliseconds. */
    record Result(String name, int rate, double sentPerSecond, double storedPerSecond, double deliveredPerSecond,
            long failed, long undelivered, double p50, double p99, double p999, double max, double ackP50,
            double ackP99) {

        /** Whether the server kept up with the offered rate: 95 % of it stored and delivered, under 1 % failed. */
        boolean keptUp() {
            return storedPerSecond >= 0.95 * rate && deliveredPerSecond >= 0.95 * rate
                    && failed <= 0.01 * sentPerSecond;
        }

        String line() {
            return String.format("%-10s rate %6d/s  sent %8.1f/s  stored %8.1f/s  delivered %8.1f/s  failed %d"
                    + "  undelivered %d  latency p50 %s  p99 %s  p99.9 %s  max %s  (201: p50 %s, p99 %s)",
                    name, rate, sentPerSecond, storedPerSecond, deliveredPerSecond, failed, undelivered, ms(p50),
                    ms(p99), ms(p999), ms(max), ms(ackP50), ms(ackP99));
        }

        static String ms(double millis) {
            return Double.isNaN(millis) ? "n/a" : String.format("%.1f ms", millis);
        }
    }
}
