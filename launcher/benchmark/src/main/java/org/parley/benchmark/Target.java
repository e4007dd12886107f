package org.parley.benchmark;

import java.util.List;

/** A server under load: Parley's launcher or the bare relay, each a child process speaking the same chat API. */
interface Target extends AutoCloseable {
    /** An agent's credentials: the session cookie ({@code name=value}) and the CSRF token of its changes. */
    record AgentLogin(String cookie, String csrfToken) {}

    String name();

    /** Starts the server and waits until it answers. */
    void start() throws Exception;

    ServerProcess process();

    /** Makes {@code count} agents who may take chats, and signs each in. */
    List<AgentLogin> signInAgents(Api api, int count) throws Exception;

    @Override
    void close();
}
