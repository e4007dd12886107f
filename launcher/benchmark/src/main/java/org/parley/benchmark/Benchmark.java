package org.parley.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The load tool (docs/performance.md): the same visitors and agents against the bare relay and against Parley, one
 * after the other on a quiet machine, then Parley's figures as ratios of the relay's and the bars of the issue.
 */
public final class Benchmark {
    /** Descriptors neither side can do without: the JVM's jars and files, H2, pools, logs. */
    private static final int SPARE_FILES = 600;

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println((wrong.getMessage().isEmpty() ? "" : wrong.getMessage() + "\n\n") + Options.USAGE);
            System.exit(wrong.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        if (options.ramp.size() > 60) {
            throw new IllegalArgumentException("at most 60 ramp steps");
        }
        PrintStream out = System.out;
        Path work = options.work != null ? Files.createDirectories(options.work)
                : Files.createTempDirectory("parley-benchmark");
        out.println(Machine.describe());
        int visitors = visitorsWithinLimits(options, out);
        out.printf("Load: %d visitors, %d agents, %d messages/s sent over %s for %ds after %ds warm-up, ramp %s (%ds "
                + "steps); server heap %s, JVM options %s; work folder %s%n", visitors, options.agents, options.rate,
                options.send, options.duration.toSeconds(), options.warmup.toSeconds(), options.ramp,
                options.step.toSeconds(), options.heap, String.join(" ", ServerProcess.RECOMMENDED)
                        + (options.serverOptions.isEmpty() ? "" : " " + String.join(" ", options.serverOptions)), work);
        List<LoadRun.Report> reports = new ArrayList<>();
        if (!options.target.equals("parley")) {
            reports.add(new LoadRun(options, new RelayTarget(options, work.resolve("relay")), visitors, out).run());
        }
        if (!options.target.equals("relay")) {
            reports.add(new LoadRun(options, new ParleyTarget(options, work.resolve("parley")), visitors, out).run());
        }
        out.println();
        out.println(Verdict.summary(reports, options));
    }

    /**
     * Each visitor and agent holds one socket in this process and one in the server's; both processes are bound by the
     * open-files limit, and this one by the ephemeral ports too. Fewer visitors than asked, said loudly, when they do
     * not fit.
     */
    static int visitorsWithinLimits(Options options, PrintStream out) {
        long files = Machine.openFilesLimit();
        long ports = Machine.ephemeralPorts();
        long httpConnections = 128;
        long fit = Math.min(files - SPARE_FILES - httpConnections - options.agents,
                ports - httpConnections - options.agents - 1000);
        out.printf("Limits: open files %s per process, ephemeral ports %s%n", files == Long.MAX_VALUE ? "unlimited"
                : files, ports == Long.MAX_VALUE ? "unknown" : ports);
        if (options.visitors <= fit) {
            return options.visitors;
        }
        int reduced = (int) Math.max(options.agents, fit);
        out.printf("%n*** WARNING: %d visitors do not fit in the limits above (open files: %d, ports: %d); "
                + "RUNNING WITH %d VISITORS INSTEAD. Figures below are for %d visitors. ***%n%n", options.visitors,
                files, ports, reduced, reduced);
        return reduced;
    }

    /** Where the figures came from. */
    static final class Machine {
        static String describe() {
            return String.format("Machine: %d cores, %s memory, %s %s (%s), %s %s; %s", Runtime.getRuntime()
                    .availableProcessors(), memory(), System.getProperty("java.vm.name"),
                    System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
                    System.getProperty("os.name"), System.getProperty("os.version"), Instant.now());
        }

        private static String memory() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                    if (line.startsWith("MemTotal:")) {
                        return String.format("%.1f GiB", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1048576.0);
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // not Linux
            }
            return "unknown";
        }

        static long openFilesLimit() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                    if (line.startsWith("Max open files")) {
                        String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                        return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // not Linux
            }
            return Long.MAX_VALUE;
        }

        static long ephemeralPorts() {
            try {
                // readAllLines: readString trusts the size procfs reports (0) and reads one byte
                String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0)
                        .trim().split("\\s+");
                return Long.parseLong(range[1]) - Long.parseLong(range[0]) + 1;
            } catch (IOException | RuntimeException unreadable) {
                return Long.MAX_VALUE;
            }
        }
    }
}
