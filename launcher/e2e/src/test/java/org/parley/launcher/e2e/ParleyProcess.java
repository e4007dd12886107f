package org.parley.launcher.e2e;

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

/** parley.jar running as a separate process, started the way the README says. */
final class ParleyProcess implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("parley.jar", "../target/parley.jar"));
    private static final Pattern SETUP_TOKEN = Pattern.compile("/setup\\?token=([A-Za-z0-9_-]+)");

    final int port;
    final Path data;
    final Path log;
    private final Process process;

    private ParleyProcess(int port, Path data, Path log, Process process) {
        this.port = port;
        this.data = data;
        this.log = log;
        this.process = process;
    }

    static ParleyProcess start(Path data, String... extraArgs) throws IOException {
        return start(data, freePort(), extraArgs);
    }

    static ParleyProcess start(Path data, int port, String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toAbsolutePath().toString(),
                "--port", Integer.toString(port), "--data", data.toString()));
        command.addAll(List.of(extraArgs));
        Path log = Files.createTempFile("parley-e2e", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ParleyProcess(port, data, log, process);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Waits until /health answers 200 and returns the time that took since the process started. */
    Duration awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Parley exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && apiAnswers(http)) {
                    return Duration.between(process.info().startInstant().orElseThrow(), java.time.Instant.now());
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Parley did not become healthy: " + last + "\n" + output());
    }

    /** Waits until the output holds {@code text} and returns the time that took since the process started. */
    Duration awaitOutput(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("Parley exited with " + process.exitValue() + ":\n" + output());
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("Parley did not log '" + text + "':\n" + output());
            }
            Thread.sleep(20);
        }
        return Duration.between(process.info().startInstant().orElseThrow(), java.time.Instant.now());
    }

    private boolean apiAnswers(HttpClient http) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/openapi.json")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200;
    }

    /** The token of the one-time setup link the first start logs; fails the test when there is none. */
    String setupToken() throws IOException {
        Matcher token = SETUP_TOKEN.matcher(output());
        if (!token.find()) {
            throw new AssertionError("The log holds no setup link:\n" + output());
        }
        return token.group(1);
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Parley did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** Sends SIGTERM, as Ctrl+C or a service manager would, and returns how long the shutdown took. */
    Duration terminate(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        awaitExit(timeout);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Sends SIGKILL, as a crash, the kernel's out-of-memory killer or a pulled plug of the JVM would: no shutdown runs. */
    void kill(Duration timeout) throws InterruptedException {
        process.destroyForcibly();
        awaitExit(timeout);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
