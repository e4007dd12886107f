package org.parley.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parley's launcher on a fresh data folder, started as a user would ({@code java -jar parley.jar --port --data}), with
 * the owner created from the setup link in its log and the agents made and signed in over the agents API.
 */
final class ParleyTarget implements Target {
    private static final Pattern SETUP_TOKEN = Pattern.compile("/setup\\?token=([A-Za-z0-9_-]+)");
    private static final String PASSWORD = "benchmark-password-1";

    private final Options options;
    private final Path folder;
    private ServerProcess process;

    ParleyTarget(Options options, Path folder) {
        this.options = options;
        this.folder = folder;
    }

    @Override
    public String name() {
        return "parley";
    }

    @Override
    public void start() throws Exception {
        if (!Files.isRegularFile(options.parleyJar)) {
            throw new IllegalStateException(options.parleyJar + " is missing: build it first (see README, Benchmark)");
        }
        Path data = folder.resolve("parley-data");
        copyConfiguration(data.resolve("config"));
        int port = ServerProcess.freePort();
        process = ServerProcess.start("parley", folder, options.heap, options.serverOptions, port, List.of("-jar",
                options.parleyJar.toAbsolutePath().toString(), "--port", Integer.toString(port), "--data",
                data.toAbsolutePath().toString()));
        process.awaitAnswer("/health", Duration.ofSeconds(120));
        process.awaitAnswer("/api/v1/openapi.json", Duration.ofSeconds(60));
    }

    /**
     * The hook for settings the benchmark needs that a shop would not use, such as lifted rate limits: every
     * {@code *.cfg} of {@code --parley-config} goes into the data folder's {@code config/} before the first start,
     * where FileInstall applies it (README, Configuration).
     */
    private void copyConfiguration(Path config) throws IOException {
        Files.createDirectories(config);
        if (!Files.isDirectory(options.parleyConfig)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(options.parleyConfig, "*.cfg")) {
            for (Path file : files) {
                Files.copy(file, config.resolve(file.getFileName()));
                System.out.println("[parley] configuration " + file + " -> " + config.resolve(file.getFileName()));
            }
        }
    }

    @Override
    public ServerProcess process() {
        return process;
    }

    @Override
    public List<AgentLogin> signInAgents(Api api, int count) throws Exception {
        String token = process.awaitOutput(SETUP_TOKEN, Duration.ofSeconds(30));
        Api.Answer owner = api.expect(201, "POST", "/api/v1/setup", Map.of("token", token, "displayName",
                "Benchmark Owner", "username", "owner", "password", PASSWORD), Map.of());
        Map<String, String> asOwner = Map.of("Cookie", owner.sessionCookie(), "X-CSRF-Token",
                owner.json().get("csrfToken").asText());
        api.expect(200, "PUT", "/api/v1/plan", Map.of("plan", "PAID", "seats", count + 1), asOwner);
        List<AgentLogin> agents = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            api.expect(201, "POST", "/api/v1/agents", Map.of("displayName", "Agent " + i, "username", "agent" + i,
                    "password", PASSWORD, "accessLevel", "FULL"), asOwner);
            Api.Answer session = api.expect(200, "POST", "/api/v1/session", Map.of("login", "agent" + i, "password",
                    PASSWORD), Map.of());
            agents.add(new AgentLogin(session.sessionCookie(), session.json().get("csrfToken").asText()));
        }
        return agents;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
