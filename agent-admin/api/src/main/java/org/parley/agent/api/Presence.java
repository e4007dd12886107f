package org.parley.agent.api;

/**
 * Whether an agent is at the workspace to take chats. Only active, enabled agents are ever {@link #ONLINE}: going
 * online is refused for the others, and disabling or deactivating an agent sets them {@link #OFFLINE}, as does
 * signing out. New agents start offline.
 */
public enum Presence {
    /** At the workspace: may be handed conversations. */
    ONLINE,
    /** Away: is handed no conversations. */
    OFFLINE
}
