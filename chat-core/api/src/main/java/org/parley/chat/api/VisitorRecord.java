package org.parley.chat.api;

import java.time.Instant;

/**
 * What Parley knows about one visitor. Location and software are stored as received; the transports parse the user
 * agent for display.
 *
 * @param id the visitor's id
 * @param createdAt the first contact
 * @param name the name the visitor gave, or null
 * @param email the email address the visitor gave, or null
 * @param blocked whether the visitor may no longer open conversations or write
 * @param blockedBy the agent who blocked the visitor, or null
 * @param blockedAt when, or null
 * @param visits the number of visits: page views more than 30 minutes apart start a new one
 * @param lastSeenAt the last page view, or null before the first
 * @param ip the IP address of the last page view, or null
 * @param userAgent the User-Agent header of the last page view, or null
 * @param country the country of the last page view (ISO 3166 code or a name), or null when unknown
 * @param city the city of the last page view, or null when unknown
 * @param referrer the referrer of the current visit's first page, or null
 */
public record VisitorRecord(
        String id,
        Instant createdAt,
        String name,
        String email,
        boolean blocked,
        String blockedBy,
        Instant blockedAt,
        int visits,
        Instant lastSeenAt,
        String ip,
        String userAgent,
        String country,
        String city,
        String referrer) {

    /** The visitor as the rest of the API knows it. */
    public Visitor visitor() {
        return new Visitor(id, createdAt);
    }
}
