package org.parley.chat.internal;

import java.time.OffsetDateTime;
import org.parley.chat.api.Visitor;

/** A row of chat_visitor, filled by MyBatis. */
final class VisitorRow {
    String id;
    OffsetDateTime createdAt;

    Visitor toVisitor() {
        return new Visitor(id, createdAt.toInstant());
    }
}
