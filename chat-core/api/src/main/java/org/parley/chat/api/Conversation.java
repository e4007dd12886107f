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
 */
public record Conversation(String id, String visitorId, ConversationState state, long lastSeq, Instant createdAt) {}
