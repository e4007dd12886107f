package org.parley.chat.api;

import java.util.Objects;

/**
 * The author of a message: its type and, for visitors and agents, their id.
 *
 * @param type who wrote it
 * @param id the visitor's or agent's id; null for {@link SenderType#SYSTEM}
 */
public record Sender(SenderType type, String id) {
    public Sender {
        Objects.requireNonNull(type, "type");
        if (type != SenderType.SYSTEM && (id == null || id.isBlank())) {
            throw new IllegalArgumentException(type + " senders need an id");
        }
    }

    public static Sender visitor(String visitorId) {
        return new Sender(SenderType.VISITOR, visitorId);
    }

    public static Sender agent(String agentId) {
        return new Sender(SenderType.AGENT, agentId);
    }

    public static Sender system() {
        return new Sender(SenderType.SYSTEM, null);
    }
}
