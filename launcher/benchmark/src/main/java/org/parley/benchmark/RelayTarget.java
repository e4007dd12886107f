package org.parley.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The bare relay ({@link Relay}) as a child process with the same heap as Parley. Agents need no sign-in there. */
final class RelayTarget implements Target {
    private final Options options;
    private final Path folder;
    private ServerProcess process;

    RelayTarget(Options options, Path folder) {
        this.options = options;
        this.folder = folder;
    }

    @Override
    public String name() {
        return "relay";
    }

    @Override
    public void start() throws Exception {
        int port = ServerProcess.freePort();
        process = ServerProcess.start("relay", folder, options.heap, options.serverOptions, port, List.of("-cp",
                System.getProperty("java.class.path"), Relay.class.getName(), Integer.toString(port)));
        process.awaitAnswer("/health", Duration.ofSeconds(60));
    }

    @Override
    public ServerProcess process() {
        return process;
    }

    @Override
    public List<AgentLogin> signInAgents(Api api, int count) {
        List<AgentLogin> agents = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            agents.add(new AgentLogin(Relay.AGENT_COOKIE + "=agent" + i, "none"));
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
