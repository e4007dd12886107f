package org.parley.chat.internal;

import java.time.OffsetDateTime;
import org.parley.chat.api.VisitorRecord;

/** A row of chat_visitor with the visitor info, filled by MyBatis. */
final class VisitorRecordRow {
    String id;
    OffsetDateTime createdAt;
    String name;
    String email;
    boolean blocked;
    String blockedBy;
    OffsetDateTime blockedAt;
    int visits;
    OffsetDateTime lastSeenAt;
    String ip;
    String userAgent;
    String country;
    String city;
    String visitReferrer;

    VisitorRecord toRecord() {
        return new VisitorRecord(id, createdAt.toInstant(), name, email, blocked, blockedBy,
                blockedAt == null ? null : blockedAt.toInstant(), visits,
                lastSeenAt == null ? null : lastSeenAt.toInstant(), ip, userAgent, country, city, visitReferrer);
    }
}
