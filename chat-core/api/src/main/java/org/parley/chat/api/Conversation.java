package org.parley.chat.api;

import java.time.Instant;

/**
 * A conversation between one visitor and the shop's agents.
 *
 * @param id its id: random and unguessable
 * @param visitorId the visitor who opened it
 * @param state where it is in its life
 * @param lastSeq the sequence number of its newest message, 0 when it has none
 * @param createdAt when it was opened
 * @param assignedAgentId the agent who has it: set while {@link ConversationState#ACTIVE}, null while
 *     {@link ConversationState#NEW}; once {@link ConversationState#CLOSED}, the agent who had it last, if any
 * @param closedAt when it was closed, or null while it is open
 */
public record Conversation(
        String id,
        String visitorId,
        ConversationState state,
        long lastSeq,
        Instant createdAt,
        String assignedAgentId,
        Instant closedAt) {

    /** A conversation nobody has taken or closed. */
    public Conversation(String id, String visitorId, ConversationState state, long lastSeq, Instant createdAt) {
        this(id, visitorId, state, lastSeq, createdAt, null, null);
    }
}
