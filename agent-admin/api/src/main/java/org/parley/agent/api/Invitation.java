package org.parley.agent.api;

import java.time.Instant;

/**
 * An invitation by email to become an agent.
 *
 * @param id its id: a random UUID string
 * @param email where the invitation was sent; the agent gets this address
 * @param displayName the name suggested by whoever invited, or null
 * @param accessLevel the access the agent gets: FULL or LIMITED
 * @param invitedBy the id of the agent who invited, or null when that agent was deleted since
 * @param createdAt when it was sent, or last sent again
 * @param expiresAt when its link stops working
 * @param status where it stands now
 */
public record Invitation(
        String id,
        String email,
        String displayName,
        AccessLevel accessLevel,
        String invitedBy,
        Instant createdAt,
        Instant expiresAt,
        InvitationStatus status) {}
