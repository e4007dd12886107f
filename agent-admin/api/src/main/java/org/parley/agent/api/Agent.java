package org.parley.agent.api;

import java.time.Instant;
import java.util.List;

/**
 * A person who signs in to the workspace and chats with visitors.
 *
 * @param id its id: a random UUID string
 * @param username what the agent signs in with; unique regardless of case, never changes
 * @param displayName the name shown across the workspace
 * @param email the agent's email address, or null; unique regardless of case, and also accepted for sign-in
 * @param description a note about the agent, or null
 * @param accessLevel what the agent may do besides chatting
 * @param active whether the agent chats and is handed conversations; inactive agents still sign in
 * @param enabled whether the agent may sign in at all
 * @param showRealPhoneNumbers whether the agent sees customers' full phone numbers instead of masked ones
 * @param maxConcurrentSessions the most conversations handed to the agent at once, or null for no limit
 * @param queues the queues the agent belongs to, by name
 * @param createdAt when the agent was created
 * @param presence whether the agent is online; only an active, enabled agent is ever {@link Presence#ONLINE}
 * @param avatarVersion identifies the agent's current avatar image and changes whenever the image does (see
 *     {@link AgentAvatars}), or null when the agent has none
 */
public record Agent(
        String id,
        String username,
        String displayName,
        String email,
        String description,
        AccessLevel accessLevel,
        boolean active,
        boolean enabled,
        boolean showRealPhoneNumbers,
        Integer maxConcurrentSessions,
        List<Queue> queues,
        Instant createdAt,
        Presence presence,
        String avatarVersion) {

    public Agent {
        queues = List.copyOf(queues);
        presence = presence == null ? Presence.OFFLINE : presence;
    }

    /** An offline agent without an avatar: the record as it was before presence and avatars (1.2). */
    public Agent(String id, String username, String displayName, String email, String description,
            AccessLevel accessLevel, boolean active, boolean enabled, boolean showRealPhoneNumbers,
            Integer maxConcurrentSessions, List<Queue> queues, Instant createdAt) {
        this(id, username, displayName, email, description, accessLevel, active, enabled, showRealPhoneNumbers,
                maxConcurrentSessions, queues, createdAt, Presence.OFFLINE, null);
    }

    /** True when conversations may be routed to the agent: online (and so also active and enabled). */
    public boolean isOnline() {
        return presence == Presence.ONLINE && active && enabled;
    }

    /** True for the installation's owner. */
    public boolean isOwner() {
        return accessLevel == AccessLevel.OWNER;
    }
}
