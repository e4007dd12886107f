package org.parley.chat.api;

import java.time.Instant;

/**
 * A stored message. {@code seq} numbers a conversation's messages 1, 2, 3... without gaps, in the order they were
 * stored; clients resume from the last one they saw.
 *
 * @param conversationId the conversation
 * @param seq its place in the conversation, from 1
 * @param clientMessageId the id the sender gave it; sending the same id again stores nothing new
 * @param sender who wrote it
 * @param text what they wrote, as they wrote it (render it escaped)
 * @param createdAt when the server stored it
 */
public record Message(
        String conversationId, long seq, String clientMessageId, Sender sender, String text, Instant createdAt) {}
