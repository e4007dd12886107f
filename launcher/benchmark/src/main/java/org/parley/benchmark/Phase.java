package org.parley.benchmark;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One stretch of sending at a fixed rate, and what came of the messages sent in it: how many were stored (acknowledged
 * by a {@code sent} frame or an HTTP 201) and delivered (a {@code message} frame at the agent's WebSocket), and their
 * latencies. Latencies count from the moment the open-loop schedule meant to send the message, so a sender that falls
 * behind shows as latency rather than hiding it (no coordinated omission). Only what arrives by the end of the phase
 * plus {@link #GRACE_NANOS} counts as stored or delivered per second: a server that falls behind and catches up later
 * does not get credit for the rate.
 */
final class Phase {
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    final int index;
    final String name;
    final int rate;
    final long durationNanos;
    volatile long startNanos;
    final LongAdder sent = new LongAdder();
    final LongAdder stored = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder delivered = new LongAdder();
    /** Stored or delivered, but after the end of the phase plus the grace: in the latencies, not in the rates. */
    final LongAdder storedLate = new LongAdder();
    final LongAdder deliveredLate = new LongAdder();
    /** Send (as scheduled) to the message frame at the agent. */
    final Histogram delivery = new ConcurrentHistogram(MAX_MICROS, 3);
    /** Send (as scheduled) to the acknowledgement: the sent frame or the 201 answer. */
    final Histogram acknowledgement = new ConcurrentHistogram(MAX_MICROS, 3);

    Phase(int index, String name, int rate, long durationNanos) {
        this.index = index;
        this.name = name;
        this.rate = rate;
        this.durationNanos = durationNanos;
    }

    void stored(long sentNanos, long answeredNanos) {
        (inTime(answeredNanos) ? stored : storedLate).increment();
        acknowledgement.recordValue(micros(answeredNanos - sentNanos));
    }

    void delivered(long sentNanos, long receivedNanos) {
        (inTime(receivedNanos) ? delivered : deliveredLate).increment();
        delivery.recordValue(micros(receivedNanos - sentNanos));
    }

    private boolean inTime(long nanos) {
        return nanos - (startNanos + durationNanos) <= GRACE_NANOS;
    }

    private static long micros(long nanos) {
        return Math.max(0, Math.min(MAX_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    /** What the phase achieved; per-second figures divide by the phase's planned duration. */
    Result result() {
        double seconds = durationNanos / 1e9;
        return new Result(name, rate, sent.sum() / seconds, stored.sum() / seconds, delivered.sum() / seconds,
                failed.sum(), deliveredLate.sum(), sent.sum() - delivered.sum() - deliveredLate.sum(), millis(delivery, 50), millis(delivery, 99),
                millis(delivery, 99.9), delivery.getTotalCount() == 0 ? Double.NaN : delivery.getMaxValue() / 1000.0,
                millis(acknowledgement, 50), millis(acknowledgement, 99));
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** A phase's figures; latencies in milliseconds. */
    record Result(String name, int rate, double sentPerSecond, double storedPerSecond, double deliveredPerSecond,
            long failed, long late, long undelivered, double p50, double p99, double p999, double max, double ackP50,
            double ackP99) {

        /**
         * Whether the server kept up with the offered rate: 95 % of it stored and delivered in time, under 1 % failed,
         * and the p99 latency within {@code p99LimitMs} (a backlog that grows shows there first).
         */
        boolean keptUp(double p99LimitMs) {
            return storedPerSecond >= 0.95 * rate && deliveredPerSecond >= 0.95 * rate
                    && failed <= 0.01 * sentPerSecond && p99 <= p99LimitMs;
        }

        String line() {
            return String.format("%-10s rate %6d/s  sent %8.1f/s  stored %8.1f/s  delivered %8.1f/s  failed %d"
                    + "  late %d  undelivered %d  latency p50 %s  p99 %s  p99.9 %s  max %s  (ack: p50 %s, p99 %s)",
                    name, rate, sentPerSecond, storedPerSecond, deliveredPerSecond, failed, late, undelivered, ms(p50),
                    ms(p99), ms(p999), ms(max), ms(ackP50), ms(ackP99));
        }

        static String ms(double millis) {
            return Double.isNaN(millis) ? "n/a" : String.format("%.1f ms", millis);
        }
    }
}
