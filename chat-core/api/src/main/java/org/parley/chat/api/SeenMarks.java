package org.parley.chat.api;

/**
 * How far a conversation has been read, as its read receipts show it.
 *
 * @param visitor the visitor's mark: they have seen every message up to this sequence number
 * @param agents the highest mark of any agent
 * @since 1.2
 */
public record SeenMarks(long visitor, long agents) {}
