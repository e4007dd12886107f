package org.parley.chat.internal;

import java.time.OffsetDateTime;
import org.parley.chat.api.VisitorNote;

/** A row of chat_visitor_note, filled by MyBatis. */
final class NoteRow {
    String id;
    String visitorId;
    String authorId;
    String authorName;
    String body;
    OffsetDateTime createdAt;
    OffsetDateTime updatedAt;

    VisitorNote toNote() {
        return new VisitorNote(id, visitorId, authorId, authorName, body, createdAt.toInstant(),
                updatedAt == null ? null : updatedAt.toInstant());
    }
}
