package org.parley.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under load, running as a child process of its own (Parley's launcher or the bare relay), so that both are
 * measured the same way: peak resident memory from {@code /proc/<pid>/status} (VmHWM) and peak heap from the JVM's GC
 * log.
 */
final class ServerProcess implements AutoCloseable {
    /**
     * JVM options every server starts with besides the heap: those the README recommends for a busy installation.
     * Objects that outlive one young collection here mostly live for minutes (a conversation's state, the connection),
     * so they go to the old generation after two instead of being copied up to fifteen times (docs/performance.md,
     * thirteenth round).
     */
    static final List<String> RECOMMENDED = List.of("-XX:MaxTenuringThreshold=2");
    private static final Pattern GC_HEAP = Pattern.compile("\\) (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    final String name;
    final int port;
    final Path log;
    private final Path gcLog;
    private final Process process;

    private ServerProcess(String name, int port, Path log, Path gcLog, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.gcLog = gcLog;
        this.process = process;
    }

    /**
     * Starts {@code java <RECOMMENDED> <jvmOptions> <args>} with the given heap, its output and GC log in
     * {@code folder}.
     */
    static ServerProcess start(String name, Path folder, String heap, List<String> jvmOptions, int port, List<String> args)
            throws IOException {
        Files.createDirectories(folder);
        Path log = folder.resolve(name + ".log");
        Path gcLog = folder.resolve(name + "-gc.log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms" + heap, "-Xmx" + heap,
                "-Xlog:gc:file=" + gcLog.toAbsolutePath()));
        command.addAll(RECOMMENDED);
        command.addAll(jvmOptions);
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServerProcess(name, port, log, gcLog, process);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    long pid() {
        return process.pid();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Waits until {@code path} answers 200. */
    void awaitAnswer(String path, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not answer " + path + " within " + timeout + ": " + last);
    }

    /** The first group of {@code pattern} in the process's output, waiting for it up to {@code timeout}. */
    String awaitOutput(Pattern pattern, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(Files.readString(log));
            if (matcher.find()) {
                return matcher.group(1);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + ": no line matching " + pattern + " in " + log);
    }

    /** A line of {@code /proc/<pid>/status} in kB (VmHWM: peak resident set; VmRSS: now), or -1 if unreadable. */
    long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /**
     * From the GC log, in MiB: the largest heap occupancy before a collection (how full the heap got, which depends on
     * -Xmx as much as on need) and the largest after one (what stayed reachable: the memory the load really holds);
     * -1 if there was no collection.
     */
    long[] peakHeapMb() {
        return peakHeapMb(gcLog);
    }

    static long[] peakHeapMb(Path gcLog) {
        long before = -1;
        long after = -1;
        try {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher matcher = GC_HEAP.matcher(line);
                if (matcher.find()) {
                    before = Math.max(before, Long.parseLong(matcher.group(1)));
                    after = Math.max(after, Long.parseLong(matcher.group(2)));
                }
            }
        } catch (IOException noLog) {
            // no collection logged
        }
        return new long[] {before, after};
    }

    /** Stops with SIGTERM, as a service manager would; forcibly after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
