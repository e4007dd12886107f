package org.parley.chat.api;

import java.time.Instant;

/**
 * A note an agent wrote about a visitor; only its author edits or deletes it.
 *
 * @param id the note's id
 * @param visitorId the visitor it is about
 * @param authorId the agent who wrote it (the id may outlive the agent)
 * @param authorName the agent's display name when they wrote it
 * @param text the note
 * @param createdAt when it was written
 * @param updatedAt when it was last edited, or null if never
 */
public record VisitorNote(
        String id, String visitorId, String authorId, String authorName, String text, Instant createdAt,
        Instant updatedAt) {}
