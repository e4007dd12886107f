package org.parley.agent.api;

/** What an agent may do besides chatting. */
public enum AccessLevel {
    /**
     * The one agent who owns the installation: everything FULL may do. There is at most one; ownership moves only
     * through {@link AgentDirectory#transferOwnership}.
     */
    OWNER,
    /** All personal and installation settings, including agents and billing. */
    FULL,
    /** Conversations, visitors and personal settings only. */
    LIMITED
}
