package org.parley.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The command line; {@code --help} prints it. */
final class Options {
    static final String USAGE = """
            java -jar launcher/benchmark/target/parley-benchmark.jar [options]

              --visitors N        visitor connections held open, each with a conversation (default 10000)
              --agents M          agents signed in with their desk WebSocket, taking the conversations (default 20)
              --rate R            messages per second sent by all visitors together, open loop (default 2000)
              --duration D        measured time at --rate, e.g. 60s or 2m (default 60s)
              --send MODE         how visitors send: ws, a send frame on their WebSocket, acknowledged by a sent
                                  frame, as the widget sends when its WebSocket is open; or http, a POST to
                                  /api/v1/conversations/{id}/messages, acknowledged by its 201 (default ws)
              --warmup D          time before measuring, not counted: five equal steps at 20, 40, 60, 80
                                  and 100% of --rate (default 15s)
              --ramp R1,R2,...    after the measured run, steps at these rates to find the maximum; stops at the
                                  first step that falls short (default: none)
              --step D            duration of each ramp step (default 15s)
              --sustain-p99 D     a step keeps up when 95% of its rate is stored and delivered by its end (+1 s),
                                  under 1% fails, and the p99 latency is at most this (default 500ms)
              --target T          parley, relay or both (default both: relay first, then Parley, then the ratios)
              --parley-jar FILE   the launcher to start (default launcher/target/parley.jar)
              --parley-config DIR *.cfg files copied into the fresh data folder's config/ before Parley starts,
                                  e.g. to lift rate limits (default launcher/benchmark/parley-config)
              --thread-dumps N    take N thread dumps of the server (jcmd Thread.print) spread over the measured run,
                                  into the work folder, to see where its time goes (default 0; they perturb it)
              --heap SIZE         -Xms and -Xmx of each server process (default 2g); each also starts with
                                  the options the README recommends (-XX:MaxTenuringThreshold=2)
              --server-options S  more JVM options for both servers, space-separated, e.g.
                                  "-XX:TieredStopAtLevel=1" (default none)
              --work DIR          where data folders and logs go (default a new temporary folder)
            """;

    int visitors = 10_000;
    int agents = 20;
    int rate = 2_000;
    Duration duration = Duration.ofSeconds(60);
    Duration warmup = Duration.ofSeconds(15);
    String send = "ws";
    List<String> serverOptions = List.of();
    List<Integer> ramp = new ArrayList<>();
    Duration step = Duration.ofSeconds(15);
    Duration sustainP99 = Duration.ofMillis(500);
    String target = "both";
    Path parleyJar = Path.of("launcher/target/parley.jar");
    Path parleyConfig = Path.of("launcher/benchmark/parley-config");
    String heap = "2g";
    int threadDumps;
    Path work;

    static Options parse(String... args) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--visitors" -> options.visitors = positive(name, value);
                case "--agents" -> options.agents = positive(name, value);
                case "--rate" -> options.rate = positive(name, value);
                case "--duration" -> options.duration = duration(name, value);
                case "--warmup" -> options.warmup = duration(name, value);
                case "--send" -> {
                    if (!List.of("ws", "http").contains(value)) {
                        throw new IllegalArgumentException("--send is ws or http");
                    }
                    options.send = value;
                }
                case "--server-options" -> options.serverOptions = value.isBlank() ? List.of()
                        : List.of(value.trim().split("\\s+"));
                case "--ramp" -> {
                    for (String rate : value.split(",")) {
                        options.ramp.add(positive(name, rate.trim()));
                    }
                }
                case "--step" -> options.step = duration(name, value);
                case "--sustain-p99" -> options.sustainP99 = duration(name, value);
                case "--target" -> {
                    if (!List.of("parley", "relay", "both").contains(value)) {
                        throw new IllegalArgumentException("--target is parley, relay or both");
                    }
                    options.target = value;
                }
                case "--parley-jar" -> options.parleyJar = Path.of(value);
                case "--parley-config" -> options.parleyConfig = Path.of(value);
                case "--heap" -> options.heap = value;
                case "--thread-dumps" -> options.threadDumps = Integer.parseInt(value);
                case "--work" -> options.work = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option " + name);
            }
        }
        if (options.agents > options.visitors) {
            throw new IllegalArgumentException("--agents must not exceed --visitors");
        }
        return options;
    }

    static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, not " + value);
    }

    /** {@code 90s}, {@code 2m}, {@code 500ms} or plain seconds. */
    static Duration duration(String name, String value) {
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notADuration) {
            throw new IllegalArgumentException(name + " must be a duration like 60s or 2m, not " + value);
        }
    }
}
