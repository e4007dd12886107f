package org.parley.chat.api;

import java.util.Objects;

/**
 * The author of a message: its type, for visitors and agents their id, and for agents the name they had when they
 * wrote it, so that history still names an agent who was renamed or deleted since.
 *
 * @param type who wrote it
 * @param id the visitor's or agent's id; null for {@link SenderType#SYSTEM}
 * @param name the name shown for the author: the agent's display name at the time of writing; null for visitors
 *     and the system
 */
public record Sender(SenderType type, String id, String name) {
    public Sender {
        Objects.requireNonNull(type, "type");
        if (type != SenderType.SYSTEM && (id == null || id.isBlank())) {
            throw new IllegalArgumentException(type + " senders need an id");
        }
    }

    /** A sender without a name, as before names were stored. */
    public Sender(SenderType type, String id) {
        this(type, id, null);
    }

    public static Sender visitor(String visitorId) {
        return new Sender(SenderType.VISITOR, visitorId, null);
    }

    /** An agent without a name; prefer {@link #agent(String, String)}. */
    public static Sender agent(String agentId) {
        return new Sender(SenderType.AGENT, agentId, null);
    }

    public static Sender agent(String agentId, String displayName) {
        return new Sender(SenderType.AGENT, agentId, displayName);
    }

    public static Sender system() {
        return new Sender(SenderType.SYSTEM, null, null);
    }
}
