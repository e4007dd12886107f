package org.parley.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from procfs, to say where a phase's CPU went: the server, the load tool, and everything else on the machine
 * (other builds share it). Clock ticks are 1/100 s on Linux; figures are -1 where procfs is missing.
 */
final class CpuClock {
    private static final double TICK_SECONDS = 0.01;

    private CpuClock() {}

    /** A process's user plus system time in seconds ({@code /proc/<pid>/stat}, fields 14 and 15). */
    static double processSeconds(long pid) {
        try {
            String stat = Files.readAllLines(Path.of("/proc", Long.toString(pid), "stat")).get(0);
            // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_SECONDS;
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /** The machine's busy time over all cores in seconds ({@code /proc/stat}: all but idle and iowait). */
    static double machineBusySeconds() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy * TICK_SECONDS;
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /** A reading of the three clocks; {@link #since} turns two into cores used. */
    record Reading(long nanos, double server, double tool, double machine) {
        static Reading now(long serverPid) {
            return new Reading(System.nanoTime(), processSeconds(serverPid), processSeconds(ProcessHandle.current()
                    .pid()), machineBusySeconds());
        }

        /** Average cores used since {@code start}: server, this tool, and the rest of the machine. */
        String since(Reading start, long messages) {
            double seconds = (nanos - start.nanos) / 1e9;
            double serverCores = (server - start.server) / seconds;
            double toolCores = (tool - start.tool) / seconds;
            double otherCores = (machine - start.machine) / seconds - serverCores - toolCores;
            return String.format("cores used: server %.2f, load tool %.2f, rest of the machine %.2f; server CPU per "
                    + "message %.2f ms", serverCores, toolCores, Math.max(0, otherCores),
                    (server - start.server) * 1000 / Math.max(1, messages));
        }
    }
}
