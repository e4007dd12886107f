package org.parley.benchmark;

import java.util.List;

/** The closing summary: each target's figures, Parley's as ratios of the relay's, and the bars. */
final class Verdict {
    static final int VISITORS_BAR = 10_000;
    static final double RATE_BAR = 2_000;
    /**
     * The sender offers exactly the rate asked for, and a phase counts only what arrived by its end + 1 s: one or two
     * messages at the window's edges make an offered 2,000/s measure 1,999.97/s. The rate bar allows that much.
     */
    static final double RATE_TOLERANCE = 0.999;
    static final double P99_BAR_MS = 50;
    static final double RELAY_SHARE_BAR = 0.5;

    private Verdict() {}

    static String summary(List<LoadRun.Report> reports, Options options) {
        double limit = options.sustainP99.toNanos() / 1e6;
        StringBuilder text = new StringBuilder("=== Results ===\n");
        for (LoadRun.Report report : reports) {
            Phase.Result main = report.main();
            text.append(String.format("%-7s visitors held %d of %d, agents %d | at %d/s: stored %.0f/s, delivered "
                    + "%.0f/s, p50 %s, p99 %s, failed %d | max sustained %s%.0f/s | peak RSS %s, heap peak %s, live after GC "
                    + "at most %s (-Xmx%s)%n",
                    report.target(), report.visitorsHeld(), report.visitors(), report.agents(), main.rate(),
                    main.storedPerSecond(), main.deliveredPerSecond(), Phase.Result.ms(main.p50()),
                    Phase.Result.ms(main.p99()), main.failed(), report.keptUpAtLastStep(limit) ? ">= " : "",
                    report.maxSustained(limit), mib(report.peakRssKb() / 1024), mib(report.peakHeapMb()),
                    mib(report.peakLiveHeapMb()), report.heap()));
        }
        LoadRun.Report relay = find(reports, "relay");
        LoadRun.Report parley = find(reports, "parley");
        if (relay != null && parley != null) {
            text.append(String.format("Parley / relay: stored %s, delivered %s, p50 latency %s, p99 latency %s, "
                    + "max sustained throughput %s, peak RSS %s%n",
                    ratio(parley.main().storedPerSecond(), relay.main().storedPerSecond()),
                    ratio(parley.main().deliveredPerSecond(), relay.main().deliveredPerSecond()),
                    ratio(parley.main().p50(), relay.main().p50()), ratio(parley.main().p99(), relay.main().p99()),
                    ratio(parley.maxSustained(limit), relay.maxSustained(limit)),
                    ratio(parley.peakRssKb(), relay.peakRssKb())));
            text.append(String.format("(max sustained: the highest rate delivered in time with p99 <= %.0f ms%s)%n",
                    limit, options.ramp.isEmpty() ? "; no --ramp, so only the fixed rate was tried" : ""));
            if (relay.keptUpAtLastStep(limit)) {
                text.append("(the relay kept up at the highest rate tried: its maximum is higher, so the throughput "
                        + "ratio is an upper bound; add higher --ramp steps)\n");
            }
        }
        if (parley != null) {
            Phase.Result main = parley.main();
            text.append("Bars for one Parley node:\n");
            text.append(bar(parley.visitorsHeld() >= VISITORS_BAR, "10,000 concurrent visitor connections held",
                    parley.visitorsHeld() + " held"));
            text.append(bar(Math.min(main.storedPerSecond(), main.deliveredPerSecond()) >= RATE_BAR * RATE_TOLERANCE,
                    "2,000 messages/s stored and delivered", String.format("%.1f stored, %.1f delivered",
                            main.storedPerSecond(), main.deliveredPerSecond())));
            text.append(bar(main.p99() <= P99_BAR_MS, "p99 send-to-receive latency at most 50 ms",
                    Phase.Result.ms(main.p99())));
            if (relay != null) {
                double share = parley.maxSustained(limit) / relay.maxSustained(limit);
                String figure = String.format("%.2f of the relay's (max sustained %.0f vs %s%.0f/s)", share,
                        parley.maxSustained(limit), relay.keptUpAtLastStep(limit) ? ">= " : "",
                        relay.maxSustained(limit));
                if (share >= RELAY_SHARE_BAR && relay.keptUpAtLastStep(limit)) {
                    // The relay's maximum was not reached, so the share is only an upper bound.
                    text.append(String.format("  [UNKNOWN] at least half the bare relay's throughput: %s; add higher "
                            + "--ramp steps%n", figure));
                } else {
                    text.append(bar(share >= RELAY_SHARE_BAR, "at least half the bare relay's throughput", figure));
                }
            }
        }
        return text.toString();
    }

    static String ratio(double parley, double relay) {
        if (Double.isNaN(parley) || Double.isNaN(relay) || relay == 0) {
            return "n/a";
        }
        return String.format("%.2f", parley / relay);
    }

    private static String mib(long mib) {
        return mib < 0 ? "n/a" : mib + " MiB";
    }

    private static String bar(boolean met, String what, String figure) {
        return String.format("  [%s] %s: %s%n", met ? "MET" : "MISSED", what, figure);
    }

    private static LoadRun.Report find(List<LoadRun.Report> reports, String target) {
        return reports.stream().filter(report -> report.target().equals(target)).findFirst().orElse(null);
    }
}
